package io.gatehouse.platform.deadlinetestapp;

import java.time.Instant;

/** The deadline's payload, stored with it until it fires. */
public record ReminderDue(String id, Instant dueAt) {}
