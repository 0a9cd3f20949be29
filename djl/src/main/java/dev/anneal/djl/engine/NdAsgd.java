package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/**
 * {@code torch.optim.ASGD} as in PyTorch 2.x's {@code _single_tensor_asgd}: a step uses the
 * {@code eta} and {@code mu} the previous step computed ({@code eta} starts at the group's lr,
 * {@code mu} at 1; both kept in double, as the Java kernel keeps them), and averages the iterates
 * into {@code ax} once {@code mu != 1}.
 */
final class NdAsgd extends NdUpdate {
  NdAsgd(Parameter p, StateLayout layout) {
    super(p, layout);
  }


  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double lr = group.lr();
    double lambd = group.getDouble("lambd");
    double wd = group.getDouble("weight_decay");
    if (!state.containsKey("ax")) {
      scalarState.put("eta", lr); // a new state (a loaded one has its tensors)
      scalarState.put("mu", 1.0);
    }
    double step = scalarState.merge("step", 1.0, Double::sum);
    double eta = scalarState.get("eta");
    double mu = scalarState.get("mu");
    NDArray s = scalars((float) wd, (float) (1 - lambd * eta), (float) -eta, (float) mu);
    NDArray ax = tensor("ax");
    try (Temps t = new Temps()) {
      NDArray grad = gradient(t, group, param, gradient, wd, false, null, s.get(0));
      param.muli(t.keep(s.get(1)));
      param.addi(t.keep(grad.mul(t.keep(s.get(2)))));
      if (mu != 1) {
        ax.addi(t.keep(t.keep(param.sub(ax)).muli(t.keep(s.get(3)))));
      } else {
        NdOps.assign(ax, param);
      }
    }
    scalarState.put("eta", lr / Math.pow(1 + lambd * lr * step, group.getDouble("alpha")));
    scalarState.put("mu", 1 / Math.max(1, step - group.getDouble("t0")));
  }
}
