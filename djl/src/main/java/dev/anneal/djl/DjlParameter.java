package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.Objects;

/**
 * A DJL {@link ai.djl.nn.Parameter} as an Anneal {@link Parameter}, named by its path in the
 * block tree ({@code stem.conv1.weight}).
 *
 * <p>On the PyTorch engine's CPU tensors the values and the gradient are views of the engine's
 * own memory: the optimizer writes straight into the tensors the next forward pass reads, and
 * nothing is copied (see {@link #zeroCopy()}). Where no view is possible (a GPU tensor) the
 * values and gradient stay on the engine's device and the optimizer runs there as engine
 * operations. {@link BlockParameters#copying} forces the old host fallback instead: a heap copy
 * that {@link #pullFromEngine()} and {@link #pushToEngine()} keep in step around every step.
 *
 * <p>Freezing ({@link #setRequiresGrad}) switches DJL's requires-gradient flag, so the engine stops
 * computing the gradient; a frozen parameter has no gradient and the optimizer skips it. On several
 * devices the flag stays on ({@link #keepEngineGradient}): DJL's copies on the other devices keep
 * the flag they were made with.
 *
 * <p>Gradients: PyTorch keeps one gradient tensor per parameter and accumulates into it, in place,
 * from the first backward pass on. {@link #zeroGrad(boolean)} fills that tensor with zeros; DJL
 * offers no way to drop a PyTorch gradient, so {@code setToNone} has the effect of PyTorch's
 * {@code set_to_none=False} here (a parameter that backward did not reach in a step sees a zero
 * gradient, not none).
 *
 * <p>Write a viewed parameter's values in place (the optimizer does, as do DJL's in-place
 * operations such as {@code muli}). DJL's {@code NDArray.set(...)} on the PyTorch engine swaps the
 * tensor's storage for a new buffer, which leaves an existing view behind: bind again after it.
 */
public abstract sealed class DjlParameter extends Parameter permits InPlaceParameter, CopiedParameter {
  private final ai.djl.nn.Parameter engineParameter;
  private final NDArray array;
  /** A gradient set from Java while the engine has none yet (before the first backward pass). */
  private FloatStorage detachedGrad;
  /** Whether freezing switches DJL's requires-gradient flag; see {@link #keepEngineGradient}. */
  private boolean freezesInEngine = true;

  DjlParameter(String name, ai.djl.nn.Parameter engineParameter, NDArray array, FloatStorage values) {
    super(name, shapeOf(name, array), values);
    this.engineParameter = Objects.requireNonNull(engineParameter, "engineParameter");
    this.array = array;
  }

  /** {@return the DJL parameter this one stands for} */
  public final ai.djl.nn.Parameter engineParameter() {
    return engineParameter;
  }

  /** {@return the engine's array of values this parameter was bound to} */
  public final NDArray array() {
    return array;
  }

  /** {@return whether values and gradient are views of the engine's memory (no copies, no syncing)} */
  public abstract boolean zeroCopy();

  /** Copies the engine's values and gradient into this parameter; nothing to do for views. */
  public abstract void pullFromEngine();

  /** Copies this parameter's values into the engine; nothing to do for views. */
  public abstract void pushToEngine();

  /**
   * Fails when DJL has replaced the parameter's array since binding (a {@code loadParameters} or a
   * new {@code initialize}): the old view would then read freed memory.
   */
  public final void checkBound() {
    NDArray current = engineParameter.isInitialized() ? engineParameter.getArray() : null;
    if (current != array) {
      throw new IllegalStateException("parameter " + name() + " was replaced in DJL after it was bound (block re-initialized"
          + " or parameters loaded): call BlockParameters.of again after loading or initializing the block");
    }
  }

  /** The engine's parameter: two bindings of one DJL parameter are one tensor. */
  @Override
  public final Object tensorIdentity() {
    return engineParameter;
  }

  @Override
  public final boolean requiresGrad() {
    return freezesInEngine ? engineParameter.requiresGradient() : super.requiresGrad();
  }

  /** Freezes ({@code false}) or unfreezes the parameter, in the engine too unless it keeps its gradient. */
  @Override
  public final void setRequiresGrad(boolean requiresGrad) {
    super.setRequiresGrad(requiresGrad);
    if (freezesInEngine) {
      engineParameter.freeze(!requiresGrad);
    }
  }

  /**
   * From now on freezing leaves DJL's requires-gradient flag on, and turns it on now. For a
   * multi-device trainer: DJL copies each parameter to the other devices once, with the flag it has
   * then, and those copies keep gathering gradients that DJL adds in at the next update. The engine
   * then computes a frozen parameter's gradient, which the optimizer neither reads nor keeps
   * ({@link #grad()} answers none while frozen; {@link #zeroGrad} clears it every step).
   */
  public final void keepEngineGradient() {
    boolean trains = requiresGrad();
    freezesInEngine = false;
    super.setRequiresGrad(trains);
    engineParameter.freeze(false);
  }

  @Override
  public final FloatStorage grad() {
    if (requiresGrad()) {
      FloatStorage engine = engineGrad();
      if (engine != null) {
        return engine;
      }
    }
    return detachedGrad;
  }

  @Override
  public final void setGrad(FloatStorage grad) {
    if (grad != null && grad.size() != size()) {
      throw new IllegalArgumentException("gradient of " + name() + " holds " + grad.size() + " values, the parameter holds " + size());
    }
    FloatStorage engine = engineGrad();
    if (grad == null) {
      detachedGrad = null;
      if (engine != null) {
        zeroEngineGrad();
      }
    } else if (engine != null) {
      if (grad != engine) {
        engine.copyFrom(grad.toArray());
        gradWritten();
      }
      detachedGrad = null;
    } else {
      detachedGrad = grad;
    }
  }

  @Override
  public final void zeroGrad(boolean setToNone) {
    if (engineGradPresent()) {
      zeroEngineGrad();
    }
    if (setToNone) {
      detachedGrad = null;
    } else if (detachedGrad != null) {
      detachedGrad.fill(0f);
    }
  }

  /** {@return the engine's gradient as storage, or {@code null} while the engine has none} */
  abstract FloatStorage engineGrad();

  /** Whether the engine has a gradient for this parameter (without checking that a copy of it is current). */
  boolean engineGradPresent() {
    return engineGrad() != null;
  }

  /** Fills the engine's gradient with zeros (it exists). */
  abstract void zeroEngineGrad();

  /** The gradient storage was written from Java; copies push it to the engine. */
  abstract void gradWritten();

  /**
   * The engine's gradient array, or {@code null} before the first backward pass. PyTorch's
   * {@code getGradient()} answers a fresh array of zeros then, which is not the gradient.
   */
  static NDArray engineGradient(NDArray array) {
    if (array instanceof PtNDArray pt) {
      // Also while frozen (requires_grad off): a gradient from before the freeze must still be zeroed.
      return JniUtils.getGradient(pt);
    }
    return array.hasGradient() ? array.getGradient() : null;
  }


  private static int[] shapeOf(String name, NDArray array) {
    if (array.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("parameter " + name + " is " + array.getDataType()
          + "; Anneal trains float32 parameters: cast the block with block.cast(DataType.FLOAT32)");
    }
    long[] dims = array.getShape().getShape();
    int[] shape = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      shape[i] = Math.toIntExact(dims[i]);
    }
    return shape;
  }
}
