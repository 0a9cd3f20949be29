package dev.anneal.plan;

import dev.anneal.checkpoint.CheckpointException;
import dev.anneal.checkpoint.CheckpointReader;
import dev.anneal.checkpoint.CheckpointWriter;
import dev.anneal.checkpoint.Json;
import dev.anneal.checkpoint.TensorRef;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.OptimizerState;
import dev.anneal.param.Buffer;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes and reads a plan's checkpoint. Tensors: each parameter under its own name, each buffer
 * (BatchNorm's running statistics) under {@code buffer/<name>}, each optimizer state tensor under
 * {@code optimizer/<parameter>/<key>}. JSON state: the plan's declaration, the
 * optimizer's groups and scalar state, each schedule's state, the freeze state and the clock.
 */
final class PlanCheckpoint {
  static final String OPTIMIZER_PREFIX = "optimizer/";
  static final String BUFFER_PREFIX = "buffer/";

  private PlanCheckpoint() {}

  /** The JSON key saying whether the parameters and buffers are in the file. */
  static final String WEIGHTS = "weights";

  /**
   * Writes the checkpoint; without {@code weights} it holds the training state alone (optimizer,
   * schedules, freezing, clock), for a host that saves the model itself (DJL's model saving).
   */
  static void save(TrainingPlan plan, Path file, boolean weights) throws IOException {
    // Everything is written from where it lives: parameter storages and the optimizer's own arrays.
    Map<String, TensorRef> tensors = new LinkedHashMap<>();
    if (weights) {
      for (Parameter p : plan.parameters()) {
        tensors.put(p.name(), new TensorRef(p.shape(), p.values()));
      }
      for (Buffer b : plan.buffers()) {
        b.pull();
        tensors.put(BUFFER_PREFIX + b.name(), new TensorRef(b.shape(), b.values()));
      }
    }
    OptimizerState optimizerState = plan.optimizer().stateView();
    Map<String, int[]> shapes = new LinkedHashMap<>();
    plan.parameters().forEach(p -> shapes.put(p.name(), p.shape()));
    Map<String, Object> perParam = new LinkedHashMap<>();
    optimizerState.state().forEach((param, state) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      List<String> keys = new ArrayList<>();
      state.tensors().forEach((key, values) -> {
        // State shaped like its parameter (exp_avg, ...) keeps the parameter's shape for readers.
        int[] paramShape = shapes.get(param);
        int[] shape = paramShape != null && Arrays.stream(paramShape).asLongStream().reduce(1, (a, b) -> a * b) == values.length
            ? paramShape : new int[] {values.length};
        tensors.put(OPTIMIZER_PREFIX + param + "/" + key, TensorRef.of(shape, values));
        keys.add(key);
      });
      entry.put("tensors", keys);
      entry.put("scalars", state.scalars());
      perParam.put(param, entry);
    });
    Map<String, Object> optimizer = new LinkedHashMap<>();
    optimizer.put("type", optimizerState.type());
    optimizer.put("groups", optimizerState.groups());
    optimizer.put("state", perParam);

    List<Object> schedules = new ArrayList<>();
    for (TrainingPlan.ActiveSchedule active : plan.schedules()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("scope", active.scope());
      entry.put("declared", active.planned().toMap());
      entry.put("state", active.scheduler().stateDict());
      schedules.add(entry);
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put(WEIGHTS, weights);
    state.put("declaration", plan.declaration());
    state.put("epochs", plan.epochs());
    state.put("optimizer", optimizer);
    state.put("schedules", schedules);
    state.put("freeze", plan.freezer().stateDict());
    state.put("clock", plan.clock().toMap());
    CheckpointWriter.write(file, tensors, state);
  }

  /** The group names the checkpoint's optimizer state lists, or null if it is malformed (reported later). */
  private static List<String> savedGroupNames(Map<String, Object> state) {
    if (state.get("optimizer") instanceof Map<?, ?> optimizer && optimizer.get("groups") instanceof List<?> groups) {
      List<String> names = new ArrayList<>();
      for (Object g : groups) {
        if (!(g instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)) {
          return null;
        }
        names.add(name);
      }
      return names;
    }
    return null;
  }

  static void load(TrainingPlan plan, Path file) throws IOException {
    try (CheckpointReader reader = CheckpointReader.open(file)) {
      load(plan, reader);
    }
  }

  /**
   * One pass verifies the whole file and reads the optimizer state into new arrays, which the
   * optimizer then adopts; parameters are read straight into their storages once everything else
   * has been checked and applied. No tensor is held twice.
   */
  @SuppressWarnings("unchecked")
  private static void load(TrainingPlan plan, CheckpointReader reader) throws IOException {
    Path file = reader.file();
    String where = "checkpoint " + file;
    // Optimizer state is read into new arrays while the file is verified; only tensors of the
    // plan's parameters, and no larger than what the plan's optimizer keeps, are allocated, so a
    // forged table cannot make the load allocate more than a run of this plan would.
    Map<String, Integer> sizes = new LinkedHashMap<>();
    plan.parameters().forEach(p -> sizes.put(p.name(), p.size()));
    long total = sizes.values().stream().mapToLong(Integer::longValue).sum();
    boolean flat = plan.optimizer().type().equals("LBFGS"); // its state vectors span every parameter
    Map<String, float[]> stateArrays = new LinkedHashMap<>();
    List<String> refused = new ArrayList<>();
    reader.verify(e -> {
      if (!e.name().startsWith(OPTIMIZER_PREFIX)) {
        return null;
      }
      String rest = e.name().substring(OPTIMIZER_PREFIX.length());
      Integer size = rest.lastIndexOf('/') < 0 ? null : sizes.get(rest.substring(0, rest.lastIndexOf('/')));
      if (size == null) {
        refused.add(e.name() + ", which no parameter or state entry uses");
        return null; // checksummed, never stored
      }
      long bound = flat ? total : size;
      if (e.count() > bound) {
        refused.add(e.name() + " of " + e.count() + " values, more than the " + bound + " its optimizer keeps");
        return null;
      }
      float[] values = new float[(int) e.count()];
      stateArrays.put(e.name(), values);
      return FloatStorage.wrap(values);
    });
    Map<String, CheckpointReader.Entry> tensors = reader.entries();
    Map<String, Object> state = reader.state();

    // 0. The same groups, added ones included, in the same order.
    List<String> savedGroups = savedGroupNames(state);
    List<String> planGroups = plan.groups().stream().map(g -> g.name()).toList();
    boolean groupsAdded = plan.declaration().containsKey(PlanDeclaration.ADDED_GROUPS)
        || (state.get("declaration") instanceof Map<?, ?> saved && saved.containsKey(PlanDeclaration.ADDED_GROUPS));
    if (groupsAdded && savedGroups != null && !savedGroups.equals(planGroups)) {
      List<String> onlySaved = savedGroups.stream().filter(g -> !planGroups.contains(g)).toList();
      List<String> onlyPlan = planGroups.stream().filter(g -> !savedGroups.contains(g)).toList();
      throw new CheckpointException(where + " has groups " + savedGroups + ", the plan has " + planGroups
          + (onlySaved.isEmpty() ? "" : "; only in the checkpoint: " + onlySaved)
          + (onlyPlan.isEmpty() ? "" : "; only in the plan: " + onlyPlan)
          + (onlySaved.isEmpty() && onlyPlan.isEmpty() ? " (another order)" : "")
          + "; groups added during training must be added to the plan (plan.addGroup) before loading; nothing was loaded");
    }

    // Older checkpoints have no flag and always hold the weights.
    boolean weights = !Boolean.FALSE.equals(state.get(WEIGHTS));

    // 1. Parameters: same names, same shapes (a checkpoint of the training state alone has none).
    Map<String, Parameter> params = new LinkedHashMap<>();
    Map<String, Buffer> buffers = new LinkedHashMap<>();
    if (weights) {
      plan.parameters().forEach(p -> params.put(p.name(), p));
      plan.buffers().forEach(b -> buffers.put(b.name(), b));
    }
    Set<String> savedParams = new LinkedHashSet<>();
    Set<String> savedBuffers = new LinkedHashSet<>();
    for (String name : tensors.keySet()) {
      if (name.startsWith(BUFFER_PREFIX)) {
        savedBuffers.add(name.substring(BUFFER_PREFIX.length()));
      } else if (!name.startsWith(OPTIMIZER_PREFIX)) {
        savedParams.add(name);
      }
    }
    List<String> missing = params.keySet().stream().filter(n -> !savedParams.contains(n)).toList();
    List<String> extra = savedParams.stream().filter(n -> !params.containsKey(n)).toList();
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new CheckpointException(where + " does not match the plan's parameters: "
          + (missing.isEmpty() ? "" : "missing from the checkpoint " + missing + (extra.isEmpty() ? "" : "; "))
          + (extra.isEmpty() ? "" : "not in the plan " + extra) + "; nothing was loaded");
    }
    for (Parameter p : params.values()) {
      int[] saved = tensors.get(p.name()).shape();
      if (!Arrays.equals(saved, p.shape())) {
        throw new CheckpointException(where + ": parameter " + p.name() + " has shape " + Arrays.toString(saved)
            + " in the checkpoint, " + Arrays.toString(p.shape()) + " in the plan; nothing was loaded");
      }
    }

    // 1b. Buffers: same names, same shapes.
    List<String> missingBuffers = buffers.keySet().stream().filter(n -> !savedBuffers.contains(n)).toList();
    List<String> extraBuffers = savedBuffers.stream().filter(n -> !buffers.containsKey(n)).toList();
    if (!missingBuffers.isEmpty() || !extraBuffers.isEmpty()) {
      throw new CheckpointException(where + " does not match the plan's buffers (running statistics): "
          + (missingBuffers.isEmpty() ? "" : "missing from the checkpoint " + missingBuffers + (extraBuffers.isEmpty() ? "" : "; "))
          + (extraBuffers.isEmpty() ? "" : "not in the plan " + extraBuffers) + "; nothing was loaded");
    }
    for (Buffer b : buffers.values()) {
      int[] saved = tensors.get(BUFFER_PREFIX + b.name()).shape();
      if (!Arrays.equals(saved, b.shape())) {
        throw new CheckpointException(where + ": buffer " + b.name() + " has shape " + Arrays.toString(saved)
            + " in the checkpoint, " + Arrays.toString(b.shape()) + " in the plan; nothing was loaded");
      }
    }

    // 1c. Optimizer state only of the plan's parameters and of a size its optimizer keeps.
    if (!refused.isEmpty()) {
      throw new CheckpointException(where + " holds tensor " + refused.get(0) + "; nothing was loaded");
    }

    // 2. The same declaration: optimizer, groups, schedules, freeze plan, accumulation, clipping.
    Object current = Json.normalize(plan.declaration());
    List<String> differences = PlanDeclaration.differences(state.get("declaration"), current);
    if (!differences.isEmpty()) {
      throw new CheckpointException(where + " was written by a differently configured plan: "
          + String.join("; ", differences) + "; nothing was loaded");
    }

    // 3. Optimizer state rebuilt from JSON and tensors, checked before anything changes.
    OptimizerState optimizerState;
    List<Map<String, Object>> scheduleStates = new ArrayList<>();
    try {
      Map<String, Object> optimizer = (Map<String, Object>) state.get("optimizer");
      String type = (String) optimizer.get("type");
      if (!plan.optimizer().type().equals(type)) {
        throw new CheckpointException(where + " holds state of optimizer " + type + ", the plan uses "
            + plan.optimizer().type() + "; nothing was loaded");
      }
      Set<String> usedTensors = new LinkedHashSet<>(savedParams);
      savedBuffers.forEach(b -> usedTensors.add(BUFFER_PREFIX + b));
      Map<String, OptimizerState.ParamState> perParam = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) optimizer.get("state")).entrySet()) {
        Map<String, Object> entry = (Map<String, Object>) e.getValue();
        Map<String, float[]> stateTensors = new LinkedHashMap<>();
        for (Object key : (List<Object>) entry.get("tensors")) {
          String tensorName = OPTIMIZER_PREFIX + e.getKey() + "/" + key;
          float[] t = stateArrays.get(tensorName);
          if (t == null) {
            throw new CheckpointException(where + " is corrupt: it lists optimizer state " + key + " of parameter "
                + e.getKey() + " but holds no tensor " + tensorName);
          }
          stateTensors.put((String) key, t);
          usedTensors.add(tensorName);
        }
        Map<String, Double> scalars = new LinkedHashMap<>();
        ((Map<String, Object>) entry.get("scalars")).forEach((k, v) -> scalars.put(k, ((Number) v).doubleValue()));
        perParam.put(e.getKey(), new OptimizerState.ParamState(stateTensors, scalars));
      }
      for (String name : tensors.keySet()) {
        if (!usedTensors.contains(name)) {
          throw new CheckpointException(where + " holds tensor " + name + ", which no parameter or state entry uses; nothing was loaded");
        }
      }
      optimizerState = new OptimizerState(type, (List<Map<String, Object>>) optimizer.get("groups"), perParam);
      List<Object> schedules = (List<Object>) state.get("schedules");
      if (schedules.size() != plan.schedules().size()) {
        throw new CheckpointException(where + " holds " + schedules.size() + " schedules, the plan has "
            + plan.schedules().size() + "; nothing was loaded");
      }
      for (Object s : schedules) {
        scheduleStates.add((Map<String, Object>) ((Map<String, Object>) s).get("state"));
      }
      if (!(state.get("clock") instanceof Map<?, ?>) || !(state.get("freeze") instanceof Map<?, ?>)) {
        throw new CheckpointException(where + " lacks the clock or the freeze state");
      }
    } catch (ClassCastException | NullPointerException e) {
      throw new CheckpointException(where + " has a malformed state section (" + e.getMessage() + "); nothing was loaded", e);
    }

    // 4. Apply, rolling everything back if any part refuses its state.
    Optimizer optimizer = plan.optimizer();
    // A view suffices to roll back: adopting new state replaces the arrays rather than writing into them.
    OptimizerState optimizerBefore = optimizer.stateView();
    List<Map<String, Object>> schedulesBefore = new ArrayList<>();
    plan.schedules().forEach(a -> schedulesBefore.add(a.scheduler().stateDict()));
    Map<String, Object> freezeBefore = plan.freezer().stateDict();
    Map<String, Object> clockBefore = plan.clock().toMap();
    int schedulesLoaded = 0;
    try {
      optimizer.adoptState(optimizerState);
      for (int i = 0; i < scheduleStates.size(); i++) {
        TrainingPlan.ActiveSchedule active = plan.schedules().get(i);
        try {
          active.scheduler().loadStateDict(scheduleStates.get(i));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("schedule " + active.planned().describe() + " of " + active.scope()
              + ": " + e.getMessage(), e);
        }
        schedulesLoaded++;
      }
      plan.freezer().loadStateDict((Map<String, Object>) state.get("freeze"));
      plan.restoreClock((Map<String, Object>) state.get("clock"));
    } catch (RuntimeException e) {
      // Schedulers write lrs into the groups as they load; the optimizer's groups are restored last.
      for (int i = 0; i < schedulesLoaded; i++) {
        plan.schedules().get(i).scheduler().loadStateDict(schedulesBefore.get(i));
      }
      optimizer.adoptState(optimizerBefore);
      plan.freezer().loadStateDict(freezeBefore);
      plan.restoreClock(clockBefore);
      throw new CheckpointException(where + " does not fit this plan: " + e.getMessage() + "; nothing was loaded", e);
    }
    // Parameter values last, from the verified file: sizes were checked, so only a failing disk
    // could stop this half-way (reported as an IOException naming the file).
    for (Parameter p : params.values()) {
      reader.readInto(p.name(), p.values());
      p.setGrad(null);
    }
    for (Buffer b : buffers.values()) {
      reader.readInto(BUFFER_PREFIX + b.name(), b.values());
      b.push();
    }
  }
}
