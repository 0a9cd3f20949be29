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

  /** A heap parameter holding a copy of {@code initial}, shaped as a vector. */
  public static Parameter of(String name, float... initial) {
    return new Parameter(name, new int[] {initial.length}, FloatStorage.wrap(initial.clone()));
  }

  /** A zero-filled heap parameter of the given shape. */
  public static Parameter zeros(String name, int... shape) {
    int size = Math.toIntExact(Arrays.stream(shape).asLongStream().reduce(1, Math::multiplyExact));
    return new Parameter(name, shape, FloatStorage.heap(size));
  }

  public final String name() {
    return name;
  }

  public final int[] shape() {
    return shape.clone();
  }

  public final int size() {
    return values.size();
  }

  public final FloatStorage values() {
    return values;
  }

  /** The gradient, or {@code null} when there is none (the optimizer then skips this parameter). */
  public FloatStorage grad() {
    return grad;
  }

  /** Sets the gradient; its size must match the parameter's. {@code null} means no gradient. */
  public void setGrad(FloatStorage grad) {
    if (grad != null && grad.size() != values.size()) {
      throw new IllegalArgumentException(
          "gradient of " + name + " holds " + grad.size() + " values, the parameter holds " + values.size());
    }
    this.grad = grad;
  }

  /** The gradient, created zero-filled (same storage kind as the values) if there was none. */
  public FloatStorage gradOrZeros() {
    if (grad() == null) {
      setGrad(values.zerosLike());
    }
    return grad();
  }

  /** PyTorch's {@code zero_grad}: drop the gradient, or fill it with zeros and keep it. */
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
   */
  public Object tensorIdentity() {
    return this;
  }

  public boolean requiresGrad() {
    return requiresGrad;
  }

  public void setRequiresGrad(boolean requiresGrad) {
    this.requiresGrad = requiresGrad;
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
