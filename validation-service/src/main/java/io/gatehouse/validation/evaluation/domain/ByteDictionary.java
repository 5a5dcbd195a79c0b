package io.gatehouse.validation.evaluation.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Distinct byte strings (group names, categories) to dense ids 0, 1, 2, ... without making a String
 * per row. At most {@code limit} entries: a new key past it gets {@link #FULL}.
 */
final class ByteDictionary {

  static final int FULL = -2;

  private final int limit;
  private byte[][] keys = new byte[16][];
  private int[] hashes = new int[16];
  private int[] ids = new int[16];
  private byte[][] byId = new byte[8][];
  private int size;

  ByteDictionary(int limit) {
    this.limit = limit;
  }

  int size() {
    return size;
  }

  String name(int id) {
    return new String(byId[id], StandardCharsets.UTF_8);
  }

  /** The id of {@code buf[from, to)}, added if new; {@link #FULL} if new and the dictionary is full. */
  int id(byte[] buf, int from, int to) {
    int h = hash(buf, from, to);
    int mask = keys.length - 1;
    int i = h & mask;
    while (true) {
      byte[] k = keys[i];
      if (k == null) {
        break;
      }
      if (hashes[i] == h && Arrays.equals(k, 0, k.length, buf, from, to)) {
        return ids[i];
      }
      i = (i + 1) & mask;
    }
    if (size >= limit) {
      return FULL;
    }
    byte[] key = Arrays.copyOfRange(buf, from, to);
    keys[i] = key;
    hashes[i] = h;
    ids[i] = size;
    if (size == byId.length) {
      byId = Arrays.copyOf(byId, size * 2);
    }
    byId[size] = key;
    size++;
    if (size * 2 > keys.length) {
      rehash();
    }
    return size - 1;
  }

  private static int hash(byte[] buf, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + buf[i];
    }
    return h ^ (h >>> 16);
  }

  private void rehash() {
    byte[][] ok = keys;
    int[] oh = hashes;
    int[] oi = ids;
    keys = new byte[ok.length * 2][];
    hashes = new int[keys.length];
    ids = new int[keys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != null) {
        int i = oh[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = ok[j];
        hashes[i] = oh[j];
        ids[i] = oi[j];
      }
    }
  }
}
