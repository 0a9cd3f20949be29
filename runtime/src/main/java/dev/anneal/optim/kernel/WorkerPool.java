package dev.anneal.optim.kernel;

import dev.anneal.param.FloatStorage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Persistent daemon threads that split one pass across cores without allocating: the caller
 * publishes the job in fields, bumps a volatile generation, unparks the workers, does its own
 * share, and parks until the last worker signals. One job at a time (callers serialize).
 */
final class WorkerPool {
  private static final int ALIGN = 64;
  private static final WorkerPool SHARED = new WorkerPool(
      Integer.getInteger("anneal.optim.threads", Runtime.getRuntime().availableProcessors()));

  private final Thread[] workers;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile int generation;
  private volatile Thread caller;
  private volatile Throwable failure;

  // The job; written before the volatile generation bump, read after it.
  private ElementKernel kernel;
  private FloatStorage values;
  private FloatStorage grad;
  private int size;

  private WorkerPool(int threads) {
    workers = new Thread[Math.max(0, threads - 1)];
    for (int i = 0; i < workers.length; i++) {
      int part = i + 1;
      Thread t = new Thread(() -> work(part), "anneal-optim-" + part);
      t.setDaemon(true);
      workers[i] = t;
      t.start();
    }
  }

  static WorkerPool shared() {
    return SHARED;
  }

  /** Threads taking part in a pass, the caller included. */
  int threads() {
    return workers.length + 1;
  }

  synchronized void run(ElementKernel kernel, FloatStorage values, FloatStorage grad, int size) {
    this.kernel = kernel;
    this.values = values;
    this.grad = grad;
    this.size = size;
    this.failure = null;
    this.caller = Thread.currentThread();
    pending.set(workers.length);
    generation++;
    for (Thread worker : workers) {
      LockSupport.unpark(worker);
    }
    try {
      runPart(0, null);
    } finally {
      // Even if the caller's share failed, the workers must finish before the next job is set.
      while (pending.get() != 0) {
        LockSupport.park(this);
      }
      this.kernel = null;
      this.values = null;
      this.grad = null;
    }
    Throwable t = failure;
    if (t != null) {
      throw new IllegalStateException("an optimizer pass failed on a worker thread", t);
    }
  }

  private void runPart(int part, Scratch scratch) {
    int parts = threads();
    int from = bound(part, parts);
    int to = bound(part + 1, parts);
    if (from < to) {
      Passes.runRange(kernel, values, grad, from, to, scratch);
    }
  }

  /** Part boundaries on multiples of 64 elements, so parts do not share cache lines. */
  private int bound(int part, int parts) {
    if (part == parts) {
      return size;
    }
    long raw = (long) size * part / parts;
    return (int) Math.min(size, raw / ALIGN * ALIGN);
  }

  private void work(int part) {
    Scratch scratch = new Scratch();
    int seen = 0;
    while (true) {
      int current = generation;
      if (current == seen) {
        LockSupport.park(this);
        continue;
      }
      seen = current;
      try {
        runPart(part, scratch);
      } catch (Throwable t) {
        failure = t;
      }
      if (pending.decrementAndGet() == 0) {
        LockSupport.unpark(caller);
      }
    }
  }
}
