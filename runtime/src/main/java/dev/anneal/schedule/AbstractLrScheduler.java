package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import dev.anneal.spec.Registry;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.LrCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PyTorch's {@code LRScheduler} machinery: construction counts as step 0, {@link #step()} advances
 * {@code last_epoch} and writes each group's lr (and momentum or beta1 where a scheduler cycles
 * it), and the last values stay readable.
 *
 * <p><b>Numbers.</b> Each scheduler computes exactly what PyTorch computes when stepped without an
 * epoch: the chainable form (the new lr from the group's current lr) where PyTorch uses one, so
 * {@code ChainedScheduler} compositions match to the last bit, and the closed form (a pure function
 * of the position) where PyTorch uses that, and for PyTorch's {@code step(epoch)}: {@link #stepTo}.
 *
 * <p><b>Exact resume.</b> {@link #stateDict()} holds the position, the base lrs, the exact last lrs
 * (and cycled momentum) and each scheduler's own counters; {@link #loadStateDict} restores them and
 * writes the saved values into the groups, so a fresh optimizer and scheduler continue bit for bit.
 *
 * <p><b>Groups that join.</b> When the scheduler drives a live optimizer ({@link GroupSource#live}),
 * a group added later joins at the next {@link #step()}: its {@code initial_lr} is set to its own lr
 * (PyTorch's {@code setdefault}), that is its base lr, and it is given the closed-form value at the
 * current position (what it would hold had it been there from the start), then steps with the rest.
 *
 * <p><b>Constructed at a position.</b> PyTorch's {@code last_epoch = k} ({@link GroupSource#resumedAt}):
 * every group must already carry {@code initial_lr} (from the run being resumed), which is then its
 * base lr, and construction takes the step to {@code k + 1} from the groups' current lrs, as
 * PyTorch's {@code _initial_step} does.
 *
 * <p>Steady-state steps allocate nothing: per-group values live in arrays that grow only when a
 * group joins.
 */
public abstract class AbstractLrScheduler implements LrScheduler {
  private final String type;
  protected final GroupSource groups;
  private boolean nested;
  /** PyTorch's {@code last_epoch}: the position, 0 right after construction. */
  protected int lastEpoch = -1;
  private int count;
  private boolean resuming;
  protected double[] baseLrs = new double[0];
  protected double[] lastLrs = new double[0];

  protected AbstractLrScheduler(String type, GroupSource groups) {
    this.type = Objects.requireNonNull(type, "type");
    this.groups = Objects.requireNonNull(groups, "groups");
  }

  /** The PyTorch class name (or Anneal's name for warmups and recipes) this scheduler implements. */
  public final String type() {
    return type;
  }

  /** PyTorch's {@code last_epoch}. */
  public final int lastEpoch() {
    return lastEpoch;
  }

  /** How many groups this scheduler drives so far. */
  public final int groupCount() {
    return count;
  }

  /** Base lr of a group (PyTorch's {@code base_lrs[g]}). */
  public final double baseLr(int group) {
    checkGroup(group);
    return baseLrs[group];
  }

  /** Last lr of a group without boxing ({@code get_last_lr()[g]}). */
  public final double lastLr(int group) {
    checkGroup(group);
    return lastLrs[group];
  }

  @Override
  public final List<Double> lastLr() {
    List<Double> values = new ArrayList<>(count);
    for (int g = 0; g < count; g++) {
      values.add(lastLrs[g]);
    }
    return values;
  }

  /** Registers the groups present now and takes PyTorch's initial step; subclasses call it last in their constructor. */
  protected final void start() {
    int n = groups.size();
    if (n == 0) {
      throw new IllegalArgumentException(type + " needs at least one parameter group");
    }
    int at = groups.lastEpoch();
    if (at != -1) {
      requireInitialLrs(at);
    }
    for (int g = 0; g < n; g++) {
      registerGroup(g, groups.get(g));
    }
    lastEpoch = at;
    resuming = at != -1;
    try {
      initialStep();
    } finally {
      resuming = false;
    }
  }

  /** PyTorch's refusal of {@code last_epoch = k} on groups that never had a schedule (its KeyError). */
  private void requireInitialLrs(int at) {
    for (int g = 0; g < groups.size(); g++) {
      if (!groups.get(g).has(ParamGroup.INITIAL_LR)) {
        throw new IllegalArgumentException(type + " last_epoch=" + at + " resumes a schedule, but param_groups[" + g
            + "] has no 'initial_lr' (PyTorch: KeyError: \"param 'initial_lr' is not specified in param_groups[" + g
            + "] when resuming an optimizer\"); construct it with last_epoch=-1, or give every group its initial_lr");
      }
    }
  }

  /**
   * Whether this is the construction step of a scheduler built at {@code last_epoch = k >= 0}:
   * PyTorch 2.x's {@code _is_initial}, where its chainable ExponentialLR, LinearLR, PolynomialLR,
   * CosineAnnealingLR and MultiplicativeLR leave the resumed lr as it is (1.13 stepped it once more).
   */
  protected final boolean resuming() {
    return resuming;
  }

  /** PyTorch's {@code _initial_step}: the step that makes construction step 0. */
  protected void initialStep() {
    advance(Double.NaN, false);
  }

  /** Marks a scheduler as part of a composite: the composite handles joining groups. */
  protected static void nest(AbstractLrScheduler child) {
    child.nested = true;
  }

  @Override
  public void step() {
    joinIfRoot();
    advance(Double.NaN, false);
  }

  /**
   * One step given the monitored metric: a metric-driven scheduler (ReduceLROnPlateau, or a
   * composite holding one) uses it, every other scheduler ignores it.
   */
  public void step(double metric) {
    joinIfRoot();
    advance(metric, true);
  }

  /** Whether steps need a metric ({@code ReduceLROnPlateau} somewhere in this schedule). */
  public boolean needsMetric() {
    return false;
  }

  /**
   * PyTorch's deprecated {@code step(epoch)}: jumps to {@code epoch} and writes the closed form.
   * A {@link SequentialLR} restarts a later child this way ({@code step(0)}).
   */
  public void stepTo(double epoch) {
    joinIfRoot();
    lastEpoch = (int) Math.floor(epoch);
    for (int g = 0; g < count; g++) {
      write(g, groups.get(g), closedFormLr(g, baseLrs[g]));
    }
  }

  /** Advances one position: {@code last_epoch += 1} and PyTorch's {@code get_lr()} written to every group. */
  protected void advance(double metric, boolean hasMetric) {
    lastEpoch++;
    for (int g = 0; g < count; g++) {
      ParamGroup group = groups.get(g);
      write(g, group, computeLr(g, group));
    }
  }

  /** Writes one group's lr and remembers it as the last lr. */
  protected final void write(int g, ParamGroup group, double lr) {
    group.setLr(lr);
    lastLrs[g] = lr;
  }

  /** Records the groups' current lrs as the last lrs (for composites and ReduceLROnPlateau). */
  protected final void recordLastLrs() {
    for (int g = 0; g < count; g++) {
      lastLrs[g] = groups.get(g).lr();
    }
  }

  /** PyTorch's {@code get_lr()} for one group at {@link #lastEpoch} (may read the group's current lr). */
  protected abstract double computeLr(int g, ParamGroup group);

  /**
   * The lr of group {@code g} at {@link #lastEpoch} for base lr {@code base}, as a pure function of
   * the position. Schedules whose descriptor has a closed form evaluate it ({@link #descriptorCurve});
   * the others (composites, functions, metric-driven, cycles with per-group bounds that groups join)
   * compute PyTorch's own.
   */
  protected abstract double closedFormLr(int g, double base);

  /**
   * The closed form the vocabulary's descriptor of {@code type} gives for these arguments (PyTorch
   * names): the one formula of the schedule, which the processor's preview evaluates too.
   */
  protected static LrCurve descriptorCurve(String type, Map<String, ?> kwargs) {
    return Registry.require(Category.SCHEDULER, type).curve(kwargs, List.of())
        .orElseThrow(() -> new IllegalStateException(type + "'s descriptor has no closed form for " + kwargs));
  }

  /**
   * The lr a group joining now gets: the closed form at the current position. Composites combine
   * their children's values the way they combine schedules.
   */
  protected double joinLr(int g, ParamGroup group) {
    return closedFormLr(g, baseLrs[g]);
  }

  /** Lets groups added since the last step join (only the outermost scheduler of a composite does this). */
  protected final void joinIfRoot() {
    if (nested) {
      return;
    }
    int n = groups.size();
    for (int g = count; g < n; g++) {
      ParamGroup group = groups.get(g);
      join(g, group);
      write(g, group, joinLr(g, group));
    }
  }

  /** Registers a group that joins after construction; composites forward it to their children first. */
  protected void join(int g, ParamGroup group) {
    registerGroup(g, group);
  }

  /** Registers one group: {@code initial_lr} (setdefault), base lr, and the subclass's per-group values. */
  protected final void registerGroup(int g, ParamGroup group) {
    if (g != count) {
      throw new IllegalStateException(type + ": group " + g + " registered out of order (have " + count + ")");
    }
    prepareGroup(g, group);
    if (!group.has(ParamGroup.INITIAL_LR)) {
      group.set(ParamGroup.INITIAL_LR, group.lr());
    }
    if (baseLrs.length <= g) {
      int capacity = Math.max(4, 2 * baseLrs.length);
      baseLrs = Arrays.copyOf(baseLrs, capacity);
      lastLrs = Arrays.copyOf(lastLrs, capacity);
    }
    baseLrs[g] = group.getDouble(ParamGroup.INITIAL_LR);
    lastLrs[g] = group.lr();
    count = g + 1;
    onRegister(g, group);
  }

  /** Runs before {@code initial_lr} is defaulted (OneCycleLR sets it from {@code max_lr} here). */
  protected void prepareGroup(int g, ParamGroup group) {}

  /** Per-group setup once the base lr is known (per-group bounds, momentum ranges, ...). */
  protected void onRegister(int g, ParamGroup group) {}

  /**
   * Forgets the position, as if this scheduler were constructed anew now (a warmup restarts the
   * schedule that follows it this way).
   */
  protected void reset() {
    lastEpoch = -1;
  }

  /**
   * Starts over at step 0 from the groups' current lrs, exactly as if this scheduler were
   * constructed now (how a warmup hands over to the schedule that follows it).
   */
  public void restart() {
    reset();
    initialStep();
  }

  /** Whether this scheduler writes momentum or beta1. */
  protected boolean cyclesMomentum() {
    return false;
  }

  @Override
  public final Map<String, Object> stateDict() {
    Map<String, Object> state = saveState();
    if (!nested && cyclesMomentum()) {
      List<Double> momentum = new ArrayList<>();
      for (int g = 0; g < count; g++) {
        momentum.add(Momentum.read(groups.get(g)));
      }
      state.put("group_momentum", momentum);
    }
    return state;
  }

  /** This scheduler's own state (composites include their children's). */
  protected Map<String, Object> saveState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("type", type);
    state.put("last_epoch", lastEpoch);
    state.put("base_lrs", toList(baseLrs, count));
    state.put("last_lr", toList(lastLrs, count));
    saveExtra(state);
    return state;
  }

  /** Adds subclass fields to the state (per-group arrays as lists of numbers). */
  protected void saveExtra(Map<String, Object> state) {}

  @Override
  public final void loadStateDict(Map<String, Object> state) {
    Objects.requireNonNull(state, "state");
    validateState(state);
    loadState(state);
    for (int g = 0; g < count; g++) {
      groups.get(g).setLr(lastLrs[g]);
    }
    Object momentum = state.get("group_momentum");
    if (momentum instanceof List<?> values && cyclesMomentum()) {
      for (int g = 0; g < count; g++) {
        Momentum.write(groups.get(g), ((Number) values.get(g)).doubleValue());
      }
    }
  }

  /** Checks the whole state before anything changes; throws naming what does not fit. */
  protected void validateState(Map<String, Object> state) {
    Object savedType = state.get("type");
    if (!type.equals(savedType)) {
      throw new IllegalArgumentException("scheduler state is for " + savedType + ", this scheduler is " + type);
    }
    for (String key : List.of("last_epoch", "base_lrs", "last_lr")) {
      if (!state.containsKey(key)) {
        throw new IllegalArgumentException(type + " state lacks \"" + key + "\"");
      }
    }
    int saved = numbers(state, "base_lrs").length;
    if (saved > groups.size()) {
      throw new IllegalArgumentException(type + " state covers " + saved + " parameter groups but this scheduler drives "
          + groups.size() + "; add the missing groups to the optimizer before loading");
    }
  }

  /**
   * Restores the fields. Groups beyond the saved ones (present now but not when saving) are
   * unregistered, so they join at the next step like any group added during training.
   */
  protected void loadState(Map<String, Object> state) {
    double[] base = numbers(state, "base_lrs");
    double[] last = numbers(state, "last_lr");
    int n = base.length;
    while (count < n) {
      registerGroup(count, groups.get(count));
    }
    count = n;
    System.arraycopy(base, 0, baseLrs, 0, n);
    System.arraycopy(last, 0, lastLrs, 0, n);
    lastEpoch = ((Number) state.get("last_epoch")).intValue();
    loadExtra(state);
  }

  /** Reads subclass fields written by {@link #saveExtra}. */
  protected void loadExtra(Map<String, Object> state) {}

  /** {@code values} with room for index {@code g} (grows only when a group joins). */
  protected static double[] ensure(double[] values, int g) {
    return g < values.length ? values : Arrays.copyOf(values, Math.max(4, 2 * (g + 1)));
  }

  protected static List<Double> toList(double[] values, int n) {
    List<Double> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(values[i]);
    }
    return list;
  }

  /** A list of numbers from a state map. */
  protected static double[] numbers(Map<String, Object> state, String key) {
    Object value = state.get(key);
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("scheduler state \"" + key + "\" must be a list of numbers, was " + value);
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = list.get(i);
      if (!(v instanceof Number number)) {
        throw new IllegalArgumentException("scheduler state \"" + key + "\" must hold numbers, found " + v);
      }
      out[i] = number.doubleValue();
    }
    return out;
  }

  /** A number from a state map; also reads Jackson's "Infinity" / "-Infinity" / "NaN" strings. */
  protected static double number(Map<String, Object> state, String key) {
    Object value = state.get(key);
    if (value instanceof String text && (text.equals("Infinity") || text.equals("-Infinity") || text.equals("NaN"))) {
      return Double.parseDouble(text);
    }
    if (!(value instanceof Number number)) {
      throw new IllegalArgumentException("scheduler state \"" + key + "\" must be a number, was " + value);
    }
    return number.doubleValue();
  }

  private void checkGroup(int group) {
    if (group < 0 || group >= count) {
      throw new IndexOutOfBoundsException(type + " drives " + count + " groups, asked for group " + group);
    }
  }

  @Override
  public String toString() {
    return type + "[last_epoch=" + lastEpoch + ", last_lr=" + lastLr() + "]";
  }
}
