package dev.anneal.djl.interop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.anneal.checkpoint.TensorRef;
import dev.anneal.djl.EngineMemory;
import dev.anneal.safetensors.SafetensorsFile;
import dev.anneal.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch weights in safetensors (what {@code safetensors.torch.save_file(model.state_dict(), ...)}
 * and model hubs write) into a DJL block by name, as {@code model.load_state_dict(sd, strict)}:
 * the block's tensors are named as PyTorch names them ({@link TorchNames}), a {@link NameMapping}
 * bridges any other naming, and the {@link WeightLoadReport} lists what is missing, unexpected or
 * does not fit. Strict refuses a file with any problem, naming every one, and changes nothing;
 * non-strict loads every tensor that fits and returns the report. Unlike PyTorch, which raises on a
 * size mismatch even with {@code strict=False}, non-strict skips a mis-shaped tensor and reports it.
 *
 * <p>File dtypes F32, F64, F16, BF16 and I64 are converted to the block's float32. Every tensor is
 * read before any is written, so an unreadable file leaves the block as it was. Load before binding
 * the block with {@code BlockParameters.copying}; views ({@code BlockParameters.of}) see the
 * loaded values, since the engine's arrays are written in place.
 */
public final class TorchWeights {
  private TorchWeights() {}

  /** {@link #load(Block, Path, NameMapping, boolean)} with the same names on both sides. */
  public static WeightLoadReport load(Block block, Path file, boolean strict) throws IOException {
    return load(block, file, NameMapping.identity(), strict);
  }

  /** Loads the file's tensors into the initialized {@code block}; see the class comment. */
  public static WeightLoadReport load(Block block, Path file, NameMapping mapping, boolean strict) throws IOException {
    Map<String, Parameter> targets = initializedTensors(block);
    List<String> unexpected = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    List<WeightLoadReport.Mismatch> mismatched = new ArrayList<>();
    Map<String, String> sourceOf = new LinkedHashMap<>(); // block name -> file name
    Map<String, float[]> values = new LinkedHashMap<>();
    try (SafetensorsFile in = SafetensorsFile.open(file)) {
      for (SafetensorsFile.Entry e : in.entries().values()) {
        String target = mapping.blockName(e.name());
        if (target == null) {
          ignored.add(e.name());
          continue;
        }
        Parameter p = targets.get(target);
        if (p == null) {
          unexpected.add(target.equals(e.name()) ? e.name() : e.name() + " (as " + target + ")");
          continue;
        }
        String problem = misfit(in, e, target, p, sourceOf);
        if (problem != null) {
          mismatched.add(new WeightLoadReport.Mismatch(e.name(), target, problem));
          continue;
        }
        sourceOf.put(target, e.name());
      }
      List<String> missing = targets.keySet().stream().filter(name -> !sourceOf.containsKey(name)
          && mismatched.stream().noneMatch(m -> m.blockName().equals(name))).toList();
      WeightLoadReport report = new WeightLoadReport(List.copyOf(sourceOf.keySet()), missing, unexpected, mismatched, ignored);
      if (strict && !report.isComplete()) {
        throw new IllegalArgumentException("cannot load " + file + " into the block strictly (nothing was loaded): "
            + report.problems());
      }
      for (Map.Entry<String, String> pair : sourceOf.entrySet()) {
        values.put(pair.getKey(), in.readFloats(pair.getValue()));
      }
      // Everything is read; only now does the block change.
      values.forEach((name, v) -> EngineMemory.write(targets.get(name).getArray(), v));
      return report;
    }
  }

  /** Writes every tensor of the initialized block under its PyTorch name, as float32 safetensors. */
  public static void save(Block block, Path file) throws IOException {
    Map<String, TensorRef> tensors = new LinkedHashMap<>();
    initializedTensors(block).forEach((name, p) -> {
      NDArray array = p.getArray();
      int[] shape = Arrays.stream(array.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
      if (array.getDataType() != DataType.FLOAT32) {
        throw new IllegalArgumentException("block tensor " + name + " is " + array.getDataType() + "; Anneal saves float32 "
            + "tensors");
      }
      tensors.put(name, TensorRef.of(shape, array.toFloatArray()));
    });
    SafetensorsWriter.write(file, tensors, Map.of("format", "pt"));
  }

  private static String misfit(SafetensorsFile in, SafetensorsFile.Entry e, String target, Parameter p,
      Map<String, String> sourceOf) {
    if (sourceOf.containsKey(target)) {
      return "block tensor " + target + " is already loaded from " + sourceOf.get(target);
    }
    try {
      in.dtypeOf(e);
    } catch (IOException x) {
      return "dtype " + e.dtype() + " is not one Anneal reads";
    }
    NDArray array = p.getArray();
    if (array.getDataType() != DataType.FLOAT32) {
      return "the block tensor is " + array.getDataType() + "; Anneal loads into float32 tensors";
    }
    long[] blockShape = array.getShape().getShape();
    long[] fileShape = Arrays.stream(e.shape()).asLongStream().toArray();
    if (!Arrays.equals(blockShape, fileShape)) {
      return "shape " + Arrays.toString(fileShape) + " in the file, " + Arrays.toString(blockShape) + " in the block";
    }
    return null;
  }

  private static Map<String, Parameter> initializedTensors(Block block) {
    Map<String, Parameter> tensors = TorchNames.of(block);
    for (Map.Entry<String, Parameter> e : tensors.entrySet()) {
      if (!e.getValue().isInitialized()) {
        throw new IllegalStateException("block tensor " + e.getKey() + " is not initialized: call block.initialize(manager, "
            + "DataType.FLOAT32, inputShape) before loading or saving weights");
      }
    }
    return tensors;
  }
}
