package io.gatehouse.platform.deadlinetestapp;

import java.time.Instant;

/** {@code deadlineId} is what the deadline manager returned: the aggregate needs it to cancel. */
public record ReminderSet(String id, Instant dueAt, String deadlineId) {}
