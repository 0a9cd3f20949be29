package dev.anneal.optim;

/**
 * The per-step scalars of Adam-style moment updates, read from the group the same way by every
 * optimizer of the family: {@code 1-beta1}, {@code beta2}, {@code 1-beta2} and {@code eps}, and
 * the weight decay (L2 on the gradient, or decoupled as a factor on the weights) with maximize's
 * sign. Kernels read these fields into locals before their loop.
 */
abstract class MomentState extends TensorState {
  float oneMinusBeta1;
  float beta2;
  float oneMinusBeta2;
  float eps;
  float decay;
  float weightDecay;
  float sign;

  /** {@code betas} and {@code eps} of this step. */
  final void readBetas(ParamGroup group) {
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    this.oneMinusBeta1 = (float) (1 - beta1);
    this.beta2 = (float) beta2;
    this.oneMinusBeta2 = (float) (1 - beta2);
    this.eps = (float) group.getDouble("eps");
  }

  /**
   * {@code weight_decay} and {@code maximize} of this step: decoupled, {@code w *= 1 - lr*wd} and
   * no L2 term; otherwise {@code wd} is added to the gradient and the weights are not scaled.
   */
  final void readDecay(ParamGroup group, boolean decoupled) {
    double wd = group.getDouble("weight_decay");
    this.decay = decoupled ? (float) (1 - group.lr() * wd) : 1f;
    this.weightDecay = decoupled ? 0f : (float) wd;
    this.sign = group.getBoolean("maximize") ? -1f : 1f;
  }
}
