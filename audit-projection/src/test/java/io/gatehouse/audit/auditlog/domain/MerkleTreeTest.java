package io.gatehouse.audit.auditlog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.verifier.MerkleHashes;
import io.gatehouse.audit.verifier.Proofs;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tiled tree against a naive RFC 9162 implementation over all leaves, across tile boundaries
 * (256 and 65,536 leaves), and its proofs against the verifier.
 */
class MerkleTreeTest {

  /** Tiles as the store would hold them, fed from an appending tail. */
  static final class MemoryLog implements TileSource {
    final Map<TileKey, byte[]> tiles = new HashMap<>();
    final LogTail tail = LogTail.empty();
    final List<byte[]> leaves = new ArrayList<>();

    void append(byte[] leafHash) {
      tail.append(leafHash);
      leaves.add(leafHash);
      tiles.putAll(tail.drainChanged());
    }

    @Override
    public byte[] tile(int level, long index) {
      return tiles.getOrDefault(new TileKey(level, index), new byte[0]);
    }
  }

  static byte[] leaf(long i) {
    return MerkleHashes.leafHash(ByteBuffer.allocate(8).putLong(i).array());
  }

  /** MTH exactly as RFC 9162 2.1.1 defines it. */
  static byte[] naiveRoot(List<byte[]> leaves, int lo, int hi) {
    int n = hi - lo;
    if (n == 0) {
      return MerkleHashes.emptyRoot();
    }
    if (n == 1) {
      return leaves.get(lo);
    }
    int k = Integer.highestOneBit(n - 1);
    return MerkleHashes.nodeHash(naiveRoot(leaves, lo, lo + k), naiveRoot(leaves, lo + k, hi));
  }

  @Test
  void knownRootOfTheEightTestLeaves() {
    MemoryLog log = new MemoryLog();
    for (String hex : List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f")) {
      log.append(MerkleHashes.leafHash(HexFormat.of().parseHex(hex)));
    }
    assertThat(HexFormat.of().formatHex(log.tail.root()))
        .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    assertThat(new MerkleTree(log).root(8)).isEqualTo(log.tail.root());
  }

  @Test
  void rootsAndProofsMatchTheRfcAtEverySizeUpTo600() throws Exception {
    MemoryLog log = new MemoryLog();
    MerkleTree tree = new MerkleTree(log);
    for (int size = 1; size <= 600; size++) {
      log.append(leaf(size - 1));
      byte[] root = naiveRoot(log.leaves, 0, size);
      assertThat(log.tail.root()).as("tail root at %d", size).isEqualTo(root);
      assertThat(tree.root(size)).as("tile root at %d", size).isEqualTo(root);
      for (int i = 0; i < size; i += Math.max(1, size / 7)) {
        Proofs.verifyInclusion(i, size, log.leaves.get(i), tree.inclusionProof(i, size), root);
      }
      Proofs.verifyInclusion(size - 1, size, log.leaves.get(size - 1), tree.inclusionProof(size - 1, size), root);
      for (int m = 1; m <= size; m += Math.max(1, size / 5)) {
        Proofs.verifyConsistency(m, size, naiveRoot(log.leaves, 0, m), root, tree.consistencyProof(m, size));
      }
    }
  }

  @Test
  void proofsOfOlderSizesHoldAcrossTheSecondTileLevel() throws Exception {
    MemoryLog log = new MemoryLog();
    int n = 65_536 + 300;
    for (int i = 0; i < n; i++) {
      log.append(leaf(i));
    }
    MerkleTree tree = new MerkleTree(log);
    assertThat(tree.root(n)).isEqualTo(naiveRoot(log.leaves, 0, n)).isEqualTo(log.tail.root());
    Random random = new Random(8);
    for (int k = 0; k < 200; k++) {
      int size = 1 + random.nextInt(n);
      int index = random.nextInt(size);
      byte[] root = tree.root(size);
      Proofs.verifyInclusion(index, size, log.leaves.get(index), tree.inclusionProof(index, size), root);
      int m = 1 + random.nextInt(size);
      Proofs.verifyConsistency(m, size, tree.root(m), root, tree.consistencyProof(m, size));
    }
    assertThat(tree.root(65_536)).isEqualTo(naiveRoot(log.leaves, 0, 65_536));
  }

  @Test
  void aTailRebuiltFromItsStoredTilesContinuesTheSameTree() {
    MemoryLog log = new MemoryLog();
    for (int i = 0; i < 70_000; i++) {
      log.append(leaf(i));
    }
    List<byte[]> partial = LogTail.partialKeys(70_000).stream().map(k -> log.tile(k.level(), k.index())).toList();
    LogTail rebuilt = LogTail.of(70_000, partial);
    assertThat(rebuilt.root()).isEqualTo(log.tail.root());
    rebuilt.append(leaf(70_000));
    log.append(leaf(70_000));
    assertThat(rebuilt.root()).isEqualTo(log.tail.root());
  }
}
