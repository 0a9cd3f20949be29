package dev.anneal.plan;

/** What a plan's kept average ({@link PlanAverage}) offers: the averaged weights, and a copy a preview puts back. */
public interface WeightAverage {

  /** {@return the averaged values of parameter (or buffer) {@code name}, a copy} */
  float[] averaged(String name);

  /** {@return PyTorch's {@code n_averaged}: the updates so far} */
  long averagedCount();

  /** Copies the average now; the returned action puts it back exactly (what a {@code TrialRun} does). */
  Runnable capture();
}
