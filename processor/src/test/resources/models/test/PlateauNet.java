package test;

import dev.anneal.annotations.LayerwiseDecay;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.ReduceLrOnPlateau;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.Warmup;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;

/** Layer-wise lr decay over three fields, a warmup in epochs before plateau reduction on accuracy. */
@Training(epochs = 20)
@Optimizer(type = OptimizerType.ADAM, lr = 0.01, betas = {0.9, 0.99})
@LayerwiseDecay(0.5)
@Warmup(epochs = 2, startFactor = 0.1)
@ReduceLrOnPlateau(monitor = "val_acc", mode = ReduceLrOnPlateau.Mode.MAX, patience = 2)
public class PlateauNet {
  Layer low;
  Layer mid;
  Parameter top;
}
