package io.gatehouse.audit.auditlog.domain;

/** Address of a tile: its tile level (tree level {@code 8 * level}) and index within the level. */
public record TileKey(int level, long index) {}
