package dev.anneal.samples.preview;

import dev.anneal.param.Parameter;
import dev.anneal.plan.Accumulation;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.plan.TrainingPlanBuilder;
import dev.anneal.preview.PlanFactory;
import dev.anneal.preview.PlanPreview;
import dev.anneal.preview.PlanTrace;
import dev.anneal.reporting.PlanPreviewPlot;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import dev.anneal.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code SchedulePreview plan}: previews a whole plan, the one an annotated model declares (through
 * its generated {@code <Model>Training}, found as a {@link PlanFactory}) or one put together from
 * options with the DSL, by running it as training would ({@link PlanPreview}): freezing, per-group
 * schedules, re-warmup, accumulation and warmup included.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Runs a whole training plan without gradients and prints, per optimizer step, each group's lr"
        + " (\"frozen\" while frozen), momentum or beta1 and weight decay.",
    footer = {"", "Examples:",
        "  plan --model TinyRegressor",
        "  plan --model CnnClassifier --batches-per-epoch 469 --format png --out cnn-plan.png",
        "  plan --spec '{\"type\": \"CosineAnnealingLR\", \"T_max\": 40}' --groups stem,head --lrs 1e-4,1e-3 \\",
        "       --freeze stem=1 --rewarmup stem=5 --warmup-steps 4 --epochs 4 --steps-per-epoch 10 --accumulate 2"})
public final class WholePlanPreview implements Callable<Integer> {
  /** The output formats. */
  enum Format { table, csv, png }

  @Option(names = "--model", paramLabel = "NAME",
      description = "an annotated model whose plan to preview, by simple class name (see --list-models)")
  String model;

  @Option(names = "--list-models", description = "list the models --model knows and exit")
  boolean listModels;

  @Option(names = "--spec", paramLabel = "JSON|FILE",
      description = "instead of --model: the plan-wide schedule of a plan built from these options, PyTorch names")
  String spec;

  @Option(names = "--interval", defaultValue = "step", description = "--spec steps per ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  IntervalName interval;

  @Option(names = "--groups", split = ",", paramLabel = "A,B,...", description = "--spec plan: group names (default group0, group1, ...)")
  List<String> groups;

  @Option(names = "--lrs", split = ",", paramLabel = "A,B,...", defaultValue = "0.1", description = "--spec plan: lr of each group (default: ${DEFAULT-VALUE})")
  List<Double> lrs;

  @Option(names = "--optimizer", defaultValue = "SGD", paramLabel = "NAME", description = "--spec plan: PyTorch optimizer (default: ${DEFAULT-VALUE})")
  String optimizer;

  @Option(names = "--optimizer-kwargs", paramLabel = "JSON", description = "--spec plan: its keyword arguments, e.g. '{\"momentum\": 0.9}'")
  String optimizerKwargs;

  @Option(names = "--epochs", defaultValue = "10", description = "--spec plan: epochs (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--freeze", split = ",", paramLabel = "GROUP=EPOCH", description = "--spec plan: freeze a group until an epoch")
  Map<String, Integer> freeze = new LinkedHashMap<>();

  @Option(names = "--rewarmup", split = ",", paramLabel = "GROUP=STEPS", description = "--spec plan: ramp a group's lr over its first steps after unfreezing")
  Map<String, Integer> rewarmup = new LinkedHashMap<>();

  @Option(names = "--warmup-steps", defaultValue = "0", description = "--spec plan: linear warmup over this many optimizer steps (0: none)")
  int warmupSteps;

  @Option(names = "--warmup-factor", defaultValue = "0.001", description = "--spec plan: the warmup's start factor (default: ${DEFAULT-VALUE})")
  double warmupFactor;

  @Option(names = "--accumulate", paramLabel = "K", description = "--spec plan: micro-batches per optimizer step (a model declares its own)")
  Integer accumulate;

  @Option(names = "--steps-per-epoch", paramLabel = "S", description = "optimizer steps per epoch (default: the model's declared number)")
  Integer stepsPerEpoch;

  @Option(names = "--batches-per-epoch", paramLabel = "N",
      description = "micro-batches per epoch; with accumulation K an epoch takes ceil(N / K) optimizer steps (default: S * K)")
  Long batchesPerEpoch;

  @Option(names = "--metrics", split = ",", paramLabel = "A,B,...",
      description = "the monitored metric at the end of each epoch, for plans that reduce on a plateau")
  List<Double> metrics;

  @Option(names = "--format", defaultValue = "table", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; png needs --out)")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (atomically) instead of standard output")
  Path out;

  @Option(names = "--every", defaultValue = "1", description = "table: every N-th step of an epoch, and its first and last (default: ${DEFAULT-VALUE})")
  int every;

  @CommandLine.Spec CommandSpec command;

  /** Interval names as a user types them. */
  enum IntervalName { step, epoch }

  @Override
  public Integer call() throws IOException {
    PrintWriter console = command.commandLine().getOut();
    if (listModels) {
      for (PlanFactory factory : ServiceLoader.load(PlanFactory.class)) {
        console.println(factory.name() + "  " + factory.description());
      }
      console.flush();
      return 0;
    }
    if ((model == null) == (spec == null)) {
      throw new IllegalArgumentException("give either --model NAME (an annotated model, see --list-models) or --spec JSON (a plan built from options)");
    }
    if (stepsPerEpoch != null && stepsPerEpoch < 1) {
      throw new IllegalArgumentException("--steps-per-epoch must be at least 1, was " + stepsPerEpoch);
    }
    if (batchesPerEpoch != null && batchesPerEpoch < 1) {
      throw new IllegalArgumentException("--batches-per-epoch must be at least 1, was " + batchesPerEpoch);
    }
    if (format == Format.png && out == null) {
      throw new IllegalArgumentException("--format png needs --out FILE.png");
    }
    String title;
    PlanTrace trace;
    if (model != null) {
      try (PlanFactory factory = PlanFactory.named(model)) {
        TrainingPlan plan = modelPlan(factory);
        title = factory.name();
        trace = preview(plan);
        console.flush();
      }
    } else {
      TrainingPlan plan = specPlan();
      title = SchedulePreview.readSpec(spec, "--spec").type();
      trace = preview(plan);
    }
    write(trace, title, console);
    return 0;
  }

  /** The model's plan; with only --batches-per-epoch, built once more with the steps its accumulation gives. */
  private TrainingPlan modelPlan(PlanFactory factory) {
    if (accumulate != null) {
      throw new IllegalArgumentException("--accumulate is for --spec plans: " + factory.name()
          + " declares its own accumulation (@Accumulate)");
    }
    if (stepsPerEpoch != null || batchesPerEpoch == null) {
      return factory.plan(stepsPerEpoch == null ? 0 : stepsPerEpoch);
    }
    int k = factory.plan(Math.toIntExact(batchesPerEpoch)).accumulate();
    return factory.plan(Accumulation.stepsPerEpoch(batchesPerEpoch, k));
  }

  private TrainingPlan specPlan() throws IOException {
    Spec schedule = SchedulePreview.readSpec(spec, "--spec");
    Map<String, Object> kwargs = optimizerKwargs == null ? Map.of() : SchedulePreview.readJson(optimizerKwargs, "--optimizer-kwargs");
    List<String> names = groups != null ? groups : new ArrayList<>();
    if (groups == null) {
      for (int g = 0; g < lrs.size(); g++) {
        names.add("group" + g);
      }
    } else if (groups.size() != lrs.size()) {
      throw new IllegalArgumentException("--groups names " + groups.size() + " groups but --lrs gives " + lrs.size() + " lrs");
    }
    for (String group : freeze.keySet()) {
      requireGroup("--freeze", group, names);
    }
    for (String group : rewarmup.keySet()) {
      requireGroup("--rewarmup", group, names);
    }
    int k = accumulate == null ? 1 : accumulate;
    if (k < 1) {
      throw new IllegalArgumentException("--accumulate must be at least 1, was " + k);
    }
    long steps = stepsPerEpoch != null ? stepsPerEpoch
        : batchesPerEpoch != null ? Accumulation.optimizerSteps(batchesPerEpoch, k) : -1;
    if (steps < 1) {
      throw new IllegalArgumentException("give --steps-per-epoch or --batches-per-epoch: the preview runs every optimizer step");
    }
    TrainingPlanBuilder builder = TrainingPlan.builder().epochs(epochs).stepsPerEpoch(steps).accumulate(k)
        .optimizer(ScheduleTrace.optimizerSpec(optimizer, kwargs));
    for (int g = 0; g < names.size(); g++) {
      String name = names.get(g);
      double lr = lrs.get(g);
      builder.group(name, Parameter.of(name + ".w", 0f), c -> {
        c.lr(lr);
        if (freeze.containsKey(name)) {
          c.freezeUntilEpoch(freeze.get(name));
        }
        if (rewarmup.containsKey(name)) {
          c.rewarmup(rewarmup.get(name));
        }
      });
    }
    if (warmupSteps > 0) {
      builder.stepWarmup(Spec.of("LinearWarmup").with("warmup_steps", warmupSteps).with("warmup_factor", warmupFactor));
    }
    if (schedule.type().equals("ReduceLROnPlateau")) {
      builder.monitor("val_loss");
    }
    return builder.schedule(schedule, interval == IntervalName.step ? Interval.STEP : Interval.EPOCH).build();
  }

  private static void requireGroup(String option, String group, List<String> names) {
    if (!names.contains(group)) {
      throw new IllegalArgumentException(option + " names group " + group + ", but the groups are " + names);
    }
  }

  private PlanTrace preview(TrainingPlan plan) throws IOException {
    PlanPreview preview = PlanPreview.of(plan);
    if (batchesPerEpoch != null) {
      preview.batchesPerEpoch(batchesPerEpoch);
    } else if (plan.stepsPerEpoch() < 1) {
      throw new IllegalArgumentException("give --steps-per-epoch or --batches-per-epoch: the plan declares no steps per epoch");
    }
    if (metrics != null) {
      String monitor = plan.monitor() == null ? "val_loss" : plan.monitor();
      if (metrics.size() < plan.epochs()) {
        throw new IllegalArgumentException("--metrics gives " + metrics.size() + " values, one per epoch is " + plan.epochs());
      }
      preview.metrics(epoch -> Map.of(monitor, metrics.get(epoch)));
    } else if (plan.monitor() != null) {
      throw new IllegalArgumentException("the plan reduces on a plateau of " + plan.monitor() + ": give the value to assume"
          + " at each epoch's end with --metrics A,B,... (" + plan.epochs() + " values)");
    }
    return preview.run();
  }

  private void write(PlanTrace trace, String title, PrintWriter console) throws IOException {
    switch (format) {
      case png -> PlanPreviewPlot.writePng(trace, out, title).forEach(file -> console.println("wrote " + file));
      case csv -> {
        if (out == null) {
          console.print(trace.csv());
        } else {
          trace.writeCsv(out);
          console.println("wrote " + out);
        }
      }
      case table -> {
        String text = summary(trace, title) + trace.table(Math.max(1, every));
        if (out == null) {
          console.print(text);
        } else {
          AtomicFiles.write(out, text.getBytes(StandardCharsets.UTF_8));
          console.println("wrote " + out);
        }
      }
    }
    console.flush();
  }

  private static String summary(PlanTrace trace, String title) {
    long steps = trace.epoch(0).size();
    return title + ": " + trace.optimizer() + ", " + trace.epochs() + " epochs, " + steps + " optimizer steps in epoch 0, "
        + trace.steps().size() + " in all; groups " + trace.groups() + "\n";
  }
}
