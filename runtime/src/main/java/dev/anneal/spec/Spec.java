package dev.anneal.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.anneal.checkpoint.Json;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
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
        for (Object child : list) {
          if (!(child instanceof Map<?, ?> childMap)) {
            throw new IllegalArgumentException("the schedulers of a " + name + " spec are specs (objects), got " + child);
          }
          children.add(fromMap((Map<String, ?>) childMap));
        }
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
   * the class name (a module prefix such as {@code torch.optim.} or {@code nn.} is dropped, and so is
   * an assignment such as {@code scheduler = }) and its arguments as Python literals
   * ({@link PythonLiteral}). Nothing the user wrote is dropped: the leading {@code params} or
   * {@code optimizer} of an optimizer or scheduler is the only argument skipped; further positional
   * arguments take the names of PyTorch's signature ({@link Descriptor#positional()}), so
   * {@code SGD(model.parameters(), 0.1, momentum=0.9)} has lr 0.1; and what cannot be read so is
   * refused by name, as Python refuses it where it would: a repeated keyword, a positional argument
   * after a keyword, {@code *args} and {@code **kwargs}.
   */
  public static Spec parse(String call) {
    String text = call.strip();
    int open = text.indexOf('(');
    if (open < 0 || !text.endsWith(")")) {
      throw new IllegalArgumentException("not a Python call such as AdamW(lr=1e-3): " + abbreviate(call));
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
    Descriptor descriptor = descriptorNamed(name);
    Map<String, Object> keywords = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    List<String> arguments = splitTopLevel(text.substring(open + 1, text.length() - 1), call);
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i).strip();
      if (argument.isEmpty()) {
        throw new IllegalArgumentException("argument " + (i + 1) + " of " + abbreviate(call) + " is empty");
      }
      if (argument.startsWith("*")) {
        throw new IllegalArgumentException(name + " argument " + abbreviate(argument) + " unpacks "
            + (argument.startsWith("**") ? "keywords" : "positions") + ", which Anneal does not read; write each value as a"
            + " keyword, such as lr=0.5");
      }
      int eq = keywordEquals(argument);
      if (eq < 0) {
        if (!keywords.isEmpty()) {
          throw new IllegalArgumentException(name + ": positional argument " + abbreviate(argument)
              + " follows keyword arguments (Python refuses this too)");
        }
        positional.add(argument);
        continue;
      }
      String key = argument.substring(0, eq).strip();
      if (keywords.containsKey(key)) {
        throw new IllegalArgumentException(name + ": keyword argument " + key + " repeated (Python refuses this too)");
      }
      keywords.put(key, PythonLiteral.parse(argument.substring(eq + 1)));
    }
    return new Spec(name, withPositional(name, descriptor, positional, keywords), List.of());
  }

  /** The keyword arguments with the positional ones named first, in the signature's order. */
  private static Map<String, Object> withPositional(String name, Descriptor descriptor, List<String> positional,
      Map<String, Object> keywords) {
    List<String> values = positional;
    boolean takesTarget = descriptor == null || descriptor.category() != Category.LOSS;
    if (takesTarget && !values.isEmpty()) {
      String target = values.get(0);
      if (isValue(target)) {
        throw new IllegalArgumentException(name + "'s first positional argument is "
            + (descriptor != null && descriptor.category() == Category.SCHEDULER ? "the optimizer" : "params (model.parameters())")
            + ", not a value such as " + abbreviate(target) + "; give values as keywords"
            + (descriptor == null || descriptor.positional().isEmpty() ? "" : ", such as " + descriptor.positional().get(0) + "="
                + abbreviate(target)));
      }
      values = values.subList(1, values.size()); // params / optimizer: the plan supplies them
    }
    if (values.isEmpty()) {
      return keywords;
    }
    List<String> names = descriptor == null ? List.of() : descriptor.positional();
    if (values.size() > names.size()) {
      String value = values.get(names.size());
      throw new IllegalArgumentException(name + " positional argument " + abbreviate(value) + " has no name here: "
          + (names.isEmpty() ? "Anneal does not know " + name + "'s positional order"
              : name + " takes " + names.size() + " by position (" + String.join(", ", names) + ")")
          + "; write it as a keyword");
    }
    Map<String, Object> all = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      String key = names.get(i);
      if (keywords.containsKey(key)) {
        throw new IllegalArgumentException(name + " got multiple values for argument " + key + " (by position and by keyword)");
      }
      all.put(key, PythonLiteral.parse(values.get(i)));
    }
    all.putAll(keywords);
    return all;
  }

  private static Descriptor descriptorNamed(String name) {
    for (Category category : Category.values()) {
      var found = Registry.vocabulary().find(category, name);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }

  /** A literal (number, True, None, tuple), as opposed to an expression such as {@code model.parameters()}. */
  private static boolean isValue(String argument) {
    try {
      Object value = PythonLiteral.parse(argument);
      return !(value instanceof String) || argument.startsWith("'") || argument.startsWith("\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Where a keyword argument's {@code =} is ({@code lr=0.1}), or -1 for a positional one. */
  private static int keywordEquals(String argument) {
    int i = 0;
    while (i < argument.length() && (Character.isLetterOrDigit(argument.charAt(i)) || argument.charAt(i) == '_')) {
      i++;
    }
    if (i == 0 || Character.isDigit(argument.charAt(0))) {
      return -1;
    }
    while (i < argument.length() && " \t\n\r\f".indexOf(argument.charAt(i)) >= 0) { // Python's spaces, not U+2028
      i++;
    }
    boolean equals = i < argument.length() && argument.charAt(i) == '='
        && (i + 1 == argument.length() || argument.charAt(i + 1) != '=');
    return equals ? i : -1;
  }

  /** The arguments between the call's parentheses, split at commas outside brackets and quotes (in one pass). */
  private static List<String> splitTopLevel(String text, String call) {
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
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth < 0) {
          throw new IllegalArgumentException("unbalanced " + c + " in " + abbreviate(call));
        }
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0 || quote != 0) {
      throw new IllegalArgumentException((quote != 0 ? "unterminated string" : "unbalanced brackets") + " in " + abbreviate(call));
    }
    if (!text.substring(start).isBlank()) {
      parts.add(text.substring(start));
    }
    return parts;
  }

  /**
   * Reads a spec from JSON text in the {@link #fromMap} shape, refusing a repeated key
   * ({@code {"type": "SGD", "lr": 0.1, "type": "Adam"}}) instead of keeping the last.
   */
  public static Spec fromJson(String json) {
    try {
      return fromMap(Json.readObject(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON spec: " + e.getOriginalMessage(), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "... (" + s.length() + " characters)";
  }

  /** A spec is its own source. */
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

  /** The JSON shape {@link #fromMap} reads. */
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
