package io.gatehouse.platform.deadlinetestapp;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SetReminder(@TargetAggregateIdentifier String id, Instant dueAt) {}
