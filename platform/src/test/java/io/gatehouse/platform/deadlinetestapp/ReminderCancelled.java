package io.gatehouse.platform.deadlinetestapp;

public record ReminderCancelled(String id) {}
