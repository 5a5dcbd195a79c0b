package io.gatehouse.audit.auditlog.domain;

/** Where the stored tiles come from. */
public interface TileSource {

  /**
   * The hashes of tile {@code (level, index)}, concatenated, 32 bytes each: 256 of them for a full
   * tile, fewer for the last tile of a level. Must hold every hash the caller asks about.
   */
  byte[] tile(int level, long index);

  /**
   * The root of the complete subtree over hashes {@code from .. from+count-1} of tile
   * {@code (level, index)}; {@code count} is a power of two. Hashed from {@link #tile} unless the
   * source keeps the nodes of its tiles ({@link TileNodes}).
   */
  default byte[] subtree(int level, long index, int from, int count) {
    byte[] tile = tile(level, index);
    if (Tiles.count(tile) < from + count) {
      throw new IllegalStateException("tile (" + level + ", " + index + ") holds " + Tiles.count(tile)
          + " hashes, node needs " + (from + count));
    }
    return Tiles.subtree(tile, from, count);
  }
}
