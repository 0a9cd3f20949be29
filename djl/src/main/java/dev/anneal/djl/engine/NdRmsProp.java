package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/**
 * {@code torch.optim.RMSprop} as in PyTorch 2.x's {@code _single_tensor_rmsprop}: L2 weight decay,
 * maximize, centered ({@code grad_avg}, created when first centered) and momentum
 * ({@code momentum_buffer}, created when momentum is first positive).
 */
final class NdRmsProp extends NdUpdate {
  NdRmsProp(Parameter p, StateLayout layout) {
    super(p, layout);
  }


  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double alpha = group.getDouble("alpha");
    double wd = group.getDouble("weight_decay");
    double momentum = group.getDouble("momentum");
    boolean centered = group.getBoolean("centered");
    scalarState.merge("step", 1.0, Double::sum);
    NDArray s = scalars((float) wd, (float) alpha, (float) (1 - alpha), lerpFactor(1 - alpha),
        (float) group.getDouble("eps"), (float) momentum, (float) -group.lr());
    NDArray squareAvg = tensor("square_avg");
    try (Temps t = new Temps()) {
      NDArray grad = gradient(t, group, param, gradient, wd, false, null, s.get(0));
      squareAvg.muli(t.keep(s.get(1))).addi(t.keep(t.keep(grad.mul(t.keep(s.get(2)))).muli(grad)));
      NDArray avg;
      if (centered) {
        NDArray gradAvg = tensor("grad_avg");
        lerp(t, gradAvg, grad, 1 - alpha, t.keep(s.get(3)));
        avg = t.keep(t.keep(squareAvg.sub(t.keep(gradAvg.mul(gradAvg)))).sqrt());
      } else {
        avg = t.keep(squareAvg.sqrt());
      }
      avg.addi(t.keep(s.get(4)));
      if (momentum > 0) {
        NDArray buf = tensor("momentum_buffer");
        buf.muli(t.keep(s.get(5))).addi(t.keep(grad.div(avg)));
        param.addi(t.keep(buf.mul(t.keep(s.get(6)))));
      } else {
        param.addi(t.keep(t.keep(grad.mul(t.keep(s.get(6)))).divi(avg)));
      }
    }
  }
}
