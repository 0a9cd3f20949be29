package test;

import dev.anneal.annotations.Interval;
import dev.anneal.annotations.LambdaSchedule;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Training;
import dev.anneal.param.Layer;
import java.util.function.IntToDoubleFunction;

/** LambdaLR and MultiplicativeLR with Java functions: class-level per step, field-level per epoch. */
@Training(epochs = 4)
@Optimizer(type = OptimizerType.RMSPROP, lr = 0.01)
@LambdaSchedule(value = LambdaNet.InverseSqrt.class, interval = Interval.STEP)
public class LambdaNet {
  Layer body;
  @LambdaSchedule(value = LambdaNet.Decay.class, multiplicative = true) Layer head;

  /** lr factor 1 / sqrt(1 + step). */
  public static final class InverseSqrt implements IntToDoubleFunction {
    @Override
    public double applyAsDouble(int step) {
      return 1 / Math.sqrt(1 + step);
    }
  }

  /** lr times 0.9 per epoch. */
  static final class Decay implements IntToDoubleFunction {
    @Override
    public double applyAsDouble(int epoch) {
      return 0.9;
    }
  }
}
