package dev.anneal.optim;

/**
 * The per-step scalars of {@code weight_decay} and {@code maximize}, read from the group the same
 * way by every optimizer that has them: the gradient's sign, the L2 factor added to it, and the
 * decoupled factor on the weights. Kernels read these fields into locals before their loop.
 */
abstract class DecayState extends TensorState {
  float decay;
  float weightDecay;
  float sign;

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
