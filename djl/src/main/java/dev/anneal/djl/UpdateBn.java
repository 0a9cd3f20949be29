package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.Parameter.Type;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Recomputes the running statistics of every {@link BatchNorm} of a DJL block for the weights it
 * holds now, as {@code torch.optim.swa_utils.update_bn(loader, model)}. Averaged weights never
 * produced the statistics the layers kept during training, so after {@code
 * AveragedModel.copyToModel()} (or inside {@code apply()}) one pass over training batches, in
 * training mode and without gradients, replaces them:
 *
 * <pre>{@code
 * swa.copyToModel();
 * UpdateBn.update(model, batches);   // Iterable<NDList>: the model's inputs, e.g. the training set in mini-batches
 * }</pre>
 *
 * <p>What PyTorch computes, and this too: running mean reset to 0 and variance to 1, then, with
 * PyTorch's {@code momentum=None}, the equal average over the batches of each batch's mean and of
 * its <em>unbiased</em> variance (sum of squares over {@code n - 1}), whatever the layers'
 * momentum. DJL's PyTorch engine updates a BatchNorm's running statistics with libtorch's own
 * {@code batch_norm}, so its running variance is the unbiased one as well. A BatchNorm that no
 * batch reaches keeps mean 0 and variance 1, as in PyTorch, where each layer counts the batches it
 * saw.
 *
 * <p>How, as DJL's BatchNorm keeps its momentum {@code μ} to itself and moves its statistics by
 * {@code running = μ running + (1 - μ) batch}: a probe pass of ones through the layer alone, from
 * zeroed statistics, reads {@code 1 - μ} from the engine exactly (the mean of ones is 1); then,
 * before each batch, the statistics are zeroed, so that after the forward pass they hold {@code
 * (1 - μ)} times the batch's mean and unbiased variance, and the running averages are kept here
 * with PyTorch's cumulative update {@code avg + (batch - avg) / k}. The layers' configuration is
 * never changed. Limits: a batch whose every input to a layer is exactly 0 counts as not reaching
 * it; a layer built with momentum 1 (statistics that never move) is refused.
 *
 * <p>Call it outside a {@code GradientCollector}: DJL's PyTorch engine records no gradients there.
 * The arrays a pass creates go into a sub-manager of each batch's manager, closed after the batch;
 * the batches themselves are left to their owner. Dropout and other layers run in training mode,
 * as PyTorch's {@code model.train()}.
 */
public final class UpdateBn {
  private UpdateBn() {}

  /**
   * Recomputes every BatchNorm's running mean and variance of {@code model} from one training-mode
   * pass over {@code batches}; returns how many batches ran (0, without reading {@code batches},
   * when the model has no BatchNorm).
   */
  public static long update(Block model, Iterable<NDList> batches) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(batches, "batches");
    if (!model.isInitialized()) {
      throw new IllegalStateException("block " + model.getClass().getSimpleName() + " is not initialized, so its BatchNorm"
          + " layers hold no statistics to update: initialize it first");
    }
    List<Layer> layers = new ArrayList<>();
    collect("model", model, layers);
    if (layers.isEmpty()) {
      return 0;
    }
    for (Layer layer : layers) {
      layer.probeMomentum();
    }
    long run = 0;
    try {
      for (NDList inputs : batches) {
        if (inputs == null || inputs.isEmpty()) {
          throw new IllegalArgumentException("batch " + run + " holds no input arrays");
        }
        for (Layer layer : layers) {
          layer.zero();
        }
        try (NDManager scope = inputs.head().getManager().newSubManager()) {
          inputs.tempAttach(scope);
          model.forward(new ParameterStore(scope, false), inputs, true);
        }
        for (Layer layer : layers) {
          layer.accumulate();
        }
        run++;
      }
    } finally {
      for (Layer layer : layers) {
        layer.writeAverages();
      }
    }
    return run;
  }

  /** The BatchNorm layers of {@code block} and its descendants, named by path as {@link BlockParameters} names them. */
  private static void collect(String path, Block block, List<Layer> out) {
    if (block instanceof BatchNorm bn) {
      out.add(new Layer(path, bn));
    }
    BlockList children = block.getChildren();
    List<String> names = BlockParameters.childNames(block, children);
    for (int i = 0; i < children.size(); i++) {
      collect(path + "." + names.get(i), children.valueAt(i), out);
    }
  }

  /** One BatchNorm: its statistics arrays and the averages kept for them. */
  private static final class Layer {
    private final String path;
    private final BatchNorm block;
    private final NDArray mean;
    private final NDArray var;
    private final float[] zeros;
    private final float[] averageMean;
    private final float[] averageVar;
    private double updateFactor;    // 1 - μ, the weight the engine gives the batch's statistics
    private long batches;

    Layer(String path, BatchNorm block) {
      this.path = path;
      this.block = block;
      this.mean = statistic(Type.RUNNING_MEAN);
      this.var = statistic(Type.RUNNING_VAR);
      int channels = Math.toIntExact(mean.size());
      this.zeros = new float[channels];
      this.averageMean = new float[channels];
      this.averageVar = new float[channels];
      Arrays.fill(averageVar, 1f);
    }

    private NDArray statistic(Type type) {
      for (Pair<String, ai.djl.nn.Parameter> entry : block.getDirectParameters()) {
        ai.djl.nn.Parameter p = entry.getValue();
        if (p.getType() != type) {
          continue;
        }
        if (!p.isInitialized()) {
          throw new IllegalStateException("BatchNorm " + path + " has no " + entry.getKey() + " array: initialize the block");
        }
        NDArray array = p.getArray();
        if (array.getDataType() != DataType.FLOAT32) {
          throw new IllegalStateException("UpdateBn updates float32 statistics; " + path + "." + entry.getKey() + " is "
              + array.getDataType());
        }
        return array;
      }
      throw new IllegalStateException("BatchNorm " + path + " has no parameter of type " + type);
    }

    /** Runs ones through the layer alone from zeroed statistics: the mean then holds 1 - μ exactly. */
    void probeMomentum() {
      zero();
      try (NDManager scope = mean.getManager().newSubManager()) {
        block.forward(new ParameterStore(scope, false), new NDList(scope.ones(probeShape())), true);
      }
      float[] read = mean.toFloatArray();
      updateFactor = read[0];
      for (float r : read) {
        if (r != read[0]) {
          throw new IllegalStateException("BatchNorm " + path + " moved its channels' running means unequally on an input"
              + " of ones (" + Arrays.toString(read) + "): its running statistics are not updated as BatchNorm's");
        }
      }
      if (!(updateFactor > 0 && updateFactor <= 1)) {
        throw new IllegalStateException("BatchNorm " + path + " does not move its running statistics in training mode"
            + " (built with momentum 1), so update_bn cannot recompute them");
      }
    }

    /** {@return the shape the layer was initialized for, with 2 examples (training-mode BatchNorm needs more than one value per channel)} */
    private Shape probeShape() {
      Shape[] shapes = block.getInputShapes();
      if (shapes == null || shapes.length == 0) {
        return new Shape(2, zeros.length);
      }
      long[] dims = shapes[0].getShape().clone();
      dims[0] = 2;
      for (int i = 1; i < dims.length; i++) {
        dims[i] = Math.max(1, dims[i]);
      }
      return new Shape(dims);
    }

    void zero() {
      EngineMemory.write(mean, zeros);
      EngineMemory.write(var, zeros);
    }

    /** Folds this batch's statistics (the engine's update from zero, divided by 1 - μ) into the averages. */
    void accumulate() {
      float[] m = mean.toFloatArray();
      float[] v = var.toFloatArray();
      if (isZero(m) && isZero(v)) {
        return;     // the batch did not reach this layer
      }
      batches++;
      double factor = 1.0 / batches;     // PyTorch's exponential_average_factor with momentum None
      for (int c = 0; c < m.length; c++) {
        averageMean[c] = (float) (factor * (m[c] / updateFactor) + (1 - factor) * averageMean[c]);
        averageVar[c] = (float) (factor * (v[c] / updateFactor) + (1 - factor) * averageVar[c]);
      }
    }

    void writeAverages() {
      EngineMemory.write(mean, averageMean);
      EngineMemory.write(var, averageVar);
    }

    private static boolean isZero(float[] values) {
      for (float x : values) {
        if (x != 0) {
          return false;
        }
      }
      return true;
    }
  }
}
