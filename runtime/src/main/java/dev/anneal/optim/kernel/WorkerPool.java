package dev.anneal.optim.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Persistent daemon threads that split one job across cores without allocating: the caller
 * publishes the job in a field, bumps a volatile generation, unparks the workers, does its own
 * part, and parks until the last worker signals. One job at a time (callers serialize).
 */
final class WorkerPool {
  private static final WorkerPool SHARED = new WorkerPool(
      Integer.getInteger("anneal.optim.threads", Runtime.getRuntime().availableProcessors()));

  /** Work split into {@code parts} pieces; part {@code p} runs on one thread with that thread's scratch. */
  interface Job {
    void runPart(int part, int parts, Scratch scratch);
  }

  private final Thread[] workers;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile int generation;
  private volatile Thread caller;
  private volatile Throwable failure;
  private Job job; // written before the volatile generation bump, read after it

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

  /** Threads taking part in a job, the caller included. */
  int threads() {
    return workers.length + 1;
  }

  /** Runs every part of {@code job}, part 0 on the calling thread; returns when all are done. */
  synchronized void run(Job job) {
    if (workers.length == 0) {
      job.runPart(0, 1, Scratch.ofCurrentThread());
      return;
    }
    this.job = job;
    this.failure = null;
    this.caller = Thread.currentThread();
    pending.set(workers.length);
    generation++;
    for (Thread worker : workers) {
      LockSupport.unpark(worker);
    }
    try {
      job.runPart(0, threads(), Scratch.ofCurrentThread());
    } finally {
      // Even if the caller's part failed, the workers must finish before the next job is set.
      while (pending.get() != 0) {
        LockSupport.park(this);
      }
      this.job = null;
    }
    Throwable t = failure;
    if (t != null) {
      throw new IllegalStateException("an optimizer pass failed on a worker thread", t);
    }
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
        job.runPart(part, threads(), scratch);
      } catch (Throwable t) {
        failure = t;
      }
      if (pending.decrementAndGet() == 0) {
        LockSupport.unpark(caller);
      }
    }
  }
}
