package io.gatehouse.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.auditlog.domain.LeafCodec;
import io.gatehouse.audit.auditlog.domain.LoggedEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's own cases; its proof checks run against the service in AuditLogIT. */
class VerifyCommandTest {

  @TempDir Path dir;

  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = new VerifyCommand(new PrintStream(out, true, StandardCharsets.UTF_8)).run(args);
    return status + " " + out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void leafHashOfACloudEventIsTheLogsLeafHash() throws Exception {
    LoggedEvent e = new LoggedEvent("e-1", "io.gatehouse.approval.SignOffRecorded.v1", "/gatehouse/approval",
        "models/m/versions/1", Instant.parse("2026-11-22T10:00:00Z"), "erin",
        "{\"signer\":\"erin\",\"version\":1}".getBytes(StandardCharsets.UTF_8));
    // the same event as someone might hold it: other member order, whitespace
    Files.writeString(dir.resolve("e.json"), """
        { "type": "io.gatehouse.approval.SignOffRecorded.v1", "id": "e-1", "source": "/gatehouse/approval",
          "specversion": "1.0", "subject": "models/m/versions/1", "time": "2026-11-22T10:00:00Z",
          "datacontenttype": "application/json", "actor": "erin", "data": { "version": 1, "signer": "erin" } }""");
    String expected = Base64.getEncoder().encodeToString(MerkleHashes.leafHash(LeafCodec.canonical(e)));
    assertThat(run("leaf-hash", "--event", dir.resolve("e.json").toString())).startsWith("0 {\"actor\":\"erin\"")
        .contains("leaf hash: " + expected);
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(run()).startsWith("2 usage:");
    assertThat(run("inclusion", "--key")).startsWith("2 error:");
    assertThat(run("checkpoint", "--checkpoint", "x")).startsWith("2 error: --key is required");
    assertThat(run("nonsense")).startsWith("2 error: unknown command");
  }
}
