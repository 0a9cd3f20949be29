package dev.anneal.checkpoint;

import dev.anneal.param.FloatStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * One checkpoint file in the safetensors layout: an 8-byte little-endian header length, a JSON
 * header naming each tensor with its dtype ({@code F32}), shape and byte range, then the tensor
 * bytes (little-endian). The header's {@code __metadata__} (strings only, as safetensors requires)
 * holds the format name and version, the JSON state, and a CRC32C over the state, the tensor
 * table and the tensor bytes, so bit flips anywhere are caught. Safetensors tools can open the
 * file; parameters appear under their own names.
 *
 * <p>{@link CheckpointWriter} and {@link CheckpointReader} stream files of any size; the two
 * methods here are for checkpoints small enough to hold whole as arrays.
 */
public final class CheckpointFile {
  public static final String FORMAT = "anneal-checkpoint";
  public static final int FORMAT_VERSION = 1;
  static final String KEY_FORMAT = "format";
  static final String KEY_VERSION = "format_version";
  static final String KEY_STATE = "anneal_state";
  static final String KEY_CHECKSUM = "checksum_crc32c";

  private CheckpointFile() {}

  /** What a checkpoint holds: tensors by name and a JSON state object. */
  public record Contents(Map<String, Tensor> tensors, Map<String, Object> state) {}

  /** Writes atomically (see {@link CheckpointWriter}); the arrays are written in place. */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, Object> state) throws IOException {
    Map<String, TensorRef> refs = new LinkedHashMap<>();
    tensors.forEach((name, t) -> refs.put(name, TensorRef.of(t.shape(), t.values())));
    CheckpointWriter.write(file, refs, state);
  }

  /** Reads and checks a checkpoint whole into arrays; any defect raises {@link CheckpointException} naming it. */
  public static Contents read(Path file) throws IOException {
    try (CheckpointReader reader = CheckpointReader.open(file)) {
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      Map<String, float[]> arrays = new LinkedHashMap<>();
      reader.entries().values().forEach(e -> arrays.put(e.name(), new float[(int) e.count()]));
      reader.verify(e -> FloatStorage.wrap(arrays.get(e.name())));
      reader.entries().values().forEach(e -> tensors.put(e.name(), new Tensor(e.shape(), arrays.get(e.name()))));
      return new Contents(tensors, reader.state());
    }
  }

  /** The checksum's first part: the state, then the tensor table canonically (so a changed shape or range is caught). */
  static void checksumHeader(CRC32C crc, String stateJson, Map<String, Object> table) {
    crc.update(stateJson.getBytes(StandardCharsets.UTF_8));
    table.keySet().stream().sorted().forEach(name -> {
      Map<?, ?> info = (Map<?, ?>) table.get(name);
      StringBuilder line = new StringBuilder(name).append('|').append(info.get("dtype")).append('|');
      ((List<?>) info.get("shape")).forEach(d -> line.append(((Number) d).longValue()).append(','));
      line.append('|');
      ((List<?>) info.get("data_offsets")).forEach(d -> line.append(((Number) d).longValue()).append(','));
      crc.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    });
  }
}
