package dev.anneal.optim;

/**
 * The per-step scalars of Adam-style moment updates, read from the group the same way by every
 * optimizer of the family: {@code 1-beta1}, {@code beta2}, {@code 1-beta2} and {@code eps} (and,
 * from {@link DecayState}, weight decay and maximize). Kernels read these fields into locals
 * before their loop.
 */
abstract class MomentState extends DecayState {
  float oneMinusBeta1;
  float beta2;
  float oneMinusBeta2;
  float eps;

  /** {@code betas} and {@code eps} of this step. */
  final void readBetas(ParamGroup group) {
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    this.oneMinusBeta1 = (float) (1 - beta1);
    this.beta2 = (float) beta2;
    this.oneMinusBeta2 = (float) (1 - beta2);
    this.eps = (float) group.getDouble("eps");
  }
}
