package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.anneal.optim.EngineUpdate;
import dev.anneal.optim.OptimizerState;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer's update of one parameter as DJL operations, with its state tensors on the
 * parameter's device under PyTorch's names. Subclasses write the step; export and import, the
 * state's bookkeeping and the step's scalars (uploaded once, see {@link #scalars}) are here.
 *
 * <p>Subclasses write PyTorch's single-tensor op order. Where they cannot round the same:
 * {@code add(x, alpha=a)} is a multiplication then an addition (PyTorch's vectorized CPU kernel
 * fuses them), {@link #lerp} is its scalar formula (the vectorized one is a fused multiply-add),
 * and a value PyTorch reads back with {@code .item()} to form a step factor in double (a norm, a
 * trust ratio) stays a 0-d float32 tensor here, so nothing is read back to the host.
 */
abstract class NdUpdate implements EngineUpdate {
  private final NDArray like;
  private final List<String> tensorNames;
  private final List<String> scalarNames;
  private List<String> required = List.of();
  /** State tensors present so far, by PyTorch name (optional ones appear when an option needs them). */
  final Map<String, NDArray> state = new LinkedHashMap<>();
  final Map<String, Double> scalarState = new LinkedHashMap<>();

  /** State named as the Java optimizer's {@code layout} names it. */
  NdUpdate(Parameter p, StateLayout layout) {
    this(p, layout.tensors(), layout.scalars());
    this.required = layout.tensors().subList(0, layout.required());
  }

  /** State of an optimizer without a fixed layout (Adafactor: factored or not by the parameter's shape). */
  NdUpdate(Parameter p, List<String> tensorNames, List<String> scalarNames) {
    this.like = NdOps.array((EngineStorage) p.values());
    this.tensorNames = tensorNames;
    this.scalarNames = scalarNames;
    scalarNames.forEach(name -> scalarState.put(name, 0.0));
  }

  /** The state tensor {@code name}, created as zeros on the parameter's device the first time. */
  final NDArray tensor(String name) {
    return state.computeIfAbsent(name, k -> detached(like.getManager().zeros(shapeOf(k), like.getDataType(), like.getDevice())));
  }

  /** The state tensor {@code name}, created filled with {@code value} on the device the first time (no upload). */
  final NDArray tensor(String name, float value) {
    return state.computeIfAbsent(name,
        k -> detached(like.getManager().full(shapeOf(k), value, like.getDataType(), like.getDevice())));
  }

  /** The shape of state tensor {@code name}: the parameter's, unless a subclass keeps a reduced one (Adafactor's factors). */
  Shape shapeOf(String name) {
    return like.getShape();
  }

  /**
   * {@code self.lerp_(end, weight)} rounded as PyTorch's kernel rounds it:
   * {@code self + weight * (end - self)} when {@code |weight| < 0.5}, else
   * {@code end - (end - self) * (1 - weight)}; {@code factor} is {@link #lerpFactor}'s value on the device.
   */
  static void lerp(Temps t, NDArray self, NDArray end, double weight, NDArray factor) {
    NDArray diff = t.keep(end.sub(self));
    if (Math.abs((float) weight) < 0.5f) {
      self.addi(diff.muli(factor));
    } else {
      NdOps.assign(self, t.keep(end.sub(diff.muli(factor))));
    }
  }

  /** The scalar {@link #lerp} multiplies by: {@code weight}, or {@code 1 - weight} (in float, as PyTorch) when it is not small. */
  static float lerpFactor(double weight) {
    float w = (float) weight;
    return Math.abs(w) < 0.5f ? w : 1f - w;
  }

  /** Keeps {@code array} as state tensor {@code name}, closing one it replaces. */
  final void putTensor(String name, NDArray array) {
    NDArray old = state.put(name, detached(array));
    if (old != null && old != array) {
      old.close();
    }
  }

  /**
   * The step's scalars as one device tensor, uploaded only when they differ from the last upload
   * to the device ({@link StepScalars}: once per group and step); element {@code i} is a 0-d view.
   */
  final NDArray scalars(float... values) {
    return StepScalars.on(like, values);
  }

  private static NDArray detached(NDArray array) {
    array.detach(); // lives as long as the optimizer, not the scope that created it
    return array;
  }

  /**
   * The gradient as PyTorch's updates begin: negated under {@code maximize}, then weight decay,
   * either decoupled ({@code param *= decay}, {@code decay} holding {@code 1 - lr*wd}) or L2
   * ({@code grad + wd*param}, {@code wdScalar} holding {@code wd}). The scalars are 0-d views of
   * the step's uploaded scalars; both are closed with {@code t}.
   */
  static NDArray gradient(Temps t, ParamGroup group, NDArray param, EngineStorage gradient, double wd, boolean decoupled,
      NDArray decay, NDArray wdScalar) {
    NDArray grad = NdOps.array(gradient);
    if (group.getBoolean("maximize")) {
      grad = t.keep(grad.neg());
    }
    if (wd != 0) {
      if (decoupled) {
        param.muli(t.keep(decay));
      } else {
        grad = t.keep(grad.add(t.keep(param.mul(t.keep(wdScalar)))));
      }
    }
    if (decay != null && !(wd != 0 && decoupled)) {
      decay.close(); // a view not used this step
    }
    if (wdScalar != null && !(wd != 0 && !decoupled)) {
      wdScalar.close();
    }
    return grad;
  }

  @Override
  public final OptimizerState.ParamState export() {
    Map<String, float[]> tensors = new LinkedHashMap<>();
    for (String name : tensorNames) {
      NDArray t = state.get(name);
      if (t != null) {
        tensors.put(name, t.toFloatArray());
      }
    }
    return new OptimizerState.ParamState(tensors, new LinkedHashMap<>(scalarState));
  }

  @Override
  public final void load(OptimizerState.ParamState exported) {
    for (Map.Entry<String, float[]> entry : exported.tensors().entrySet()) {
      if (!tensorNames.contains(entry.getKey())) {
        throw new IllegalArgumentException("state tensor " + entry.getKey() + " is not one of " + tensorNames);
      }
      long size = shapeOf(entry.getKey()).size();
      if (entry.getValue().length != size) {
        throw new IllegalArgumentException("state tensor " + entry.getKey() + " holds " + entry.getValue().length
            + " values, it needs " + size);
      }
    }
    for (String name : requiredTensors()) {
      if (!exported.tensors().containsKey(name)) {
        throw new IllegalArgumentException("state lacks tensor " + name);
      }
    }
    for (String name : scalarNames) {
      if (!exported.scalars().containsKey(name)) {
        throw new IllegalArgumentException("state lacks scalar " + name);
      }
    }
    exported.tensors().forEach((name, values) -> {
      ByteBuffer bytes = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder());
      bytes.asFloatBuffer().put(values);
      putTensor(name, like.getManager().create(bytes.asFloatBuffer(), shapeOf(name)).toDevice(like.getDevice(), false));
    });
    scalarNames.forEach(name -> scalarState.put(name, exported.scalars().get(name)));
  }

  /** {@return the tensors every saved state has (the others are optional)} */
  List<String> requiredTensors() {
    return required;
  }
}
