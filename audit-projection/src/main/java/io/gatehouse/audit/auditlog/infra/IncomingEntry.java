package io.gatehouse.audit.auditlog.infra;

import io.gatehouse.audit.auditlog.domain.LeafCodec;
import io.gatehouse.audit.auditlog.domain.LoggedEvent;
import io.gatehouse.audit.verifier.MerkleHashes;

/**
 * An event to append, with the columns the audit query filters on, where it came from, and its leaf
 * (canonical bytes and leaf hash). The leaf depends on the event alone, so it is computed when the
 * entry is made, before the append takes the log's lock: only the tree's own hashing runs under it.
 */
public record IncomingEntry(LoggedEvent event, String modelName, Integer modelVersion, String traceparent,
    String topic, int partition, long offset, byte[] leaf, byte[] leafHash) {

  /** The entry of an event, its leaf computed now. */
  public static IncomingEntry of(LoggedEvent event, String modelName, Integer modelVersion, String traceparent,
      String topic, int partition, long offset) {
    byte[] leaf = LeafCodec.canonical(event);
    return new IncomingEntry(event, modelName, modelVersion, traceparent, topic, partition, offset, leaf,
        MerkleHashes.leafHash(leaf));
  }
}
