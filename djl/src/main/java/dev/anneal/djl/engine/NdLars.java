package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/**
 * LARS as timm's {@code Lars} (the runtime's {@code Lars}): when {@code weight_decay != 0} or
 * {@code always_adapt}, {@code (g + wd*w)} is scaled by
 * {@code trust_coefficient * ||w|| / (||g|| + wd*||w|| + eps)} (1 when either norm is 0, nested
 * {@code where} as timm; with {@code trust_clip}, {@code min(trust / lr, 1)}), all on the device;
 * then SGD momentum with dampening and Nesterov, the buffer starting as a copy of the first direction.
 */
final class NdLars extends NdUpdate {
  NdLars(Parameter p, StateLayout layout) {
    super(p, layout);
  }

  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double lr = group.lr();
    double wd = group.getDouble("weight_decay");
    double momentum = group.getDouble("momentum");
    NDArray s = scalars((float) group.getDouble("trust_coefficient"), (float) wd, (float) group.getDouble("eps"), 0f, 1f,
        (float) lr, (float) momentum, (float) (1 - group.getDouble("dampening")), (float) -lr);
    try (Temps t = new Temps()) {
      NDArray grad = NdOps.array(gradient);
      if (wd != 0 || group.getBoolean("always_adapt")) {
        NDArray wdS = t.keep(s.get(1));
        NDArray zero = t.keep(s.get(3));
        NDArray one = t.keep(s.get(4));
        NDArray wNorm = t.keep(param.norm());
        NDArray gNorm = t.keep(grad.norm());
        NDArray denom = t.keep(t.keep(gNorm.add(t.keep(wNorm.mul(wdS)))).addi(t.keep(s.get(2))));
        NDArray trust = t.keep(t.keep(t.keep(s.get(0)).mul(wNorm)).divi(denom));
        trust = t.keep(NdOps.where(t.keep(wNorm.gt(zero)),
            t.keep(NdOps.where(t.keep(gNorm.gt(zero)), trust, one)), one));
        if (group.getBoolean("trust_clip")) {
          trust = t.keep(t.keep(trust.div(t.keep(s.get(5)))).minimum(one));
        }
        grad = t.keep(grad.add(t.keep(param.mul(wdS))));
        grad.muli(trust);
      }
      if (momentum != 0) {
        NDArray buf = state.get("momentum_buffer");
        NDArray m = t.keep(s.get(6));
        if (buf == null) {
          buf = grad.duplicate();
          putTensor("momentum_buffer", buf);
        } else {
          buf.muli(m).addi(t.keep(grad.mul(t.keep(s.get(7)))));
        }
        grad = group.getBoolean("nesterov") ? t.keep(grad.add(t.keep(buf.mul(m)))) : buf;
      }
      param.addi(t.keep(grad.mul(t.keep(s.get(8)))));
    }
  }
}
