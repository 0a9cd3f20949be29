package dev.anneal.swa;

import dev.anneal.checkpoint.CheckpointException;
import dev.anneal.checkpoint.CheckpointFile;
import dev.anneal.checkpoint.Json;
import dev.anneal.checkpoint.Tensor;
import dev.anneal.param.Buffer;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import dev.anneal.plan.HookHandle;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.TrainingClock;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.plan.WeightAverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A running average of a model's parameters, as {@code torch.optim.swa_utils.AveragedModel}
 * (SWA's equal average, or EMA with {@code get_ema_multi_avg_fn(decay)}) and timm's
 * {@code ModelEmaV3} (EMA with a decay warmup):
 *
 * <pre>{@code
 * AveragedModel swa = AveragedModel.swa(model);                  // update_parameters at epoch ends from epoch 10
 * swa.updateAtEpochEnds(plan, 10);
 * AveragedModel ema = AveragedModel.emaV3(model, EmaDecay.warmup(0.9999, 1, 0.75));
 * ema.updateEveryStep(plan);
 * ema.checkpointWith(plan, "ema");                                // saved and restored with plan.save / plan.load
 * try (AveragedModel.Applied applied = ema.apply()) { evaluate(model); }   // evaluate the average, then back
 * }</pre>
 *
 * <p>Numbers as PyTorch computes them on CPU float32 tensors: SWA
 * {@code avg + (current - avg) / (n + 1)}; EMA {@code lerp(avg, current, 1 - decay)} with
 * PyTorch 2.x's vectorized lerp ({@code fma(w, current - avg, avg)} for {@code |w| < 0.5}, else
 * {@code fma(w - 1, current - avg, current)}). PyTorch's AveragedModel copies the model at its
 * first update; timm's ModelEmaV3 copies it when constructed (here: {@link #emaV3}).
 *
 * <p>Buffers ({@link #buffers}): averaged too, as PyTorch's {@code use_buffers=True} and timm, or
 * copied at every update, as PyTorch does without it; a DJL model's BatchNorm statistics
 * ({@code BlockParameters.buffers()}) are followed the same way, or recomputed for the averaged
 * weights with {@code dev.anneal.djl.UpdateBn}.
 */
public final class AveragedModel implements WeightAverage {
  /** What the checkpoint holds under {@code kind}. */
  enum Kind { SWA, EMA, EMA_V3, EMA_RAMP }

  private final Kind kind;
  private final double decay;
  private final EmaDecay emaDecay;
  private final List<Parameter> params;
  private final List<Buffer> buffers = new ArrayList<>();
  private boolean averageBuffers;
  private float[][] averaged;
  private float[][] averagedBuffers = new float[0][];
  private long nAveraged;
  /** YOLOv5's {@code tau} ({@link #emaRamp}), else NaN. */
  private double rampTau = Double.NaN;

  private AveragedModel(Kind kind, ParameterSource model, double decay, EmaDecay emaDecay) {
    this.kind = kind;
    this.decay = decay;
    this.emaDecay = emaDecay;
    this.params = List.copyOf(Objects.requireNonNull(model, "model").parameters());
    if (params.isEmpty()) {
      throw new IllegalArgumentException("the model to average holds no parameters");
    }
    this.averaged = new float[params.size()][];
    for (int i = 0; i < params.size(); i++) {
      averaged[i] = params.get(i).values().toArray();
    }
  }

  /** SWA: the equal average of every update (PyTorch's default {@code AveragedModel(model)}). */
  public static AveragedModel swa(ParameterSource model) {
    return new AveragedModel(Kind.SWA, model, Double.NaN, null);
  }

  /** EMA as {@code AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(decay))}. */
  public static AveragedModel ema(ParameterSource model, double decay) {
    if (!(decay >= 0 && decay <= 1)) {
      throw new IllegalArgumentException("Invalid decay value " + decay + " provided. Please provide a value in [0,1] range.");
    }
    return new AveragedModel(Kind.EMA, model, decay, null);
  }

  /** timm's {@code ModelEmaV3(model, decay, min_decay, update_after_step, use_warmup, ...)}: starts as a copy of the model. */
  public static AveragedModel emaV3(ParameterSource model, EmaDecay decay) {
    AveragedModel m = new AveragedModel(Kind.EMA_V3, model, Double.NaN, Objects.requireNonNull(decay, "decay"));
    m.nAveraged = 1;     // the copy made at construction
    return m;
  }

  /**
   * YOLOv5's {@code ModelEMA(model, decay, tau)} ({@code utils/torch_utils.py}): starts as a copy of
   * the model, and its {@code n}-th update ({@code updates += 1}) uses the decay
   * {@code d = decay * (1 - exp(-n / tau))}, {@code v = d * v + (1 - d) * model_v} for every
   * floating-point entry of the state dict (parameters and buffers). {@link #averagedCount()} is
   * YOLOv5's {@code updates}: the copy counts none. See {@link #startFromModel()} for taking the
   * copy later than construction.
   *
   * @param decay the decay the ramp approaches, in [0, 1]
   * @param tau the ramp's time constant in updates, positive and finite
   */
  public static AveragedModel emaRamp(ParameterSource model, double decay, double tau) {
    if (!(decay >= 0 && decay <= 1)) {
      throw new IllegalArgumentException("EMA decay must be in [0, 1], was " + decay);
    }
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("EMA ramp tau must be positive and finite, was " + tau);
    }
    AveragedModel m = new AveragedModel(Kind.EMA_RAMP, model, decay, null);
    m.rampTau = tau;
    return m;
  }

  /** YOLOv5's {@code ModelEMA.decay(updates)}: {@code decay * (1 - exp(-updates / tau))}. */
  static double rampDecay(double decay, double tau, long updates) {
    return decay * (1 - Math.exp(-updates / tau));
  }

  /**
   * The average becomes a copy of the model's current weights (and buffers), its update count
   * unchanged: where the model's starting weights are set after the average was made (the plan
   * takes this copy before its first optimizer step for {@link ModelEma#ramp}).
   */
  public void startFromModel() {
    for (int i = 0; i < params.size(); i++) {
      averaged[i] = params.get(i).values().toArray();
    }
    for (int i = 0; i < buffers.size(); i++) {
      averagedBuffers[i] = read(buffers.get(i));
    }
  }

  /**
   * Also follows {@code source}'s buffers: averaged like the parameters when {@code average}
   * (PyTorch's {@code use_buffers=True}, timm's default), else copied at each update.
   */
  public AveragedModel buffers(ParameterSource source, boolean average) {
    List<Buffer> tensors = new ArrayList<>();
    for (Parameter p : source.parameters()) {
      tensors.add(Buffer.of(p.name(), p.shape(), p.values()));
    }
    return buffers(tensors, average);
  }

  /**
   * Also follows these buffers (a DJL model's BatchNorm statistics: {@code BlockParameters.buffers()}),
   * averaged like the parameters when {@code average} (timm's EMA), else copied at each update.
   */
  public AveragedModel buffers(List<? extends Buffer> source, boolean average) {
    buffers.clear();
    buffers.addAll(source);
    averageBuffers = average;
    averagedBuffers = new float[buffers.size()][];
    for (int i = 0; i < buffers.size(); i++) {
      averagedBuffers[i] = read(buffers.get(i));
    }
    return this;
  }

  /** A buffer's current values (pulled from the engine first where the buffer is a copy). */
  private static float[] read(Buffer b) {
    b.pull();
    return b.values().toArray();
  }

  private static void write(Buffer b, float[] values) {
    b.values().copyFrom(values);
    b.push();
  }

  /** PyTorch's {@code update_parameters(model)} (for timm's EMA: {@code update(model)}, the fixed decay). */
  public void update() {
    update(-1);
  }

  /** timm's {@code update(model, step)}: {@code step} is the count of optimizer steps taken (1 after the first). */
  public void update(long step) {
    // YOLOv5's average starts as a copy of the model (startFromModel): its first update already averages
    boolean copy = nAveraged == 0 && kind != Kind.EMA_RAMP;
    double decayNow = switch (kind) {
      case SWA -> 0;
      case EMA -> decay;
      case EMA_V3 -> step < 0 ? emaDecay.decay() : emaDecay.at(step);
      case EMA_RAMP -> rampDecay(decay, rampTau, nAveraged + 1);   // YOLOv5's updates += 1 comes first
    };
    for (int i = 0; i < params.size(); i++) {
      average(averaged[i], params.get(i).values(), copy, decayNow);
    }
    for (int i = 0; i < buffers.size(); i++) {
      buffers.get(i).pull();
      average(averagedBuffers[i], buffers.get(i).values(), copy || !averageBuffers, decayNow);
    }
    nAveraged++;
  }

  private void average(float[] avg, FloatStorage current, boolean copy, double decayNow) {
    if (copy) {
      current.copyTo(avg);
      return;
    }
    float weight = (float) (1 - decayNow);
    if (kind == Kind.EMA_RAMP) {
      // YOLOv5's v *= d; v += (1 - d) * model_v on float32 tensors: each product and the sum rounded to float
      float keep = (float) decayNow;
      for (int j = 0; j < avg.length; j++) {
        float kept = avg[j] * keep;
        float taken = weight * current.get(j);
        avg[j] = kept + taken;
      }
    } else if (kind == Kind.SWA) {
      float divisor = (float) (nAveraged + 1);
      for (int j = 0; j < avg.length; j++) {
        avg[j] = avg[j] + (current.get(j) - avg[j]) / divisor;
      }
    } else if (Math.abs(weight) < 0.5f) {
      for (int j = 0; j < avg.length; j++) {
        avg[j] = Math.fma(weight, current.get(j) - avg[j], avg[j]);
      }
    } else {
      float coeff = weight - 1;
      for (int j = 0; j < avg.length; j++) {
        float c = current.get(j);
        avg[j] = Math.fma(coeff, c - avg[j], c);
      }
    }
  }

  /**
   * PyTorch's {@code n_averaged.fill_(0)}: the next update copies the weights instead of averaging,
   * as torchvision's reference does after each update during its lr warmup.
   */
  public void restartAverage() {
    nAveraged = 0;
  }

  /**
   * Copies the average now ({@link dev.anneal.plan.StateCapture}); the returned action puts it back
   * exactly, as a {@code TrialRun} (a plan's preview) does with the plan's own average.
   *
   * @return the action that restores this copy
   */
  @Override
  public Runnable capture() {
    float[][] params = new float[averaged.length][];
    for (int i = 0; i < params.length; i++) {
      params[i] = averaged[i].clone();
    }
    float[][] bufs = new float[averagedBuffers.length][];
    for (int i = 0; i < bufs.length; i++) {
      bufs[i] = averagedBuffers[i].clone();
    }
    long n = nAveraged;
    return () -> apply(new Loaded(n, params, bufs));
  }

  /** {@return PyTorch's {@code n_averaged}: updates so far (timm's EMA counts its initial copy; YOLOv5's {@code updates} does not)} */
  @Override
  public long averagedCount() {
    return nAveraged;
  }

  /** The averaged values of parameter {@code name} (a copy). */
  @Override
  public float[] averaged(String name) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals(name)) {
        return averaged[i].clone();
      }
    }
    for (int i = 0; i < buffers.size(); i++) {
      if (buffers.get(i).name().equals(name)) {
        return averagedBuffers[i].clone();
      }
    }
    throw new IllegalArgumentException("the averaged model has no parameter or buffer " + name);
  }

  /** Writes the averages into the model's own parameters (and buffers), as the final model. */
  public void copyToModel() {
    for (int i = 0; i < params.size(); i++) {
      params.get(i).values().copyFrom(averaged[i]);
    }
    for (int i = 0; i < buffers.size(); i++) {
      write(buffers.get(i), averagedBuffers[i]);
    }
  }

  /** {@return the averages written into the model until {@link Applied#close()} puts the trained values back} */
  public Applied apply() {
    List<float[]> saved = new ArrayList<>();
    params.forEach(p -> saved.add(p.values().toArray()));
    buffers.forEach(b -> saved.add(read(b)));
    copyToModel();
    return new Applied(saved);
  }

  /** The model holding the averages; closing it restores the trained values. */
  public final class Applied implements AutoCloseable {
    private final List<float[]> saved;
    private boolean closed;

    private Applied(List<float[]> saved) {
      this.saved = saved;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      for (int i = 0; i < params.size(); i++) {
        params.get(i).values().copyFrom(saved.get(i));
      }
      for (int i = 0; i < buffers.size(); i++) {
        write(buffers.get(i), saved.get(params.size() + i));
      }
    }
  }

  // ---------------------------------------------------------------- wiring to a plan

  /** Updates after every optimizer step (EMA), with timm's step count: {@code plan.clock().step() + 1}. */
  public HookHandle updateEveryStep(TrainingPlan plan) {
    return plan.hooks().afterStep((p, trainable) -> update(p.clock().step() + 1));
  }

  /**
   * Updates at the end of every epoch from epoch {@code firstEpoch} (0-based) on, as PyTorch's SWA
   * recipe calls {@code update_parameters} after each epoch past {@code swa_start}.
   */
  public HookHandle updateAtEpochEnds(TrainingPlan plan, int firstEpoch) {
    PlanListener listener = new PlanListener() {
      @Override
      public void onEpochEnd(TrainingClock clock, Map<String, Double> metrics) {
        if (clock.epoch() - 1 >= firstEpoch) {
          update(clock.step());
        }
      }
    };
    plan.addListener(listener);
    return () -> plan.removeListener(listener);
  }

  /** {@link #checkpointWith(TrainingPlan, String)} under the name {@code averaged}. */
  public HookHandle checkpointWith(TrainingPlan plan) {
    return checkpointWith(plan, "averaged");
  }

  /**
   * Saves the average with every {@code plan.save(file)} into {@code file + "." + name} (atomically,
   * after the plan's file), and restores it with {@code plan.load(file)}: a missing or mismatched
   * file refuses the load before the plan changes. Give each averaged model of a plan its own name.
   */
  public HookHandle checkpointWith(TrainingPlan plan, String name) {
    if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("the averaged model's checkpoint name must be letters, digits, _ or -, was " + name);
    }
    HookHandle save = plan.hooks().afterSave((p, file) -> save(sidecar(file, name)));
    HookHandle check = plan.hooks().beforeLoad((p, file) -> read(sidecar(file, name)));
    HookHandle load = plan.hooks().afterLoad((p, file) -> apply(read(sidecar(file, name))));
    return () -> {
      save.remove();
      check.remove();
      load.remove();
    };
  }

  /** Where {@link #checkpointWith(TrainingPlan, String)} keeps the average of checkpoint {@code file}. */
  public static Path sidecar(Path file, String name) {
    return file.resolveSibling(file.getFileName() + "." + name);
  }

  /** Writes the average atomically (safetensors layout: each tensor under its parameter's name). */
  public void save(Path file) throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      tensors.put(params.get(i).name(), new Tensor(params.get(i).shape(), averaged[i]));
    }
    for (int i = 0; i < buffers.size(); i++) {
      tensors.put(buffers.get(i).name(), new Tensor(buffers.get(i).shape(), averagedBuffers[i]));
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("kind", kind.name());
    state.put("n_averaged", nAveraged);
    state.put("declaration", declaration());
    CheckpointFile.write(file, tensors, state);
  }

  /** Restores an average written by {@link #save} for the same model and averaging, or refuses it whole. */
  public void load(Path file) throws IOException {
    apply(read(file));
  }

  private Map<String, Object> declaration() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("kind", kind.name());
    if (kind == Kind.EMA) {
      d.put("decay", decay);
    } else if (kind == Kind.EMA_V3) {
      d.put("decay", emaDecay.decay());
      d.put("min_decay", emaDecay.minDecay());
      d.put("update_after_step", emaDecay.updateAfterStep());
      d.put("use_warmup", emaDecay.useWarmup());
      d.put("warmup_gamma", emaDecay.warmupGamma());
      d.put("warmup_power", emaDecay.warmupPower());
    } else if (kind == Kind.EMA_RAMP) {
      d.put("decay", decay);
      d.put("ramp_tau", rampTau);
    }
    d.put("average_buffers", averageBuffers);
    return d;
  }

  private record Loaded(long nAveraged, float[][] params, float[][] buffers) {}

  private Loaded read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException("the averaged model's file " + file + " is missing; it is written next to the plan's"
          + " checkpoint when the plan is saved with checkpointWith(plan) registered");
    }
    CheckpointFile.Contents contents = CheckpointFile.read(file);
    Object declared = contents.state().get("declaration");
    if (!Json.normalize(declaration()).equals(declared)) {
      throw new CheckpointException(file + " holds an average declared as " + declared + ", this one is " + declaration()
          + "; nothing was loaded");
    }
    float[][] p = new float[params.size()][];
    float[][] b = new float[buffers.size()][];
    int expected = params.size() + buffers.size();
    if (contents.tensors().size() != expected) {
      throw new CheckpointException(file + " holds " + contents.tensors().size() + " tensors, the averaged model has "
          + expected + "; nothing was loaded");
    }
    for (int i = 0; i < params.size(); i++) {
      p[i] = tensor(file, contents, params.get(i).name(), params.get(i).shape());
    }
    for (int i = 0; i < buffers.size(); i++) {
      b[i] = tensor(file, contents, buffers.get(i).name(), buffers.get(i).shape());
    }
    Object n = contents.state().get("n_averaged");
    if (!(n instanceof Number count)) {
      throw new CheckpointException(file + " lacks n_averaged; nothing was loaded");
    }
    return new Loaded(count.longValue(), p, b);
  }

  private static float[] tensor(Path file, CheckpointFile.Contents contents, String name, int[] shape)
      throws CheckpointException {
    Tensor t = contents.tensors().get(name);
    if (t == null) {
      throw new CheckpointException(file + " has no average of " + name + "; nothing was loaded");
    }
    if (!Arrays.equals(t.shape(), shape)) {
      throw new CheckpointException(file + ": " + name + " has shape " + Arrays.toString(t.shape()) + ", the model "
          + Arrays.toString(shape) + "; nothing was loaded");
    }
    return t.values();
  }


  private void apply(Loaded loaded) {
    averaged = loaded.params();
    averagedBuffers = loaded.buffers();
    nAveraged = loaded.nAveraged();
  }
}
