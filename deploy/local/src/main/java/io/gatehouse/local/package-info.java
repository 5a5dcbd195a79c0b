/** Runs the whole Gatehouse stack on one machine: a KRaft Kafka broker and every service as child JVMs. */
package io.gatehouse.local;
