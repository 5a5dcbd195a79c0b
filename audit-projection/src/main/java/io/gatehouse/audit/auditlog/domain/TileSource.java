package io.gatehouse.audit.auditlog.domain;

/** Where the stored tiles come from. */
public interface TileSource {

  /**
   * The hashes of tile {@code (level, index)}, concatenated, 32 bytes each: 256 of them for a full
   * tile, fewer for the last tile of a level. Must hold every hash the caller asks about.
   */
  byte[] tile(int level, long index);
}
