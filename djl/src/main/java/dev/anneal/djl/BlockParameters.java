package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter.Type;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import dev.anneal.param.Buffer;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The trainable parameters of a DJL {@link Block} as Anneal parameters, named by their path as
 * PyTorch's {@code named_parameters()} does: {@code BlockParameters.of("stem", stem)} gives
 * {@code stem.conv1.weight}, {@code stem.conv1.bias}, ...
 *
 * <p>Paths: a child of a {@link SequentialBlock} or {@link ParallelBlock} is named by its index
 * ({@code body.0.weight}, as {@code nn.Sequential}); any other child by the name it was added
 * under, without the running number DJL puts in front ({@code addChildBlock("conv1", ...)} is
 * stored as {@code 01conv1} and named {@code conv1}). Running statistics (BatchNorm's
 * {@code runningMean} and {@code runningVar}) are buffers, not parameters: {@link #buffers()}
 * gives them under the same paths ({@code stem.1.runningMean}), and a plan's checkpoint saves and
 * restores them. DJL's BatchNorm has no batch counter ({@code num_batches_tracked}): its momentum
 * is fixed, so there is none to save.
 *
 * <p>The block must be initialized. On the PyTorch engine's CPU tensors every parameter views
 * the engine's memory and Java kernels step it; on a GPU every parameter stays there and the
 * engine steps it (see {@link DjlParameter}).
 */
public final class BlockParameters implements ParameterSource {
  private static final Pattern DJL_CHILD_NUMBER = Pattern.compile("^\\d+");

  private final String prefix;
  private final List<DjlParameter> parameters;
  private final List<Buffer> buffers;
  private final Map<String, DjlParameter> byName;

  private BlockParameters(String prefix, List<DjlParameter> parameters, List<Buffer> buffers) {
    this.prefix = prefix;
    this.parameters = List.copyOf(parameters);
    this.buffers = List.copyOf(buffers);
    Map<String, DjlParameter> map = new LinkedHashMap<>();
    for (DjlParameter p : parameters) {
      map.put(p.name(), p);
    }
    this.byName = Collections.unmodifiableMap(map);
  }

  /** The block's parameters under {@code prefix}, viewing engine memory where possible. */
  public static BlockParameters of(String prefix, Block block) {
    return bind(prefix, block, Binding.VIEW);
  }

  /**
   * As {@link #of}, but every parameter keeps a heap copy, pulled from the engine after backward
   * and pushed back after the step (12 bytes per value per step): the host path, for optimizers
   * that have no engine implementation (LBFGS, Muon, your own).
   */
  public static BlockParameters copying(String prefix, Block block) {
    return bind(prefix, block, Binding.COPY);
  }

  /**
   * As {@link #of}, but every parameter runs on the engine, also where Anneal could view its CPU
   * memory: the path a GPU takes, forced (to test it on CPU, or to compare the two).
   */
  public static BlockParameters onEngine(String prefix, Block block) {
    return bind(prefix, block, Binding.ENGINE);
  }

  /** How a parameter reaches the optimizer: viewed where possible else on the engine, copied, or on the engine. */
  private enum Binding { VIEW, COPY, ENGINE }

  private static BlockParameters bind(String prefix, Block block, Binding binding) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(block, "block");
    if (prefix.isBlank()) {
      throw new IllegalArgumentException("BlockParameters needs a non-blank prefix, such as the model field's name");
    }
    if (!block.isInitialized()) {
      throw new IllegalStateException("block " + prefix + " (" + block.getClass().getSimpleName() + ") is not initialized: call "
          + "block.initialize(manager, DataType.FLOAT32, inputShape) before BlockParameters.of(\"" + prefix + "\", block)");
    }
    List<DjlParameter> out = new ArrayList<>();
    List<Buffer> buffers = new ArrayList<>();
    collect(prefix, block, binding, out, buffers);
    return new BlockParameters(prefix, out, buffers);
  }

  private static void collect(String path, Block block, Binding binding, List<DjlParameter> out, List<Buffer> buffers) {
    String moduleType = ModuleTypes.of(block);
    for (Pair<String, ai.djl.nn.Parameter> entry : block.getDirectParameters()) {
      ai.djl.nn.Parameter p = entry.getValue();
      String name = path + "." + entry.getKey();
      if (!p.isInitialized()) {
        throw new IllegalStateException("parameter " + name + " is not initialized: initialize the block before binding it");
      }
      if (p.getType() == Type.RUNNING_MEAN || p.getType() == Type.RUNNING_VAR) {
        buffers.add(BlockBuffer.bind(name, p, p.getArray(), binding != Binding.VIEW));
        continue;
      }
      NDArray array = p.getArray();
      DjlParameter bound = switch (binding) {
        case VIEW -> ViewedParameter.tryView(name, p, array);
        case COPY -> new CopiedParameter(name, p, array);
        case ENGINE -> null;
      };
      DjlParameter parameter = bound != null ? bound : new EngineParameter(name, p, array);
      parameter.moduleType(moduleType);
      out.add(parameter);
    }
    BlockList children = block.getChildren();
    List<String> names = childNames(block, children);
    for (int i = 0; i < children.size(); i++) {
      collect(path + "." + names.get(i), children.valueAt(i), binding, out, buffers);
    }
  }

  /**
   * The path segment of each child: its index for sequential containers, otherwise the added name
   * without DJL's running number. Public so that everything naming a block's tensors by path
   * ({@code dev.anneal.djl.interop.TorchNames}) names them alike.
   */
  public static List<String> childNames(Block block, BlockList children) {
    List<String> names = new ArrayList<>();
    if (block instanceof SequentialBlock || block instanceof ParallelBlock) {
      for (int i = 0; i < children.size(); i++) {
        names.add(Integer.toString(i));
      }
      return names;
    }
    Set<String> seen = new HashSet<>();
    boolean unique = true;
    for (String key : children.keys()) {
      String stripped = DJL_CHILD_NUMBER.matcher(key).replaceFirst("");
      if (stripped.isEmpty() || !seen.add(stripped)) {
        unique = false;
      }
      names.add(stripped);
    }
    return unique ? names : new ArrayList<>(children.keys());
  }

  /** {@return the prefix the parameters are named under} */
  public String prefix() {
    return prefix;
  }

  @Override
  public List<Parameter> parameters() {
    return Collections.unmodifiableList(parameters);
  }

  /** {@return the running statistics (BatchNorm's running mean and variance), named by their path} */
  @Override
  public List<Buffer> buffers() {
    return buffers;
  }

  /** {@return the bound parameters with their engine-side methods} */
  public List<DjlParameter> bound() {
    return parameters;
  }

  /** The parameter with this full name ({@code stem.conv1.weight}). */
  public DjlParameter get(String name) {
    DjlParameter p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no parameter " + name + " under " + prefix + "; there are " + byName.keySet());
    }
    return p;
  }

  /** {@return whether every parameter and buffer views engine memory, so that no syncing is ever needed} */
  public boolean zeroCopy() {
    return parameters.stream().allMatch(DjlParameter::zeroCopy)
        && buffers.stream().allMatch(b -> ((BlockBuffer) b).zeroCopy());
  }

  /** Brings copies up to date with the engine (values and gradients); nothing for views. */
  public void pullFromEngine() {
    for (DjlParameter p : parameters) {
      p.pullFromEngine();
    }
  }

  /** Writes copies back into the engine; nothing for views. */
  public void pushToEngine() {
    for (DjlParameter p : parameters) {
      p.pushToEngine();
    }
  }

  /** Freezes or unfreezes every parameter, in Anneal and in the engine. */
  public void setRequiresGrad(boolean requiresGrad) {
    for (DjlParameter p : parameters) {
      p.setRequiresGrad(requiresGrad);
    }
  }

  @Override
  public String toString() {
    return "BlockParameters[" + prefix + ", " + parameters.size() + " parameters]";
  }
}
