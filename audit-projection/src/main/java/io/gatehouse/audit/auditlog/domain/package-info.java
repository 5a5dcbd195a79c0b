/**
 * The audit log as an RFC 9162 Merkle tree kept in tiles: leaves from canonical events, appends,
 * roots and proofs. Plain code: storage is behind {@link io.gatehouse.audit.auditlog.domain.TileSource}.
 */
package io.gatehouse.audit.auditlog.domain;
