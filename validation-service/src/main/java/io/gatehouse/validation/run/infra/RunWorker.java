package io.gatehouse.validation.run.infra;

import io.gatehouse.validation.ValidationProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Workers that claim pending runs from the database and execute them: runs survive restarts, and
 * several instances share them ({@code FOR UPDATE SKIP LOCKED}); a run whose worker died is taken
 * over after the lease. A run that fails unexpectedly (a bug, the database gone) is logged and
 * tried again after the lease.
 */
@Component
public class RunWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RunWorker.class);

  private final Runs runs;
  private final RunExecutor executor;
  private final ValidationProperties properties;
  private final AtomicBoolean running = new AtomicBoolean();
  private final Object wake = new Object();
  private ExecutorService threads;

  public RunWorker(Runs runs, RunExecutor executor, ValidationProperties properties) {
    this.runs = runs;
    this.executor = executor;
    this.properties = properties;
  }

  /** Looks for pending runs now rather than at the next poll. */
  public void wakeUp() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  @Override
  public void start() {
    running.set(true);
    threads = Executors.newFixedThreadPool(properties.getWorkers(), r -> {
      Thread t = new Thread(r, "validation-worker");
      t.setDaemon(true);
      return t;
    });
    for (int i = 0; i < properties.getWorkers(); i++) {
      threads.submit(this::loop);
    }
  }

  private void loop() {
    while (running.get()) {
      Optional<Runs.Run> claimed;
      try {
        claimed = runs.claim(properties.getRunLease());
      } catch (RuntimeException e) {
        log.warn("Could not claim a validation run: {}", e.getMessage());
        claimed = Optional.empty();
      }
      if (claimed.isPresent()) {
        try {
          executor.execute(claimed.get());
        } catch (RuntimeException e) {
          log.error("Validation run {} failed; it is tried again after the lease", claimed.get().runId(), e);
        }
        continue;
      }
      synchronized (wake) {
        try {
          wake.wait(properties.getPollInterval().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void stop() {
    running.set(false);
    wakeUp();
    threads.shutdown();
    try {
      threads.awaitTermination(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  /** After Axon and the database are up; stopped before them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}
