package io.gatehouse.validation.evaluation.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands records from the reading thread to a second thread that feeds the real sink, in batches:
 * each record's bytes are copied once into the batch ({@link RowBuffer#from}..{@link RowBuffer#to})
 * with its field offsets, so the reader may reuse its buffer at once. Order is kept; a failure on
 * either side stops both. Batches are recycled: memory is a few MiB whatever the file's size.
 */
final class Pipeline implements RowSink, AutoCloseable {

  private static final int ROWS = 8192;
  private static final Batch END = new Batch(0, 0);

  private final RowSink target;
  private final int slots;
  private final boolean[] numeric;
  private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(4);
  private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(6);
  private final Thread worker;
  private volatile Throwable failure;
  private Batch current;
  private boolean finished;

  Pipeline(RowSink target) {
    this.target = target;
    this.slots = target.columns().size();
    this.numeric = new boolean[slots];
    for (int s = 0; s < slots; s++) {
      numeric[s] = target.numeric(s);
    }
    for (int i = 0; i < 5; i++) {
      free.add(new Batch(ROWS, slots));
    }
    current = take(free);
    worker = new Thread(this::work, "evaluation-" + Thread.currentThread().getName());
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public List<String> columns() {
    return target.columns();
  }

  @Override
  public void row(RowBuffer r, long record) {
    Batch b = current;
    int len = r.to - r.from;
    b.ensureBytes(len);
    System.arraycopy(r.buf, r.from, b.data, b.used, len);
    int shift = b.used - r.from;
    int base = b.count * slots;
    for (int s = 0; s < slots; s++) {
      int st = r.start[s];
      b.start[base + s] = st < 0 ? -1 : st + shift;
      b.end[base + s] = r.end[s] + shift;
      b.number[base + s] = st < 0 || !numeric[s] ? Double.NaN
          : FastDoubles.parse(r.buf, Evaluator.trimStart(r.buf, st, r.end[s]), Evaluator.trimEnd(r.buf, st, r.end[s]));
    }
    b.record[b.count] = record;
    b.count++;
    b.used += len;
    if (b.count == ROWS) {
      handOff();
    }
  }

  @Override
  public void malformed(long record, String why) {
    Batch b = current;
    b.record[b.count] = record;
    b.start[b.count * slots] = -2;
    b.malformed.add(why);
    b.count++;
    if (b.count == ROWS) {
      handOff();
    }
  }

  private void handOff() {
    put(full, current);
    current = take(free);
  }

  /** Waits until the sink has had every record; rethrows the sink's failure. */
  void finish() {
    if (current.count > 0) {
      put(full, current);
      current = null;
    }
    put(full, END);
    finished = true;
    join();
  }

  @Override
  public void close() {
    if (!finished) {
      full.clear();
      put(full, END);
      finished = true;
      join();
    }
  }

  private void join() {
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating", e);
    }
    rethrow();
  }

  private void rethrow() {
    Throwable f = failure;
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error err) {
      throw err;
    }
  }

  private void work() {
    RowBuffer row = new RowBuffer(slots);
    row.parsed = true;
    try {
      while (true) {
        Batch b = full.take();
        if (b == END) {
          return;
        }
        if (failure == null) {
          row.buf = b.data;
          int m = 0;
          for (int i = 0; i < b.count; i++) {
            int base = i * slots;
            if (b.start[base] == -2 && slots > 0) {
              target.malformed(b.record[i], b.malformed.get(m++));
              continue;
            }
            System.arraycopy(b.start, base, row.start, 0, slots);
            System.arraycopy(b.end, base, row.end, 0, slots);
            System.arraycopy(b.number, base, row.number, 0, slots);
            target.row(row, b.record[i]);
          }
        }
        b.reset();
        free.put(b);
      }
    } catch (Throwable t) {
      failure = t;
      // keep draining so the reader never blocks on a full queue
      try {
        while (full.take() != END) {
          // discard
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private <T> T take(BlockingQueue<T> q) {
    try {
      while (true) {
        T t = q.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (t != null) {
          return t;
        }
        rethrow();
        if (failure != null) {
          throw new IllegalStateException("the evaluation thread failed", failure);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating", e);
    }
  }

  private <T> void put(BlockingQueue<T> q, T t) {
    try {
      while (!q.offer(t, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        rethrow();
        if (failure != null) {
          throw new IllegalStateException("the evaluation thread failed", failure);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating", e);
    }
  }

  /** Records' bytes and field offsets. */
  private static final class Batch {
    byte[] data;
    final int[] start;
    final int[] end;
    final double[] number;
    final long[] record;
    final List<String> malformed = new ArrayList<>();
    int count;
    int used;

    Batch(int rows, int slots) {
      data = new byte[rows == 0 ? 0 : 1 << 20];
      start = new int[Math.max(1, rows * slots)];
      end = new int[Math.max(1, rows * slots)];
      number = new double[Math.max(1, rows * slots)];
      record = new long[rows];
    }

    void ensureBytes(int len) {
      if (used + len > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, used + len));
      }
    }

    void reset() {
      count = 0;
      used = 0;
      malformed.clear();
    }
  }
}
