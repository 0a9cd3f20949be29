package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.Map;

/**
 * A {@code torch.nn} loss on DJL arrays: PyTorch's constructor arguments, defaults, shapes and
 * numbers, computed as a composition of engine operations so that the engine's autograd gives the
 * gradient. {@link #forward} takes the inputs in PyTorch's positional order; {@link #evaluate}
 * (DJL's {@link Loss} contract, used by DJL's {@code Trainer} and Anneal's {@code DjlTrainer})
 * takes the model's outputs as predictions and the data's targets as labels, mapped to that order
 * by {@link #arguments}: {@code (input, target)} for most losses.
 *
 * <p>The keyword arguments are checked here, once for every loss, against the loss's descriptor
 * (the built-in ones or one registered by a {@link LossProvider}); a subclass reads its own from
 * {@link #kwargs()} and holds only them and its formula.
 */
public abstract class TorchLoss extends Loss {
  private final LossKwargs kwargs;
  private final Reduction reduction;

  /**
   * The loss PyTorch calls {@code name} with these keyword arguments (PyTorch names; the rest take
   * the descriptor's defaults); an unknown name or a bad argument is refused with a
   * {@link LossInputException} naming it.
   */
  protected TorchLoss(String name, Map<String, ?> kwargs) {
    super(name);
    this.kwargs = LossKwargs.resolve(name, kwargs);
    // A registered loss need not take a reduction; it then reduces as PyTorch's default does.
    this.reduction = this.kwargs.takes("reduction") ? this.kwargs.reduction() : Reduction.MEAN;
  }

  /** PyTorch's class name: {@code CrossEntropyLoss}. */
  public final String pytorchName() {
    return getName();
  }

  public final Reduction reduction() {
    return reduction;
  }

  /** {@return every keyword argument, checked and completed with the descriptor's defaults} */
  protected final LossKwargs kwargs() {
    return kwargs;
  }

  /** The loss of these inputs, in PyTorch's order ({@code input, target}; {@code anchor, positive, negative}; ...). */
  public abstract NDArray forward(NDArray... inputs);

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    return forward(arguments(labels, predictions));
  }

  /**
   * PyTorch's positional inputs from DJL's labels and predictions: here {@code (predictions[0],
   * labels[0])}; losses with more inputs say how they map them.
   */
  protected NDArray[] arguments(NDList labels, NDList predictions) {
    return new NDArray[] {predictions.head(), labels.head()};
  }

  /** Applies this loss's reduction to per-element losses. */
  protected final NDArray reduce(NDArray elementwise) {
    return reduction.apply(elementwise);
  }

  @Override
  public String toString() {
    return getName() + "(reduction='" + reduction.pytorchName() + "')";
  }
}
