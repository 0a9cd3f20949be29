package dev.anneal.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.anneal.vocabulary.PythonLiteral;

/**
 * A PyTorch class name with its keyword arguments under their PyTorch names, such as
 * {@code CosineAnnealingLR(T_max=100, eta_min=1e-6)} or {@code AdamW(lr=1e-3)}: the form a user can
 * paste from a Python config, that the conformance fixtures use, and that generated code writes.
 * Children ({@code SequentialLR}, {@code ChainedScheduler}) are specs themselves.
 */
public final class Spec implements SpecSource {
  private final String type;
  private final Map<String, Object> kwargs;
  private final List<Spec> children;

  private Spec(String type, Map<String, Object> kwargs, List<Spec> children) {
    this.type = Objects.requireNonNull(type, "type");
    this.kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
    this.children = List.copyOf(children);
  }

  public static Spec of(String type) {
    return new Spec(type, Map.of(), List.of());
  }

  /**
   * Reads the JSON shape {@code {"type": ..., <kwargs>..., "schedulers": [spec, ...]}}; lists of
   * numbers stay lists (tuples such as {@code betas}).
   */
  @SuppressWarnings("unchecked")
  public static Spec fromMap(Map<String, ?> map) {
    Object type = map.get("type");
    if (!(type instanceof String name)) {
      throw new IllegalArgumentException("a spec needs a \"type\" naming the PyTorch class, got " + map);
    }
    Map<String, Object> kwargs = new LinkedHashMap<>();
    List<Spec> children = new ArrayList<>();
    map.forEach((key, value) -> {
      if (key.equals("type")) {
        return;
      }
      if (key.equals("schedulers") && value instanceof List<?> list) {
        list.forEach(child -> children.add(fromMap((Map<String, ?>) child)));
      } else {
        kwargs.put(key, value);
      }
    });
    return new Spec(name, kwargs, children);
  }

  /** A copy with one more keyword argument (replacing an earlier value of the same name). */
  public Spec with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(kwargs);
    copy.put(key, value);
    return new Spec(type, copy, children);
  }

  /** A copy with these children appended (for {@code SequentialLR}, {@code ChainedScheduler} and warmups). */
  public Spec withChildren(SpecSource... more) {
    List<Spec> copy = new ArrayList<>(children);
    for (SpecSource child : more) {
      copy.add(child.toSpec());
    }
    return new Spec(type, kwargs, copy);
  }

  /**
   * Reads a call pasted from Python, {@code AdamW(lr=1e-3, betas=(0.9, 0.999), foreach=None)}:
   * the class name (a module prefix such as {@code torch.optim.} or {@code nn.} is dropped, and so is an
   * assignment such as {@code scheduler = }) and keyword arguments
   * as Python literals ({@link PythonLiteral}). A leading {@code params} or {@code optimizer}
   * positional argument is skipped.
   */
  public static Spec parse(String call) {
    String text = call.strip();
    int open = text.indexOf('(');
    if (open < 0 || !text.endsWith(")")) {
      throw new IllegalArgumentException("not a Python call such as AdamW(lr=1e-3): " + call);
    }
    String name = text.substring(0, open).strip();
    name = name.substring(name.lastIndexOf('=') + 1).strip(); // a whole line: scheduler = StepLR(...)
    for (String prefix : List.of("torch.optim.lr_scheduler.", "torch.optim.", "optim.lr_scheduler.", "optim.", "lr_scheduler.", "torch.nn.", "nn.",
        "cosine_annealing_warmup.")) {
      if (name.startsWith(prefix)) {
        name = name.substring(prefix.length());
        break;
      }
    }
    Map<String, Object> kwargs = new LinkedHashMap<>();
    for (String argument : splitTopLevel(text.substring(open + 1, text.length() - 1))) {
      int eq = argument.indexOf('=');
      if (eq < 0) {
        continue; // params / optimizer, positional
      }
      kwargs.put(argument.substring(0, eq).strip(), PythonLiteral.parse(argument.substring(eq + 1)));
    }
    return new Spec(name, kwargs, List.of());
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    if (!text.substring(start).isBlank()) {
      parts.add(text.substring(start));
    }
    return parts;
  }

  /** {@return this spec: a spec is its own source} */
  @Override
  public Spec toSpec() {
    return this;
  }

  public String type() {
    return type;
  }

  public Map<String, Object> kwargs() {
    return kwargs;
  }

  public boolean has(String key) {
    return kwargs.containsKey(key);
  }

  public Object get(String key) {
    return kwargs.get(key);
  }

  public double getDouble(String key, double fallback) {
    Object value = kwargs.get(key);
    return value == null ? fallback : ((Number) value).doubleValue();
  }

  public List<Spec> children() {
    return children;
  }

  /** {@return the JSON shape {@link #fromMap} reads} */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", type);
    map.putAll(kwargs);
    if (!children.isEmpty()) {
      map.put("schedulers", children.stream().map(Spec::toMap).toList());
    }
    return map;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Spec other && type.equals(other.type) && kwargs.equals(other.kwargs) && children.equals(other.children);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, kwargs, children);
  }

  @Override
  public String toString() {
    return type + kwargs + (children.isEmpty() ? "" : children.toString());
  }
}
