package io.gatehouse.platform.deadlinetestapp;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelReminder(@TargetAggregateIdentifier String id) {}
