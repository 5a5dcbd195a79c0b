package io.gatehouse.platform.testapp;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterTestModel(@TargetAggregateIdentifier String name) {}
