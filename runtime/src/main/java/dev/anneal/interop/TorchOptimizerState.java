package dev.anneal.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.anneal.checkpoint.Json;
import dev.anneal.checkpoint.TensorRef;
import dev.anneal.io.AtomicFiles;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.OptimizerState;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Parameter;
import dev.anneal.safetensors.SafetensorsFile;
import dev.anneal.safetensors.SafetensorsWriter;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorException;
import dev.anneal.vocabulary.Role;
import dev.anneal.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An optimizer's state in the structure of PyTorch's {@code optimizer.state_dict()}, as two files:
 * a safetensors file of the state, keyed {@code state.<index>.<key>} ({@code state.0.exp_avg},
 * {@code state.0.step} as a 0-dimensional float32 tensor, as PyTorch holds it), and a JSON file of
 * the rest: {@code {"optimizer": "Adam", "param_groups": [{"lr": ..., "betas": [...], ...,
 * "params": [0, 1], "param_names": ["fc.weight", "fc.bias"]}]}}. Parameters are numbered as
 * PyTorch numbers them: through the groups in order, each group's parameters in order. Groups carry
 * every hyperparameter under its PyTorch name, with PyTorch's implementation switches
 * ({@code foreach}, ...) at their defaults, so {@code torch.optim.Adam(params).load_state_dict(...)}
 * takes the groups as they are ({@code src/test/python/continue_in_torch.py} in the djl module
 * does that).
 *
 * <p>Import matches parameters by position, as PyTorch's {@code load_state_dict} does
 * ({@code param_names} are written for people and tools, not compared: the names of a DJL model
 * and of its PyTorch original need not agree). It refuses, naming every problem, another optimizer
 * type, another number of groups or of parameters per group, a state tensor whose shape is not its
 * parameter's, and keys it does not know; nothing is loaded unless everything fits. The two files
 * carry the same {@code save_id}, so halves of different saves are refused too.
 *
 * <p>Adam, AdamW and SGD for now; others are refused by name.
 */
public final class TorchOptimizerState {
  static final String FORMAT = "anneal.torch_optimizer_state";
  static final int VERSION = 1;
  private static final Pattern STATE_KEY = Pattern.compile("state\\.(\\d+)\\.([A-Za-z_][A-Za-z0-9_]*)");

  private TorchOptimizerState() {}

  /** Writes the optimizer's state: {@code tensors} (safetensors) first, then {@code json}, each atomically. */
  public static void save(Optimizer optimizer, Path tensors, Path json) throws IOException {
    String type = optimizer.type();
    TorchStateNames.requireSupported(type);
    Descriptor descriptor = descriptor(type);
    OptimizerState view = optimizer.stateView();
    Map<String, TensorRef> stateTensors = new LinkedHashMap<>();
    List<Map<String, Object>> groups = new ArrayList<>();
    int index = 0;
    for (ParamGroup group : optimizer.paramGroups()) {
      Map<String, Object> out = new LinkedHashMap<>(group.hyperparameters());
      for (Argument a : descriptor.arguments()) {
        if (a.role() == Role.IMPLEMENTATION) {
          out.putIfAbsent(a.name(), a.defaultValue());
        }
      }
      List<Integer> indices = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Parameter p : group.params()) {
        OptimizerState.ParamState s = view.state().get(p.name());
        if (s != null) {
          addState(type, index, p, s, stateTensors);
        }
        indices.add(index++);
        names.add(p.name());
      }
      out.put("params", indices);
      out.put("param_names", names);
      groups.add(out);
    }
    String saveId = UUID.randomUUID().toString();
    Map<String, Object> rest = new LinkedHashMap<>();
    rest.put("format", FORMAT);
    rest.put("version", VERSION);
    rest.put("save_id", saveId);
    rest.put("optimizer", type);
    rest.put("param_groups", groups);
    SafetensorsWriter.write(tensors, stateTensors, Map.of("format", "pt", "save_id", saveId));
    AtomicFiles.write(json, Json.write(rest).getBytes(StandardCharsets.UTF_8));
  }

  private static void addState(String type, int index, Parameter p, OptimizerState.ParamState s,
      Map<String, TensorRef> out) {
    for (Map.Entry<String, Double> scalar : s.scalars().entrySet()) {
      requireKnown(type, scalar.getKey(), TorchStateNames.scalars(type));
      out.put(key(index, scalar.getKey()), TensorRef.of(new int[0], new float[] {scalar.getValue().floatValue()}));
    }
    for (Map.Entry<String, float[]> tensor : s.tensors().entrySet()) {
      requireKnown(type, tensor.getKey(), TorchStateNames.tensors(type));
      out.put(key(index, tensor.getKey()), TensorRef.of(p.shape(), tensor.getValue()));
    }
  }

  private static void requireKnown(String type, String key, List<String> known) {
    if (!known.contains(key)) {
      throw new IllegalStateException(type + " state holds " + key + ", which has no PyTorch name here; known: " + known);
    }
  }

  /**
   * Loads state written by {@link #save} or by PyTorch (the same two files) into {@code optimizer},
   * whose groups and parameters must match the file's by position and shape; the file's
   * hyperparameters replace the groups', as in PyTorch. Refused whole, naming every problem.
   */
  public static void load(Optimizer optimizer, Path tensors, Path json) throws IOException {
    String type = optimizer.type();
    TorchStateNames.requireSupported(type);
    Descriptor descriptor = descriptor(type);
    Map<String, Object> rest = readJson(json);
    String where = "cannot load the PyTorch optimizer state of " + json + " and " + tensors.getFileName() + " into this "
        + type + ": ";
    if (!FORMAT.equals(rest.get("format"))) {
      throw new IllegalArgumentException(where + "its format is " + rest.get("format") + ", expected " + FORMAT);
    }
    if (!Integer.valueOf(VERSION).equals(rest.get("version"))) {
      throw new IllegalArgumentException(where + "its format version is " + rest.get("version") + "; this Anneal reads version "
          + VERSION);
    }
    if (!type.equals(rest.get("optimizer"))) {
      throw new IllegalArgumentException(where + "the state is for " + rest.get("optimizer") + ", this optimizer is " + type);
    }
    List<String> problems = new ArrayList<>();
    List<ParamGroup> groups = optimizer.paramGroups();
    List<Map<String, Object>> savedGroups = groupsOf(rest, problems);
    if (savedGroups.size() != groups.size()) {
      throw new IllegalArgumentException(where + "the state has " + savedGroups.size() + " parameter groups, this optimizer "
          + groups.size());
    }
    Map<Integer, Parameter> byIndex = new LinkedHashMap<>();
    List<Map<String, Object>> loadedGroups = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      loadedGroups.add(groupOf(descriptor, groups.get(g), savedGroups.get(g), byIndex, problems));
    }
    Map<String, OptimizerState.ParamState> states = new LinkedHashMap<>();
    try (SafetensorsFile file = SafetensorsFile.open(tensors)) {
      if (!String.valueOf(rest.get("save_id")).equals(file.metadata().get("save_id"))) {
        problems.add("the two files are from different saves (save_id " + rest.get("save_id") + " and "
            + file.metadata().get("save_id") + ")");
      }
      Map<Integer, Map<String, float[]>> tensorsOf = new LinkedHashMap<>();
      Map<Integer, Map<String, Double>> scalarsOf = new LinkedHashMap<>();
      for (SafetensorsFile.Entry e : file.entries().values()) {
        readEntry(type, file, e, byIndex, tensorsOf, scalarsOf, problems);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(where + String.join("; ", problems));
      }
      for (Map.Entry<Integer, Parameter> p : byIndex.entrySet()) {
        Map<String, float[]> t = tensorsOf.getOrDefault(p.getKey(), Map.of());
        Map<String, Double> s = scalarsOf.getOrDefault(p.getKey(), Map.of());
        if (!t.isEmpty() || !s.isEmpty()) {
          states.put(p.getValue().name(), new OptimizerState.ParamState(t, s));
        }
      }
    }
    try {
      // Checks each parameter's state against the optimizer's layout, then changes everything at once.
      optimizer.adoptState(new OptimizerState(type, loadedGroups, states));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + e.getMessage(), e);
    }
  }

  /** The group as {@code adoptState} takes it: the file's hyperparameters (checked), this group's parameter names. */
  private static Map<String, Object> groupOf(Descriptor descriptor, ParamGroup group, Map<String, Object> saved,
      Map<Integer, Parameter> byIndex, List<String> problems) {
    String label = "group " + group.name();
    Map<String, Object> loaded = new LinkedHashMap<>();
    Map<String, Object> known = new LinkedHashMap<>();
    saved.forEach((key, value) -> {
      Argument a = descriptor.argument(key).orElse(null);
      if (key.equals("params") || key.equals("param_names") || (a != null && a.role() == Role.IMPLEMENTATION)) {
        return; // positions are mapped below; implementation switches never change the numbers
      }
      if (a != null) {
        known.put(key, value);
        // normalized only when valid: an invalid value is reported by resolve below, not normalized into a crash
        boolean valid = a.problem(value) == null;
        loaded.put(key, valid && value instanceof Number && !(value instanceof Double) ? a.normalize(value) : value);
      } else {
        loaded.put(key, value); // initial_lr and other keys PyTorch keeps in a group
      }
    });
    try {
      descriptor.resolve(known);
    } catch (DescriptorException e) {
      problems.add(label + ": " + e.getMessage());
    }
    List<Parameter> params = group.params();
    if (!(saved.get("params") instanceof List<?> indices)) {
      problems.add(label + ": the saved group has no params list");
      return loaded;
    }
    if (indices.size() != params.size()) {
      problems.add(label + " holds " + params.size() + " parameters, the saved group " + indices.size());
      return loaded;
    }
    for (int i = 0; i < indices.size(); i++) {
      if (!(indices.get(i) instanceof Integer index) || index < 0) {
        problems.add(label + ": params holds " + indices.get(i) + ", not a parameter index");
      } else if (byIndex.putIfAbsent(index, params.get(i)) != null) {
        problems.add("parameter index " + index + " appears twice in the saved groups");
      }
    }
    loaded.put("params", params.stream().map(Parameter::name).toList());
    return loaded;
  }

  private static void readEntry(String type, SafetensorsFile file, SafetensorsFile.Entry e, Map<Integer, Parameter> byIndex,
      Map<Integer, Map<String, float[]>> tensorsOf, Map<Integer, Map<String, Double>> scalarsOf, List<String> problems)
      throws IOException {
    Matcher m = STATE_KEY.matcher(e.name());
    if (!m.matches()) {
      problems.add("tensor " + e.name() + " is not named state.<index>.<key>");
      return;
    }
    // A forged index may have more digits than an int: it is then no parameter's, like any other unknown index.
    int index = m.group(1).length() <= 9 ? Integer.parseInt(m.group(1)) : -1;
    String key = m.group(2);
    Parameter p = byIndex.get(index);
    if (p == null) {
      problems.add("tensor " + e.name() + " is for parameter " + m.group(1) + ", which no group holds");
      return;
    }
    boolean scalar = TorchStateNames.scalars(type).contains(key);
    if (!scalar && !TorchStateNames.tensors(type).contains(key)) {
      problems.add("tensor " + e.name() + ": " + type + " has no state " + key + " (it has "
          + TorchStateNames.scalars(type) + " and " + TorchStateNames.tensors(type) + ")");
      return;
    }
    if (scalar ? e.count() != 1 || e.shape().length > 1 : !Arrays.equals(e.shape(), p.shape())) {
      problems.add("tensor " + e.name() + " has shape " + Arrays.toString(e.shape()) + ", parameter " + index + " ("
          + p.name() + ") " + (scalar ? "needs a single value" : "has shape " + Arrays.toString(p.shape())));
      return;
    }
    try {
      file.dtypeOf(e);
    } catch (IOException x) {
      problems.add(x.getMessage());
      return;
    }
    float[] values = file.readFloats(e.name());
    if (scalar) {
      scalarsOf.computeIfAbsent(index, k -> new LinkedHashMap<>()).put(key, (double) values[0]);
    } else {
      tensorsOf.computeIfAbsent(index, k -> new LinkedHashMap<>()).put(key, values);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> groupsOf(Map<String, Object> rest, List<String> problems) {
    if (!(rest.get("param_groups") instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
      throw new IllegalArgumentException("the optimizer state's param_groups is not a list of objects: " + rest.get("param_groups"));
    }
    return (List<Map<String, Object>>) (List<?>) list;
  }

  private static Map<String, Object> readJson(Path json) throws IOException {
    String text;
    try {
      text = Files.readString(json);
    } catch (CharacterCodingException e) {
      throw new IOException(json + " is not UTF-8 text, so not the JSON half of an optimizer state", e);
    }
    try {
      return Json.readObject(text);
    } catch (JsonProcessingException e) {
      throw new IOException(json + " is not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  private static Descriptor descriptor(String type) {
    return Vocabulary.builtIns().require(Category.OPTIMIZER, type);
  }

  private static String key(int index, String name) {
    return "state." + index + "." + name;
  }
}
