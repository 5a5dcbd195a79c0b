package io.gatehouse.audit.auditlog.infra;

import io.gatehouse.audit.auditlog.domain.LogTail;
import io.gatehouse.audit.auditlog.domain.TileKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tiles in table {@code merkle_tile}, read and written with plain JDBC. */
public final class TileRows {

  private TileRows() {}

  /** Stores changed tiles: inserted, or replaced by their longer selves. */
  public static void write(JdbcTemplate jdbc, Map<TileKey, byte[]> tiles) {
    if (tiles.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(tiles.size());
    tiles.forEach((k, v) -> rows.add(new Object[] {k.level(), k.index(), v}));
    jdbc.batchUpdate("""
        INSERT INTO merkle_tile (tile_level, tile_index, hashes) VALUES (?, ?, ?)
        ON CONFLICT (tile_level, tile_index) DO UPDATE SET hashes = EXCLUDED.hashes""", rows);
  }

  /** The tiles of {@code keys} that exist. */
  public static Map<TileKey, byte[]> read(JdbcTemplate jdbc, List<TileKey> keys) {
    Map<TileKey, byte[]> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    StringBuilder sql = new StringBuilder("SELECT tile_level, tile_index, hashes FROM merkle_tile WHERE ");
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      sql.append(i == 0 ? "" : " OR ").append("(tile_level = ? AND tile_index = ?)");
      args.add(keys.get(i).level());
      args.add(keys.get(i).index());
    }
    jdbc.query(sql.toString(), rs -> {
      out.put(new TileKey(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
    }, args.toArray());
    return out;
  }

  /** The tail of the stored tree of {@code size} leaves. */
  public static LogTail tail(JdbcTemplate jdbc, long size) {
    List<TileKey> keys = LogTail.partialKeys(size);
    Map<TileKey, byte[]> found = read(jdbc, keys);
    return LogTail.of(size, keys.stream().map(k -> found.getOrDefault(k, new byte[0])).toList());
  }
}
