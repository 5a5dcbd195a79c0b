package io.gatehouse.audit.auditlog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TileNodesTest {

  @Test
  void everyCompleteSubtreeEqualsTheOneHashedFromTheTile() {
    byte[] tile = new byte[Tiles.FULL_BYTES];
    new Random(9162).nextBytes(tile);
    TileNodes nodes = TileNodes.of(tile);
    assertThat(nodes.tile()).isEqualTo(tile);
    int checked = 0;
    for (int count = 1; count <= Tiles.WIDTH; count <<= 1) {
      for (int from = 0; from < Tiles.WIDTH; from += count) {
        assertThat(nodes.subtree(from, count)).as("%d hashes from %d", count, from)
            .isEqualTo(Tiles.subtree(tile, from, count));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(2 * Tiles.WIDTH - 1);
  }

  @Test
  void refusesAPartialTileAndARangeThatIsNoCompleteSubtree() {
    assertThatThrownBy(() -> TileNodes.of(new byte[32 * 3])).hasMessageContaining("full tile");
    TileNodes nodes = TileNodes.of(new byte[Tiles.FULL_BYTES]);
    assertThatThrownBy(() -> nodes.subtree(2, 4)).hasMessageContaining("no complete subtree");
    assertThatThrownBy(() -> nodes.subtree(0, 3)).hasMessageContaining("no complete subtree");
  }
}
