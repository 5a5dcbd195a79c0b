package io.gatehouse.audit.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline verifier's command line ({@code ./gatehouse-verify}). Every check needs only the log's
 * verifier key and responses saved from the service; nothing is fetched.
 *
 * <pre>
 * checkpoint  --key K --checkpoint CP                      the checkpoint's signature
 * inclusion   --key K --checkpoint CP --proof P [--entry E] an entry is in the checkpoint's tree
 * consistency --key K --old CP1 --new CP2 --proof P         the older checkpoint's tree is a prefix of the newer
 * leaf-hash   --event E                                    the leaf hash of a CloudEvent (JSON format)
 * </pre>
 * K is the verifier key ({@code name+id+key}) or a file holding it; CP a saved checkpoint
 * ({@code GET /api/v1/log/checkpoint}); P a saved proof ({@code /api/v1/log/proofs/...}); E an entry
 * (an element of {@code GET /api/v1/log/entries}, or that whole response). Exit 0 verified, 1 not
 * verified, 2 usage.
 */
public final class VerifyCommand {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PrintStream out;

  public VerifyCommand(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(new VerifyCommand(System.out).run(args));
  }

  /** Runs one command; returns the exit status. */
  public int run(String... args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.println(usage());
      return args.length == 0 ? 2 : 0;
    }
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        out.println("error: options are --name value pairs; see --help");
        return 2;
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    try {
      return switch (args[0]) {
        case "checkpoint" -> checkpoint(opts);
        case "inclusion" -> inclusion(opts);
        case "consistency" -> consistency(opts);
        case "leaf-hash" -> leafHash(opts);
        default -> {
          out.println("error: unknown command " + args[0] + "\n" + usage());
          yield 2;
        }
      };
    } catch (Usage e) {
      out.println("error: " + e.getMessage());
      return 2;
    } catch (ProofException e) {
      out.println("FAILED: " + e.getMessage());
      return 1;
    }
  }

  private int checkpoint(Map<String, String> o) throws Usage, ProofException {
    NoteKeys.VerifierKey key = key(o);
    Checkpoint cp = Checkpoint.verify(read(o, "checkpoint"), key);
    out.println("OK: checkpoint of " + cp.origin() + " signed by key " + String.format("%08x", key.keyId())
        + ": tree size " + cp.treeSize() + ", root " + hex(cp.rootHash()));
    return 0;
  }

  private int inclusion(Map<String, String> o) throws Usage, ProofException {
    NoteKeys.VerifierKey key = key(o);
    Checkpoint cp = Checkpoint.verify(read(o, "checkpoint"), key);
    JsonNode proof = json(read(o, "proof"));
    long index = proof.path("leafIndex").asLong(-1);
    long size = proof.path("treeSize").asLong(-1);
    if (size != cp.treeSize()) {
      throw new ProofException("the proof is for tree size " + size + ", the checkpoint is of size " + cp.treeSize());
    }
    byte[] leafHash = b64(proof.path("leafHash"), "leafHash");
    if (o.containsKey("entry")) {
      JsonNode entry = entry(json(read(o, "entry")), index);
      byte[] leaf = b64(entry.path("leaf"), "leaf");
      if (!MessageDigest.isEqual(MerkleHashes.leafHash(leaf), leafHash)) {
        throw new ProofException("entry " + index + " does not hash to the proof's leaf hash: its bytes differ from"
            + " what the log holds");
      }
      out.println("OK: entry " + index + " (" + entry.path("type").asString() + ", CloudEvent "
          + entry.path("id").asString() + ") hashes to leaf hash " + hex(leafHash));
    }
    Proofs.verifyInclusion(index, size, leafHash, hashes(proof.path("proof")), cp.rootHash());
    out.println("OK: leaf " + index + " is included in the tree of " + size + " entries signed by "
        + cp.origin());
    return 0;
  }

  private int consistency(Map<String, String> o) throws Usage, ProofException {
    NoteKeys.VerifierKey key = key(o);
    Checkpoint older = Checkpoint.verify(read(o, "old"), key);
    Checkpoint newer = Checkpoint.verify(read(o, "new"), key);
    JsonNode proof = json(read(o, "proof"));
    if (proof.path("firstSize").asLong(-1) != older.treeSize() || proof.path("secondSize").asLong(-1)
        != newer.treeSize()) {
      throw new ProofException("the proof is from size " + proof.path("firstSize").asLong(-1) + " to "
          + proof.path("secondSize").asLong(-1) + ", the checkpoints are of sizes " + older.treeSize() + " and "
          + newer.treeSize());
    }
    Proofs.verifyConsistency(older.treeSize(), newer.treeSize(), older.rootHash(), newer.rootHash(),
        hashes(proof.path("proof")));
    out.println("OK: the tree of " + older.treeSize() + " entries is a prefix of the tree of " + newer.treeSize()
        + " entries: nothing logged was changed or removed in between");
    return 0;
  }

  private int leafHash(Map<String, String> o) throws Usage {
    String event = read(o, "event");
    try {
      byte[] leaf = new JsonCanonicalizer(event).getEncodedUTF8();
      out.println(new String(leaf, StandardCharsets.UTF_8));
      out.println("leaf hash: " + Base64.getEncoder().encodeToString(MerkleHashes.leafHash(leaf)) + " (hex "
          + hex(MerkleHashes.leafHash(leaf)) + ")");
      return 0;
    } catch (IOException | RuntimeException e) {
      throw new Usage("the event is not JSON: " + e.getMessage());
    }
  }

  /** The entry with {@code index}: the document itself, or one of its {@code entries}. */
  private static JsonNode entry(JsonNode doc, long index) throws ProofException {
    if (doc.has("entries")) {
      for (JsonNode e : doc.get("entries")) {
        if (e.path("sequence").asLong(-1) == index) {
          return e;
        }
      }
      throw new ProofException("the entries file holds no entry " + index);
    }
    if (doc.path("sequence").asLong(-1) != index) {
      throw new ProofException("the entry is " + doc.path("sequence").asLong(-1) + ", the proof is of " + index);
    }
    return doc;
  }

  private static NoteKeys.VerifierKey key(Map<String, String> o) throws Usage, ProofException {
    String k = o.get("key");
    if (k == null) {
      throw new Usage("--key is required (the verifier key, or a file holding it)");
    }
    Path p = Path.of(k);
    try {
      return NoteKeys.parseVerifierKey(Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : k);
    } catch (IOException e) {
      throw new Usage("cannot read " + k + ": " + e.getMessage());
    }
  }

  private static String read(Map<String, String> o, String name) throws Usage {
    String file = o.get(name);
    if (file == null) {
      throw new Usage("--" + name + " FILE is required");
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Usage("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static JsonNode json(String text) throws ProofException {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      throw new ProofException("not JSON: " + e.getOriginalMessage());
    }
  }

  private static List<byte[]> hashes(JsonNode array) throws ProofException {
    List<byte[]> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(b64(n, "proof element"));
    }
    return out;
  }

  private static byte[] b64(JsonNode n, String what) throws ProofException {
    try {
      return Base64.getDecoder().decode(n.asString());
    } catch (IllegalArgumentException e) {
      throw new ProofException(what + " is not base64");
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static String usage() {
    return """
        usage: gatehouse-verify <command> [options]
          checkpoint  --key KEY --checkpoint CHECKPOINT
          inclusion   --key KEY --checkpoint CHECKPOINT --proof PROOF.json [--entry ENTRY.json]
          consistency --key KEY --old CHECKPOINT --new CHECKPOINT --proof PROOF.json
          leaf-hash   --event EVENT.json
        KEY: the log's verifier key (name+keyid+base64key) or a file holding it.
        Exit status: 0 verified, 1 not verified (the reason is printed), 2 usage.""";
  }

  private static final class Usage extends Exception {
    Usage(String message) {
      super(message);
    }
  }
}
