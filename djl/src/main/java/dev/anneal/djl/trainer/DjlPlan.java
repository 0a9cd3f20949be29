package dev.anneal.djl.trainer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import dev.anneal.djl.DjlParameter;
import dev.anneal.djl.engine.NdOps;
import dev.anneal.plan.StepOutcome;
import dev.anneal.plan.TrainingPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * An Anneal {@link TrainingPlan} inside DJL's own training: the plan as DJL's {@link Optimizer}
 * and as a {@link TrainingListener}, so that {@code EasyTrain.fit} runs it unchanged, evaluators,
 * logging and model saving included.
 *
 * <pre>{@code
 * DjlPlan djlPlan = DjlPlan.of(() -> FashionClassifierTraining.plan(model, stepsPerEpoch));
 * DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
 *     .optOptimizer(djlPlan)
 *     .addEvaluator(new Accuracy())
 *     .addTrainingListeners(TrainingListener.Defaults.logging())
 *     .addTrainingListeners(djlPlan);                 // after the evaluators' listener
 * EasyTrain.fit(trainer, plan.epochs(), train, validate);
 * }</pre>
 *
 * <p>How DJL's events become the plan's protocol. DJL has no epoch-start event: the plan's first
 * epoch starts at the first batch, every later one at the end of the one before it, so that
 * groups due to unfreeze do so before the epoch's first forward pass. {@code onTrainingBatch} (after backward, before {@code trainer.step()})
 * counts the micro-batch. DJL then calls {@link #update} once per parameter and replica, in no
 * fixed order, after summing every replica's gradient into replica 0's; the plan's whole step
 * (non-finite check, global-norm clipping, every group's update, zeroing, step schedules,
 * freezing) runs once, at the last of those calls, on replica 0, whose values are then copied to
 * the other replicas on their devices. The gradients are multiplied by {@code 1 / (accumulate *
 * replicas)} first: DJL neither scales the loss for accumulation nor averages replicas, and
 * PyTorch's DistributedDataParallel averages. {@code onEpoch} (after DJL's validation) steps a
 * partial accumulation window and ends the plan's epoch with DJL's evaluations: each key as DJL
 * writes it ({@code validate_loss}, {@code train_Accuracy}) and each {@code validate_X} also as
 * {@code val_X}, so a plan monitoring {@code val_loss} reads DJL's validation loss; {@link
 * #metric} adds other names. On several devices freezing leaves DJL's requires-gradient flags on
 * (its copies keep theirs): see {@link #keepGradientsOnEveryDevice}.
 */
public final class DjlPlan extends Optimizer implements TrainingListener {
  private final Supplier<TrainingPlan> factory;
  /** Whether the plan is built at the first batch, after DJL made its copies on the trainer's devices. */
  private final boolean builtAtFirstBatch;
  private final Map<String, String> aliases = new LinkedHashMap<>();
  private TrainingPlan plan;
  /** DJL's parameter id to the plan's parameter bound to replica 0's array. */
  private final Map<String, DjlParameter> byId = new LinkedHashMap<>();
  /** Other replicas' arrays of each parameter, as DJL hands them to {@link #update}. */
  private final Map<String, List<NDArray>> replicas = new LinkedHashMap<>();
  private final List<DjlParameter> copies = new ArrayList<>();
  private int devices = 1;
  private boolean stepPending;
  private boolean stepDue;
  private int expectedUpdates;
  private int updates;
  private StepOutcome lastOutcome;
  private Path stateDir;
  private Path resumeFrom;

  private DjlPlan(Supplier<TrainingPlan> factory, boolean builtAtFirstBatch) {
    super(new NoOptions());
    this.factory = Objects.requireNonNull(factory, "factory");
    this.builtAtFirstBatch = builtAtFirstBatch;
  }

  /** A plan built now (its blocks are initialized). */
  public static DjlPlan of(TrainingPlan plan) {
    Objects.requireNonNull(plan, "plan");
    return new DjlPlan(() -> plan, false);
  }

  /**
   * A plan built at the first training batch, after {@code trainer.initialize(...)} has given the
   * blocks their arrays (DJL builds the trainer, with its optimizer, before that).
   */
  public static DjlPlan of(Supplier<TrainingPlan> factory) {
    return new DjlPlan(factory, true);
  }

  /** Passes DJL's evaluation {@code djlName} to the plan also as {@code planName} (a plateau's monitor). */
  public DjlPlan metric(String planName, String djlName) {
    aliases.put(Objects.requireNonNull(planName, "planName"), Objects.requireNonNull(djlName, "djlName"));
    return this;
  }

  /**
   * After every epoch, writes the plan's training state (optimizer, schedules, freezing, clock;
   * no weights, which DJL's {@code SaveModelTrainingListener} saves) to
   * {@code dir/anneal-state-NNNN.anneal}, NNNN the number of epochs done, atomically.
   */
  public DjlPlan saveTrainingStateTo(Path dir) {
    this.stateDir = Objects.requireNonNull(dir, "dir");
    return this;
  }

  /**
   * Restores a training state written by {@link #saveTrainingStateTo} when the plan is built, for
   * a model whose parameters were loaded from the same epoch ({@code model.load(dir, name)}): the
   * run continues where it stopped, schedules and optimizer state included.
   */
  public DjlPlan resumeFrom(Path stateFile) {
    this.resumeFrom = Objects.requireNonNull(stateFile, "stateFile");
    return this;
  }

  /** The plan, once built (at the first training batch for {@link #of(Supplier)}). */
  public TrainingPlan plan() {
    if (plan == null) {
      throw new IllegalStateException("the plan is built at the first training batch; none has run yet");
    }
    return plan;
  }

  /** What the plan did at the last {@code trainer.step()}: stepped, accumulated, or skipped a non-finite gradient. */
  public StepOutcome lastOutcome() {
    return lastOutcome;
  }

  // ---------------------------------------------------------------- DJL's events

  @Override
  public void onTrainingBatch(Trainer trainer, BatchData batchData) {
    batchDone(trainer.getModel().getBlock(), trainer.getDevices());
  }

  /** A batch's backward passes are done on every device; DJL's {@code trainer.step()} comes next. */
  void batchDone(Block block, Device[] trainerDevices) {
    if (stepPending) {
      throw new IllegalStateException("DJL updated " + updates + " of " + expectedUpdates + " parameter replicas at the "
          + "last trainer.step(), or trainer.step() was not called after the last batch; the plan steps once all are in");
    }
    bind(block, trainerDevices);
    if (!plan.clock().inEpoch()) {
      plan.startEpoch();
    }
    copies.forEach(DjlParameter::pullFromEngine);
    stepDue = plan.backwardDone();
    expectedUpdates = 0;
    for (Pair<String, Parameter> entry : block.getParameters()) {
      if (entry.getValue().requiresGradient()) {
        expectedUpdates += devices;
      }
    }
    updates = 0;
    stepPending = expectedUpdates > 0;
    if (!stepPending) {
      finishStep();
    }
  }

  /** Called by DJL once per parameter and replica inside {@code trainer.step()}. */
  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    if (!stepPending) {
      throw new IllegalStateException("DjlPlan steps after DJL's onTrainingBatch event: add it as a training listener too, "
          + "config.optOptimizer(djlPlan).addTrainingListeners(djlPlan)");
    }
    DjlParameter p = byId.get(parameterId);
    if (p == null) {
      throw new IllegalStateException("DJL updates parameter " + parameterId + ", which is in no group of the plan");
    }
    if (weight != p.array()) {
      List<NDArray> others = replicas.computeIfAbsent(parameterId, k -> new ArrayList<>());
      if (others.stream().noneMatch(r -> r == weight)) {
        others.add(weight);
      }
    }
    if (++updates == expectedUpdates) {
      finishStep();
    }
  }

  @Override
  public void onEpoch(Trainer trainer) {
    epochDone(metrics(trainer));
  }

  /** DJL's epoch is over, validation included. */
  void epochDone(Map<String, Double> metrics) {
    if (plan == null || !plan.clock().inEpoch()) {
      return;
    }
    if (plan.clock().microBatch() > 0) {
      step();
    }
    plan.endEpoch(metrics);
    if (stateDir != null) {
      save(stateDir.resolve(String.format("anneal-state-%04d.anneal", plan.clock().epoch())));
    }
    if (!plan.finished()) {
      // DJL has no epoch-start event; starting here unfreezes groups due next epoch before its first forward pass.
      plan.startEpoch();
    }
  }

  /** Fires inside {@code model.newTrainer}, before the block has arrays: the plan is built at the first batch. */
  @Override
  public void onTrainingBegin(Trainer trainer) {}

  @Override
  public void onTrainingEnd(Trainer trainer) {}

  @Override
  public void onValidationBatch(Trainer trainer, BatchData batchData) {}

  // ---------------------------------------------------------------- the step

  /** Every replica's gradient is summed into replica 0's by now. */
  private void finishStep() {
    stepPending = false;
    // Replicas' own gradients were added in; clear them so the next backward starts from zero.
    replicas.values().forEach(list -> list.forEach(NdOps::zeroGrad));
    if (!stepDue) {
      lastOutcome = StepOutcome.ACCUMULATED;
      return;
    }
    step();
  }

  /**
   * The plan's step on replica 0, the gradients first divided by the micro-batches and replicas
   * summed into them ({@code TrainingPlan.windowDivisor()} times the replicas); then host copies back
   * to the engine, replica 0's values to every replica.
   */
  private void step() {
    // The parameters this step may change: those training as it begins (it may freeze some as it ends).
    List<String> trained = new ArrayList<>(replicas.size());
    replicas.forEach((id, others) -> {
      if (byId.get(id).requiresGrad()) {
        trained.add(id);
      }
    });
    lastOutcome = plan.stepNow(1.0 / ((double) plan.windowDivisor() * devices));
    copies.forEach(DjlParameter::pushToEngine);
    for (String id : trained) {
      NDArray source = byId.get(id).array();
      for (NDArray replica : replicas.get(id)) {
        NdOps.copyInto(replica, source);
      }
    }
  }

  private void save(Path file) {
    try {
      Files.createDirectories(file.getParent());
      plan.saveTrainingState(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the plan's training state to " + file, e);
    }
  }

  private Map<String, Double> metrics(Trainer trainer) {
    return planMetrics(trainer.getTrainingResult().getEvaluations(), aliases);
  }

  /**
   * DJL's evaluations as the plan's metrics: every key as DJL writes it, each {@code validate_X}
   * also as {@code val_X}, and each alias {@code planName -> djlName}; an alias DJL did not report
   * is refused, naming what it did report.
   */
  static Map<String, Double> planMetrics(Map<String, Float> evaluations, Map<String, String> aliases) {
    Map<String, Double> metrics = new TreeMap<>();
    if (evaluations != null) {
      evaluations.forEach((key, value) -> {
        metrics.put(key, value.doubleValue());
        if (key.startsWith("validate_")) {
          metrics.putIfAbsent("val_" + key.substring("validate_".length()), value.doubleValue());
        }
      });
    }
    aliases.forEach((planName, djlName) -> {
      if (!metrics.containsKey(djlName)) {
        throw new IllegalStateException("DjlPlan maps " + planName + " to DJL's " + djlName + ", but DJL reported only "
            + metrics.keySet() + "; add DjlPlan after TrainingListener.Defaults.logging() so the evaluations are in");
      }
      metrics.put(planName, metrics.get(djlName));
    });
    return Collections.unmodifiableMap(metrics);
  }


  // ---------------------------------------------------------------- binding

  private void bind(Block block, Device[] trainerDevices) {
    if (plan != null) {
      return;
    }
    // DJL copied the parameters to its devices at trainer.initialize, with the flags they have until the plan is built.
    Map<Parameter, Boolean> copiedWithGradient = new IdentityHashMap<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      copiedWithGradient.put(entry.getValue(), entry.getValue().requiresGradient());
    }
    plan = Objects.requireNonNull(factory.get(), "the plan factory returned null");
    devices = trainerDevices.length;
    if (resumeFrom != null) {
      try {
        plan.load(resumeFrom);
      } catch (IOException e) {
        throw new UncheckedIOException("could not read the plan's training state " + resumeFrom, e);
      }
    }
    Map<Parameter, DjlParameter> bound = new IdentityHashMap<>();
    for (dev.anneal.param.Parameter p : plan.parameters()) {
      if (!(p instanceof DjlParameter djl)) {
        throw new IllegalStateException("plan parameter " + p.name() + " is not a DJL block's parameter; build the plan's "
            + "groups with BlockParameters.of(name, block)");
      }
      djl.checkBound();
      bound.put(djl.engineParameter(), djl);
      if (!djl.zeroCopy()) {
        copies.add(djl);
      }
    }
    List<String> missing = new ArrayList<>();
    Device first = trainerDevices[0];
    for (Pair<String, Parameter> entry : block.getParameters()) {
      Parameter parameter = entry.getValue();
      DjlParameter p = bound.get(parameter);
      if (p == null) {
        if (parameter.requiresGradient()) {
          missing.add(entry.getKey());
        }
        continue;
      }
      if (!p.array().getDevice().equals(first)) {
        throw new IllegalStateException("parameter " + p.name() + " lives on " + p.array().getDevice() + " but the trainer's "
            + "first device is " + first + "; create the model on it (Model.newInstance(name, " + first + "))");
      }
      byId.put(parameter.getId(), p);
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("the model's parameters " + missing + " are in no group of the plan, so DJL would "
          + "hand them to an optimizer that does not hold them; add them to a group, or freeze them (parameter.freeze(true))");
    }
    if (devices > 1) {
      keepGradientsOnEveryDevice(copiedWithGradient);
    }
  }

  /**
   * DJL's copies of a parameter on the trainer's other devices keep the requires-gradient flag it had
   * at {@code trainer.initialize}. Were freezing to switch the flag, the copies of a frozen parameter
   * would go on gathering gradients, which DJL adds in when it thaws. So the flag stays on: the
   * engine computes frozen parameters' gradients on every device, the plan zeroes them every step and
   * neither uses them nor copies the unchanged values. A parameter copied without a gradient could
   * never train on those devices, and is refused.
   */
  private void keepGradientsOnEveryDevice(Map<Parameter, Boolean> copiedWithGradient) {
    for (DjlParameter p : byId.values()) {
      boolean copied = builtAtFirstBatch ? copiedWithGradient.get(p.engineParameter()) : p.engineParameter().requiresGradient();
      if (!copied) {
        throw new IllegalStateException(builtAtFirstBatch
            ? "parameter " + p.name() + " did not require a gradient when DJL's trainer.initialize copied it to the trainer's "
                + devices + " devices (it was frozen in DJL), and DJL's copies keep that flag, so it could never train on them; "
                + "unfreeze it in DJL before trainer.initialize and let the plan freeze it (@Freeze, freezeUntilEpoch), or leave it "
                + "out of the plan's groups"
            : "parameter " + p.name() + " is frozen, and a plan built before trainer.initialize froze it before DJL copied it to "
                + "the trainer's " + devices + " devices, whose copies keep that flag; on several devices build the plan at the "
                + "first batch, DjlPlan.of(() -> ...)");
      }
      p.keepEngineGradient();
    }
  }

  /** DJL's optimizers take their options from a builder; the plan has its own, so this one is empty. */
  private static final class NoOptions extends OptimizerBuilder<NoOptions> {
    @Override
    protected NoOptions self() {
      return this;
    }
  }
}
