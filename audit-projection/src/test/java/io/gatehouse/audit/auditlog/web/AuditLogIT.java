package io.gatehouse.audit.auditlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.AuditIntegration;
import io.gatehouse.audit.verifier.Checkpoint;
import io.gatehouse.audit.verifier.MerkleHashes;
import io.gatehouse.audit.verifier.NoteKeys;
import io.gatehouse.audit.verifier.Proofs;
import io.gatehouse.audit.verifier.VerifyCommand;
import io.gatehouse.testsupport.KafkaRecords;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The Merkle log end to end: events from three topics consumed by three threads become one dense
 * sequence of leaves; the service's checkpoints, inclusion and consistency proofs verify with the
 * offline verifier (library and command) given only the public key; a redelivered event is not
 * logged twice; and an entry altered in PostgreSQL is found by the integrity check, by its index.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogIT extends AuditIntegration {

  @Autowired JdbcTemplate jdbc;
  @TempDir static Path dir;

  static final List<ProducerRecord<String, byte[]>> SENT = new ArrayList<>();

  private static List<byte[]> hashes(JsonNode array) {
    List<byte[]> out = new ArrayList<>();
    array.forEach(n -> out.add(Base64.getDecoder().decode(n.asString())));
    return out;
  }

  private NoteKeys.VerifierKey key() throws Exception {
    return NoteKeys.parseVerifierKey(get("/api/v1/log/public-key", issuer.token("svc", "SERVICE")).body());
  }

  @Test
  @Order(1)
  void eventsOfEveryTopicBecomeOneSequenceOfLeavesWhoseProofsVerify() throws Exception {
    for (int i = 0; i < 4; i++) {
      String model = "model-" + i;
      SENT.add(record(submitted(model, 1), "alice"));
      SENT.add(record(gatePassed(model, 1, "auc"), "service:validation-service"));
      SENT.add(record(signOff(model, 1, "erin", "ENGINEERING"), "erin"));
    }
    SENT.forEach(this::send);
    awaitTreeSize(12);
    Checkpoint cp = Checkpoint.verify(awaitCheckpoint(12), key());
    assertThat(cp.treeSize()).isEqualTo(12);

    JsonNode entries = getJson("/api/v1/log/entries?start=0&end=12").get("entries");
    assertThat(entries).hasSize(12);
    for (int i = 0; i < 12; i++) {
      JsonNode entry = entries.get(i);
      assertThat(entry.get("sequence").asLong()).isEqualTo(i);
      byte[] leaf = Base64.getDecoder().decode(entry.get("leaf").asString());
      JsonNode proof = getJson("/api/v1/log/proofs/inclusion?index=" + i);
      assertThat(proof.get("treeSize").asLong()).isEqualTo(12);
      byte[] leafHash = Base64.getDecoder().decode(proof.get("leafHash").asString());
      assertThat(MerkleHashes.leafHash(leaf)).isEqualTo(leafHash);
      Proofs.verifyInclusion(i, 12, leafHash, hashes(proof.get("proof")), cp.rootHash());
    }
    String id = entries.get(5).get("id").asString();
    assertThat(getJson("/api/v1/log/proofs/inclusion?id=" + id).get("leafIndex").asLong()).isEqualTo(5);
    assertThat(new String(Base64.getDecoder().decode(entries.get(0).get("leaf").asString()), StandardCharsets.UTF_8))
        .startsWith("{\"actor\":\"").contains("\"datacontenttype\":\"application/json\"");
  }

  @Test
  @Order(2)
  void aRedeliveredEventIsNotLoggedTwice() throws Exception {
    send(SENT.get(0));
    send(SENT.get(7));
    KafkaRecords.awaitConsumed(brokers, "audit-projection", Duration.ofSeconds(30), SENT.get(0).topic(),
        SENT.get(7).topic());
    assertThat(treeSize()).isEqualTo(12);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox", Long.class))
        .as("the log is the consumer's inbox (LogInbox): no second copy of the ids").isZero();
  }

  @Test
  @Order(3)
  void consistencyProofsBetweenCheckpointsVerifyAndTheCommandAgrees() throws Exception {
    String older = get("/api/v1/log/checkpoint", auditor()).body();
    for (int i = 0; i < 5; i++) {
      send(signOff("model-" + i, 1, "pat", "PRODUCT"), "pat");
    }
    awaitTreeSize(17);
    String newer = awaitCheckpoint(17);
    NoteKeys.VerifierKey key = key();
    Checkpoint a = Checkpoint.verify(older, key);
    Checkpoint b = Checkpoint.verify(newer, key);
    for (long m = 1; m <= 17; m++) {
      JsonNode p = getJson("/api/v1/log/proofs/consistency?from=" + m + "&to=17");
      Proofs.verifyConsistency(m, 17, Base64.getDecoder().decode(p.get("firstRootHash").asString()), b.rootHash(),
          hashes(p.get("proof")));
    }

    Files.writeString(dir.resolve("key"), key.encode());
    Files.writeString(dir.resolve("old.cp"), older);
    Files.writeString(dir.resolve("new.cp"), newer);
    Files.writeString(dir.resolve("consistency.json"),
        get("/api/v1/log/proofs/consistency?from=" + a.treeSize() + "&to=17", auditor()).body());
    Files.writeString(dir.resolve("inclusion.json"), get("/api/v1/log/proofs/inclusion?index=13", auditor()).body());
    Files.writeString(dir.resolve("entries.json"), get("/api/v1/log/entries?start=10&end=17", auditor()).body());
    assertThat(verify("checkpoint", "--key", dir.resolve("key").toString(), "--checkpoint", dir.resolve("new.cp").toString()))
        .startsWith("0 OK: checkpoint of gatehouse.local/audit").contains("tree size 17");
    assertThat(verify("inclusion", "--key", key.encode(), "--checkpoint", dir.resolve("new.cp").toString(),
        "--proof", dir.resolve("inclusion.json").toString(), "--entry", dir.resolve("entries.json").toString()))
        .startsWith("0 OK: entry 13").contains("leaf 13 is included in the tree of 17");
    assertThat(verify("consistency", "--key", key.encode(), "--old", dir.resolve("old.cp").toString(), "--new",
        dir.resolve("new.cp").toString(), "--proof", dir.resolve("consistency.json").toString()))
        .startsWith("0 OK: the tree of " + a.treeSize() + " entries is a prefix of the tree of 17");

    // The same command refuses what was changed on the way: an entry, a proof, a checkpoint.
    String entriesJson = Files.readString(dir.resolve("entries.json"));
    JsonNode doc = JSON.readTree(entriesJson);
    String leaf13 = doc.get("entries").get(3).get("leaf").asString();
    String forged = new String(Base64.getDecoder().decode(leaf13), StandardCharsets.UTF_8).replace("pat", "pam");
    Files.writeString(dir.resolve("forged.json"), entriesJson.replace(leaf13,
        Base64.getEncoder().encodeToString(forged.getBytes(StandardCharsets.UTF_8))));
    assertThat(verify("inclusion", "--key", key.encode(), "--checkpoint", dir.resolve("new.cp").toString(),
        "--proof", dir.resolve("inclusion.json").toString(), "--entry", dir.resolve("forged.json").toString()))
        .startsWith("1 FAILED: entry 13 does not hash");
    String proof = Files.readString(dir.resolve("consistency.json"));
    String firstElement = JSON.readTree(proof).get("proof").get(0).asString();
    byte[] flipped = Base64.getDecoder().decode(firstElement);
    flipped[0] ^= 1;
    Files.writeString(dir.resolve("bad.json"), proof.replace(firstElement, Base64.getEncoder().encodeToString(flipped)));
    assertThat(verify("consistency", "--key", key.encode(), "--old", dir.resolve("old.cp").toString(), "--new",
        dir.resolve("new.cp").toString(), "--proof", dir.resolve("bad.json").toString())).startsWith("1 FAILED");
    Files.writeString(dir.resolve("edited.cp"), newer.replace("\n17\n", "\n16\n"));
    assertThat(verify("checkpoint", "--key", key.encode(), "--checkpoint", dir.resolve("edited.cp").toString()))
        .startsWith("1 FAILED");
  }

  @Test
  @Order(4)
  void theAuditQueryFiltersByModelVersionActorAndType() throws Exception {
    JsonNode page = getJson("/api/v1/audit?model=model-2&version=1");
    assertThat(page.get("entries")).hasSize(4);
    assertThat(getJson("/api/v1/audit?actor=pat").get("entries")).hasSize(5);
    assertThat(getJson("/api/v1/audit?type=io.gatehouse.validation.GatePassed.v1").get("entries")).hasSize(4);
    java.time.Instant now = java.time.Instant.now();
    assertThat(getJson("/api/v1/audit?from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(60)).get("entries"))
        .as("CloudEvent time is when the event was stored by its service").hasSize(17);
    assertThat(getJson("/api/v1/audit?from=" + now.plusSeconds(60)).get("entries")).isEmpty();
    JsonNode first = getJson("/api/v1/audit?limit=10");
    assertThat(first.get("next").asLong()).isEqualTo(10);
    assertThat(getJson("/api/v1/audit?limit=10&after=10").get("entries")).hasSize(7);
    assertThat(get("/api/v1/log/entries?start=0&end=5000", auditor()).body()).contains("range-too-large");
    assertThat(get("/api/v1/log/proofs/inclusion?index=99&treeSize=200", auditor()).body()).contains("beyond-tree-size");
    assertThat(get("/api/v1/log/proofs/inclusion?id=nope", auditor()).statusCode()).isEqualTo(404);
  }

  @Test
  @Order(5)
  void anEntryAlteredInPostgresqlIsFoundByItsIndex() throws Exception {
    JsonNode clean = JSON.readTree(post("/api/v1/log/integrity-checks", auditor()).body());
    assertThat(clean.get("ok").asBoolean()).as(clean.toString()).isTrue();
    assertThat(clean.get("entriesChecked").asLong()).isEqualTo(17);

    int changed = jdbc.update("""
        UPDATE audit_entry SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '"erin"', '"mallory"'), 'UTF8')
        WHERE leaf_index = (SELECT max(leaf_index) FROM audit_entry WHERE actor = 'erin')""");
    assertThat(changed).isEqualTo(1);
    long altered = jdbc.queryForObject("SELECT leaf_index FROM audit_entry WHERE convert_from(entry, 'UTF8') LIKE"
        + " '%mallory%'", Long.class);
    JsonNode found = JSON.readTree(post("/api/v1/log/integrity-checks", auditor()).body());
    assertThat(found.get("ok").asBoolean()).isFalse();
    assertThat(found.get("firstBadIndex").asLong()).isEqualTo(altered);
    assertThat(found.get("detail").asString()).contains("entry " + altered).contains("no longer hash");
    assertThat(getJson("/api/v1/log/integrity-checks/latest").get("firstBadIndex").asLong()).isEqualTo(altered);
  }

  private static String verify(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = new VerifyCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(args);
    return status + " " + bytes.toString(StandardCharsets.UTF_8);
  }
}
