package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/** {@code torch.optim.Adadelta} as in PyTorch 2.x's {@code _single_tensor_adadelta}. */
final class NdAdadelta extends NdUpdate {
  NdAdadelta(Parameter p, StateLayout layout) {
    super(p, layout);
  }


  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double rho = group.getDouble("rho");
    double wd = group.getDouble("weight_decay");
    scalarState.merge("step", 1.0, Double::sum);
    NDArray s = scalars((float) wd, (float) rho, (float) (1 - rho), (float) group.getDouble("eps"), (float) -group.lr());
    NDArray squareAvg = tensor("square_avg");
    NDArray accDelta = tensor("acc_delta");
    try (Temps t = new Temps()) {
      NDArray grad = gradient(t, group, param, gradient, wd, false, null, s.get(0));
      NDArray rhoS = t.keep(s.get(1));
      NDArray oneMinusRho = t.keep(s.get(2));
      NDArray eps = t.keep(s.get(3));
      squareAvg.muli(rhoS).addi(t.keep(t.keep(grad.mul(oneMinusRho)).muli(grad)));
      NDArray std = t.keep(t.keep(squareAvg.add(eps)).sqrt());
      NDArray delta = t.keep(t.keep(accDelta.add(eps)).sqrt());
      delta.divi(std).muli(grad);
      accDelta.muli(rhoS).addi(t.keep(t.keep(delta.mul(oneMinusRho)).muli(delta)));
      param.addi(t.keep(delta.mul(t.keep(s.get(4)))));
    }
  }
}
