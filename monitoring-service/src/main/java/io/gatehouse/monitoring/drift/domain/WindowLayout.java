package io.gatehouse.monitoring.drift.domain;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Where each count of an open window lives in its state: a flat array of 64-bit slots, so that an
 * observation is added by incrementing a few slots in place, with no object to build or parse.
 * Header slots, then performance slots, then for each reference feature its missing count and one
 * slot per bin.
 */
public final class WindowLayout {

  /** Observations in the window. */
  public static final int COUNT = 0;
  /** Smallest and largest observation timestamp (epoch ms). */
  public static final int MIN_TS = 1;
  public static final int MAX_TS = 2;
  /** Window start (epoch ms): aligned (time windows) or the first observation's time. */
  public static final int START = 3;
  /** Event time at which the window is due; Long.MAX_VALUE for a pure count window. */
  public static final int DEADLINE = 4;
  /** Fingerprint of the reference profile the window is counted on. */
  public static final int FINGERPRINT = 5;
  /** Labelled observations with a prediction; confusion counts for the positive label. */
  public static final int LABELLED = 6;
  public static final int CORRECT = 7;
  public static final int TP = 8;
  public static final int FP = 9;
  public static final int FN = 10;
  /** Labelled observations with a score in [0, 1] and a 0/1 label, and their squared-error sum (double bits). */
  public static final int SCORED = 11;
  public static final int BRIER_SUM = 12;
  /** Positives and negatives per score bin of width 1/{@value #AUC_BINS}, for a binned ROC AUC. */
  public static final int AUC_BINS = 100;
  public static final int AUC_POSITIVES = 13;
  public static final int AUC_NEGATIVES = AUC_POSITIVES + AUC_BINS;
  private static final int HEADER = AUC_NEGATIVES + AUC_BINS;

  private final ReferenceProfile profile;
  private final int[] offsets;
  private final int slots;
  private final long fingerprint;

  public WindowLayout(ReferenceProfile profile) {
    this.profile = profile;
    List<ReferenceHistogram> hs = profile.histograms();
    offsets = new int[hs.size()];
    int next = HEADER;
    for (int i = 0; i < hs.size(); i++) {
      offsets[i] = next;
      next += 1 + hs.get(i).bins();
    }
    slots = next;
    fingerprint = fingerprintOf(profile);
  }

  /**
   * A digest of the profile that is the same in every process (it is stored with each open window
   * and compared after a restart): SHA-256 of the features' names, kinds, edges, categories, counts.
   */
  private static long fingerprintOf(ReferenceProfile profile) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      StringBuilder b = new StringBuilder();
      for (ReferenceHistogram r : profile.histograms()) {
        b.append(r.feature()).append('\u0000').append(r.kind().name()).append('\u0000').append(r.edges())
            .append('\u0000').append(r.categories()).append('\u0000').append(r.counts()).append('\u0001');
      }
      return ByteBuffer.wrap(sha.digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))).getLong();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public ReferenceProfile profile() {
    return profile;
  }

  public int slots() {
    return slots;
  }

  public int bytes() {
    return slots * Long.BYTES;
  }

  public long fingerprint() {
    return fingerprint;
  }

  /** The slot of the missing count of feature {@code f} (index in the profile); its bins follow. */
  public int missingSlot(int f) {
    return offsets[f];
  }

  public int binSlot(int f, int bin) {
    return offsets[f] + 1 + bin;
  }

  /** A new, empty window. */
  public byte[] open(long start, long deadline) {
    byte[] state = new byte[bytes()];
    ByteBuffer b = ByteBuffer.wrap(state);
    b.putLong(MIN_TS * 8, Long.MAX_VALUE);
    b.putLong(MAX_TS * 8, Long.MIN_VALUE);
    b.putLong(START * 8, start);
    b.putLong(DEADLINE * 8, deadline);
    b.putLong(FINGERPRINT * 8, fingerprint);
    return state;
  }

  /** Whether a stored window was counted on this layout. */
  public boolean fits(byte[] state) {
    return state.length == bytes() && get(state, FINGERPRINT) == fingerprint;
  }

  public static long get(byte[] state, int slot) {
    return ByteBuffer.wrap(state).getLong(slot * 8);
  }

  public static void put(byte[] state, int slot, long value) {
    ByteBuffer.wrap(state).putLong(slot * 8, value);
  }

  public static void increment(byte[] state, int slot) {
    ByteBuffer b = ByteBuffer.wrap(state);
    b.putLong(slot * 8, b.getLong(slot * 8) + 1);
  }

  public static void add(byte[] state, int slot, long delta) {
    ByteBuffer b = ByteBuffer.wrap(state);
    b.putLong(slot * 8, b.getLong(slot * 8) + delta);
  }

  public static void addDouble(byte[] state, int slot, double delta) {
    ByteBuffer b = ByteBuffer.wrap(state);
    b.putDouble(slot * 8, b.getDouble(slot * 8) + delta);
  }

  public static double getDouble(byte[] state, int slot) {
    return ByteBuffer.wrap(state).getDouble(slot * 8);
  }

  /** The window's counts of feature {@code f} on its bins. */
  public long[] featureCounts(byte[] state, int f) {
    long[] c = new long[profile.histograms().get(f).bins()];
    for (int i = 0; i < c.length; i++) {
      c[i] = get(state, binSlot(f, i));
    }
    return c;
  }
}
