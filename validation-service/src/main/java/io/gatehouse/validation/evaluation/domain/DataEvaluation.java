package io.gatehouse.validation.evaluation.domain;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Evaluates one data stream: hashes every byte while the reader parses it, and at the end compares
 * the digest with the declared one. A mismatch discards the metrics (the bytes are not the ones
 * declared, so nothing computed from them is trusted); a malformed file reads on to the end so the
 * digest is still known. The outcome is a report tree either way.
 */
public final class DataEvaluation {

  /** The outcome: the report, the digest of the bytes read, rows evaluated, and the failure if any. */
  public record Outcome(Map<String, Object> report, String sha256, long rows, String failureCode,
      String failureMessage) {

    public boolean failed() {
      return failureCode != null;
    }
  }

  private DataEvaluation() {}

  /**
   * @param declaredSha256 the digest the data must have, or null to accept any (the standalone evaluation)
   * @param maxBytes the most bytes read before giving up
   */
  public static Outcome evaluate(InputStream in, String format, String declaredSha256, Mapping mapping,
      EvaluationOptions options, long maxBytes) throws IOException {
    Hashing hashing = new Hashing(in, maxBytes);
    Evaluator evaluator = new Evaluator(mapping, options);
    EvaluationFailure failure = null;
    try {
      if ("jsonl".equals(format)) {
        JsonLinesReader.read(hashing, evaluator);
      } else if ("csv".equals(format)) {
        CsvReader.readPipelined(hashing, evaluator);
      } else {
        throw new EvaluationFailure("unsupported-format", "format " + format + " is not csv or jsonl");
      }
    } catch (EvaluationFailure e) {
      failure = e;
    }
    hashing.drain();
    if (hashing.tooLarge) {
      String message = "the evaluation data is larger than the limit of " + maxBytes + " bytes";
      Report.Data data = new Report.Data(format, declaredSha256, null, hashing.bytes);
      return new Outcome(Report.failed(data, mapping, options, "data-too-large", message), null, 0,
          "data-too-large", message);
    }
    String sha = hashing.sha256();
    Report.Data data = new Report.Data(format, declaredSha256, sha, hashing.bytes);
    if (declaredSha256 != null && !declaredSha256.equals(sha)) {
      String message = "the evaluation data's sha256 is " + sha + ", not the declared " + declaredSha256
          + ": the bytes are not the ones submitted, so no metric computed from them is trusted";
      return new Outcome(Report.failed(data, mapping, options, "data-sha256-mismatch", message), sha, 0,
          "data-sha256-mismatch", message);
    }
    if (failure != null) {
      return new Outcome(Report.failed(data, mapping, options, failure.code(), failure.getMessage()), sha, 0,
          failure.code(), failure.getMessage());
    }
    Evaluation e = evaluator.finish();
    return new Outcome(Report.of(e, data, mapping, options), sha, e.labelled(), null, null);
  }

  /** SHA-256 and a byte count over everything read through it; refuses to read past the limit. */
  private static final class Hashing extends FilterInputStream {
    private final MessageDigest digest;
    private final long maxBytes;
    long bytes;
    boolean tooLarge;

    Hashing(InputStream in, long maxBytes) {
      super(in);
      this.maxBytes = maxBytes;
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        bytes += n;
        if (bytes > maxBytes) {
          tooLarge = true;
          throw new EvaluationFailure("data-too-large", "the evaluation data is larger than the limit of "
              + maxBytes + " bytes");
        }
        digest.update(b, off, n);
      }
      return n;
    }

    void drain() throws IOException {
      byte[] buf = new byte[1 << 16];
      try {
        while (read(buf, 0, buf.length) >= 0) {
          // hash the rest
        }
      } catch (EvaluationFailure tooLarge) {
        // the digest stays unknown past the limit; the reader already failed on it
      }
    }

    String sha256() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
