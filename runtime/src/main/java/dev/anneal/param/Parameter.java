package dev.anneal.param;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named float tensor that training updates: its values, its gradient (or none, as PyTorch's
 * {@code grad is None}) and whether it wants gradients at all.
 *
 * <p>Engine bindings extend this class to keep the engine's own tensors in step, for example to
 * switch the engine's requires-gradient flag or to view a gradient the engine owns.
 */
public class Parameter implements ParameterSource {
  private final String name;
  private final int[] shape;
  private final FloatStorage values;
  private FloatStorage grad;
  private boolean requiresGrad = true;
  private String moduleType = "";

  /**
   * A parameter over {@code values}, with no gradient yet and wanting one.
   *
   * @param name its name, unique in a model (checkpoints and interop key state by it)
   * @param shape its shape; the product is the storage's size
   * @param values its values, not copied: training writes them
   */
  public Parameter(String name, int[] shape, FloatStorage values) {
    this.name = Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a parameter needs a non-blank name");
    }
    this.shape = shape.clone();
    this.values = Objects.requireNonNull(values, "values");
    long count = 1;
    for (int dim : shape) {
      if (dim < 0) {
        throw new IllegalArgumentException("parameter " + name + " has a negative dimension in shape " + Arrays.toString(shape));
      }
      count *= dim;
    }
    if (count != values.size()) {
      throw new IllegalArgumentException(
          "parameter " + name + " has shape " + Arrays.toString(shape) + " (" + count + " values) but its storage holds " + values.size());
    }
  }

  /**
   * A heap parameter holding a copy of {@code initial}, shaped as a vector.
   *
   * @param name its name
   * @param initial its values
   * @return the parameter
   */
  public static Parameter of(String name, float... initial) {
    return new Parameter(name, new int[] {initial.length}, FloatStorage.wrap(initial.clone()));
  }

  /**
   * A zero-filled heap parameter of the given shape.
   *
   * @param name its name
   * @param shape its shape
   * @return the parameter
   */
  public static Parameter zeros(String name, int... shape) {
    int size = Math.toIntExact(Arrays.stream(shape).asLongStream().reduce(1, Math::multiplyExact));
    return new Parameter(name, shape, FloatStorage.heap(size));
  }

  /** {@return the parameter's name} */
  public final String name() {
    return name;
  }

  /** {@return the parameter's shape} */
  public final int[] shape() {
    return shape.clone();
  }

  /** {@return the number of elements} */
  public final int size() {
    return values.size();
  }

  /** {@return the values, which training writes in place} */
  public final FloatStorage values() {
    return values;
  }

  /** {@return the gradient, or {@code null} when there is none (the optimizer then skips this parameter)} */
  public FloatStorage grad() {
    return grad;
  }

  /**
   * Sets the gradient; its size must match the parameter's.
   *
   * @param grad the gradient, or {@code null} for none
   */
  public void setGrad(FloatStorage grad) {
    if (grad != null && grad.size() != values.size()) {
      throw new IllegalArgumentException(
          "gradient of " + name + " holds " + grad.size() + " values, the parameter holds " + values.size());
    }
    this.grad = grad;
  }

  /** {@return the gradient, created zero-filled (same storage kind as the values) if there was none} */
  public FloatStorage gradOrZeros() {
    if (grad() == null) {
      setGrad(values.zerosLike());
    }
    return grad();
  }

  /**
   * PyTorch's {@code zero_grad}: drop the gradient, or fill it with zeros and keep it.
   *
   * @param setToNone drop it (PyTorch's default) rather than zero it
   */
  public void zeroGrad(boolean setToNone) {
    if (setToNone) {
      setGrad(null);
    } else if (grad() != null) {
      grad().fill(0f);
    }
  }

  /**
   * What makes two parameters the same tensor: itself here; an engine binding answers the
   * engine's parameter, so that one tensor bound twice (through a block and through one of its
   * sub-blocks) is recognized and refused as a member of two groups.
   *
   * @return the identity
   */
  public Object tensorIdentity() {
    return this;
  }

  /** {@return whether the parameter wants gradients (false while its group is frozen)} */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /**
   * Whether the parameter wants gradients; an engine binding tells the engine.
   *
   * @param requiresGrad whether it does
   */
  public void setRequiresGrad(boolean requiresGrad) {
    this.requiresGrad = requiresGrad;
  }

  /**
   * The PyTorch class name of the module that holds this parameter directly ({@code "BatchNorm2d"},
   * {@code "Linear"}), or {@code ""} when unknown: what detectron2 and torchvision select
   * normalization parameters by ({@code isinstance(module, norm_module_types)}), read by
   * {@code ParamRule.normLayers()}.
   *
   * @return the module's type name, or {@code ""}
   */
  public final String moduleType() {
    return moduleType;
  }

  /**
   * Sets the PyTorch class name of the module holding this parameter ({@link #moduleType()}).
   *
   * @param type the module's type name, such as {@code "BatchNorm2d"}; {@code ""} for unknown
   * @return this parameter
   */
  public final Parameter moduleType(String type) {
    this.moduleType = Objects.requireNonNull(type, "type");
    return this;
  }

  @Override
  public final List<Parameter> parameters() {
    return List.of(this);
  }

  @Override
  public String toString() {
    return "Parameter[" + name + " " + Arrays.toString(shape) + "]";
  }
}
