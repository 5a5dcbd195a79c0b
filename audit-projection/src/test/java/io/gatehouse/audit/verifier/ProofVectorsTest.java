package io.gatehouse.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every RFC 6962 test vector of transparency-dev/merkle (copied to test resources as data):
 * the happy paths verify and every deliberately broken proof is rejected.
 */
class ProofVectorsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static List<Path> vectors(String kind) throws IOException, URISyntaxException {
    Path root = Path.of(ProofVectorsTest.class.getResource("/merkle-vectors/" + kind).toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** A uint64 of the vectors as Java's long with the same bits (2^64-1 becomes -1, which is refused). */
  private static long u64(JsonNode n) {
    return n.bigIntegerValue().longValue();
  }

  private static byte[] b64(JsonNode n) {
    return n == null || n.isNull() ? null : Base64.getDecoder().decode(n.asString());
  }

  private static List<byte[]> proof(JsonNode n) {
    List<byte[]> out = new ArrayList<>();
    if (n != null && !n.isNull()) {
      n.forEach(p -> out.add(b64(p)));
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> inclusionVectors() throws Exception {
    List<Path> files = vectors("inclusion");
    assertThat(files).hasSizeGreaterThan(80);
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName(), () -> {
      JsonNode v = JSON.readTree(f.toFile());
      boolean wantErr = v.get("wantErr").asBoolean();
      var check = assertThatCode(() -> Proofs.verifyInclusion(u64(v.get("leafIdx")), u64(v.get("treeSize")),
          b64(v.get("leafHash")), proof(v.get("proof")), b64(v.get("root"))));
      if (wantErr) {
        check.as(v.get("desc").asString()).isInstanceOf(ProofException.class);
      } else {
        check.as(v.get("desc").asString()).doesNotThrowAnyException();
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> consistencyVectors() throws Exception {
    List<Path> files = vectors("consistency");
    assertThat(files).hasSizeGreaterThan(90);
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName(), () -> {
      JsonNode v = JSON.readTree(f.toFile());
      boolean wantErr = v.get("wantErr").asBoolean();
      var check = assertThatCode(() -> Proofs.verifyConsistency(u64(v.get("size1")), u64(v.get("size2")),
          b64(v.get("root1")), b64(v.get("root2")), proof(v.get("proof"))));
      if (wantErr) {
        check.as(v.get("desc").asString()).isInstanceOf(ProofException.class);
      } else {
        check.as(v.get("desc").asString()).doesNotThrowAnyException();
      }
    }));
  }

  @Test
  void theVectorsHaveBothOutcomes() throws Exception {
    long happy = 0;
    long broken = 0;
    for (Path f : Stream.concat(vectors("inclusion").stream(), vectors("consistency").stream()).toList()) {
      if (JSON.readTree(f.toFile()).get("wantErr").asBoolean()) {
        broken++;
      } else {
        happy++;
      }
    }
    assertThat(happy).isGreaterThanOrEqualTo(10);
    assertThat(broken).isGreaterThan(150);
  }

  @Test
  void emptyTreeRootIsSha256OfNothing() {
    assertThat(Hex.of(MerkleHashes.emptyRoot()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThatThrownBy(() -> Proofs.verifyInclusion(0, 0, new byte[32], List.of(), new byte[32]))
        .isInstanceOf(ProofException.class);
  }
}
