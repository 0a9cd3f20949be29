package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.MultiLabelMarginLoss(reduction='mean')}: for each sample,
 * {@code sum_j sum_i max(0, 1 - (x[y_j] - x[i])) / C} over its target classes {@code y_j} and the
 * classes {@code i} that are not targets. Input {@code (C)} or {@code (N, C)}; the target has the
 * same shape and lists class indices, ended by the first negative entry (PyTorch pads with -1).
 */
public final class MultiLabelMarginLoss extends TorchLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "MultiLabelMarginLoss";

  /** The loss with PyTorch's defaults. */
  public MultiLabelMarginLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public MultiLabelMarginLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
  }

  public static LossBuilder.ReductionOnly<MultiLabelMarginLoss> builder() {
    return new LossBuilder.ReductionOnly<>(MultiLabelMarginLoss::new);
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "input, target");
    NDArray input = Inputs.floating(NAME, "input", inputs[0]);
    NDArray target = Inputs.indices(NAME, "target", inputs[1]);
    Inputs.dims(NAME, "input", input, 1, 2);
    Inputs.sameShape(NAME, "target", target, "input", input);
    boolean single = input.getShape().dimension() == 1;
    NDArray x = single ? input.expandDims(0) : input;
    NDArray y = single ? target.expandDims(0) : target;
    int classes = (int) x.getShape().get(1);
    // The targets of a row are its entries before the first negative one.
    NDArray listed = y.lt(0).toType(DataType.INT64, false).cumSum(1).eq(0);
    NDArray outOfRange = listed.logicalAnd(y.gte(classes));
    if (outOfRange.any().getBoolean()) {
      throw new LossInputException(NAME, "target", "class index " + y.booleanMask(outOfRange).toLongArray()[0]
          + " is out of range for " + classes + " classes (expected 0 to " + (classes - 1) + ", then -1 to end the list)");
    }
    NDArray safe = Ops.where(listed, y, y.zerosLike());
    NDArray listedF = Ops.asFloat(listed, x);
    NDArray isTarget = safe.oneHot(classes, x.getDataType()).mul(listedF.expandDims(2)).max(new int[] {1});
    NDArray picked = x.gather(safe, 1);
    NDArray hinge = Activation.relu(picked.expandDims(2).neg().add(x.expandDims(1)).add(1f));
    NDArray counted = hinge.mul(listedF.expandDims(2)).mul(isTarget.neg().add(1f).expandDims(1));
    NDArray loss = counted.sum(new int[] {1, 2}).div((float) classes);
    return reduce(single ? loss.squeeze(0) : loss);
  }
}
