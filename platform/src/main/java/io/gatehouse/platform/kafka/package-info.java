/** Kafka transport: publishing from the event store as CloudEvents, consuming each event once, dead letters. */
package io.gatehouse.platform.kafka;
