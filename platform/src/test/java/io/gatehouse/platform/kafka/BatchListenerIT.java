package io.gatehouse.platform.kafka;

import org.springframework.test.context.TestPropertySource;

/**
 * Every transport test of {@link PlatformIT} again with {@code gatehouse.kafka.batch-listener=true}:
 * applied once in effect, redeliveries are repeats, and malformed or refused records go to the
 * dead-letter topic one by one while the rest of their poll is applied.
 */
@TestPropertySource(properties = "gatehouse.kafka.batch-listener=true")
class BatchListenerIT extends PlatformIT {
}
