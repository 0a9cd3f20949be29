package dev.anneal.djl.interop;

import java.util.ArrayList;
import java.util.List;

/**
 * What loading a weights file into a block found, as PyTorch's {@code load_state_dict} reports it:
 * block tensors the file lacks ({@code missing_keys}), file tensors the block lacks
 * ({@code unexpected_keys}), and pairs that do not fit (shape, dtype); plus what was loaded and
 * what the name mapping left out on purpose.
 */
public record WeightLoadReport(List<String> loaded, List<String> missing, List<String> unexpected,
    List<Mismatch> mismatched, List<String> ignored) {

  /** A file tensor and the block tensor it maps to, which do not fit. */
  public record Mismatch(String fileName, String blockName, String problem) {
    @Override
    public String toString() {
      return (fileName.equals(blockName) ? fileName : fileName + " (as " + blockName + ")") + ": " + problem;
    }
  }

  public WeightLoadReport {
    loaded = List.copyOf(loaded);
    missing = List.copyOf(missing);
    unexpected = List.copyOf(unexpected);
    mismatched = List.copyOf(mismatched);
    ignored = List.copyOf(ignored);
  }

  /** {@return whether every block tensor was matched by exactly one fitting file tensor and nothing else was left} */
  public boolean isComplete() {
    return missing.isEmpty() && unexpected.isEmpty() && mismatched.isEmpty();
  }

  /** {@return every problem, one clause each: what a strict load refuses with} */
  public String problems() {
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add("missing from the file: " + missing);
    }
    if (!unexpected.isEmpty()) {
      parts.add("unexpected in the file (no such block tensor): " + unexpected);
    }
    if (!mismatched.isEmpty()) {
      parts.add("not fitting: " + mismatched);
    }
    return parts.isEmpty() ? "none" : String.join("; ", parts);
  }

  @Override
  public String toString() {
    return "WeightLoadReport[loaded " + loaded.size() + ", ignored " + ignored + ", problems: " + problems() + "]";
  }
}
