package io.gatehouse.platform.deadlinetestapp;

import java.time.Instant;

public record ReminderFired(String id, Instant dueAt, Instant firedAt) {}
