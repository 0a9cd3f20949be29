package dev.anneal.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random annotation values, valid or not, on a model class: the processor never throws (javac
 * would report an exception or our internal-error message) and either reports at least one of its
 * keyed errors or generates code that compiles (javac compiles generated sources in the same run).
 */
class RandomAnnotationsProperties {
  private static final String[] OPTIMIZERS = {"SGD", "ADAM", "ADAMW", "ADAGRAD", "RMSPROP", "ADADELTA", "ADAMAX", "NADAM",
      "RADAM", "RPROP", "ASGD", "LBFGS", "LAMB", "LARS", "LAYER_ADAPTIVE_ADAM"};
  private static final String[] SCHEDULES = {"STEP", "MULTI_STEP", "CONSTANT", "LINEAR", "EXPONENTIAL", "POLYNOMIAL", "COSINE",
      "COSINE_WARM_RESTARTS", "CYCLIC", "ONE_CYCLE", "LINEAR_WITH_WARMUP", "COSINE_WITH_WARMUP",
      "COSINE_WITH_HARD_RESTARTS_WITH_WARMUP", "POLYNOMIAL_WITH_WARMUP", "CONSTANT_WITH_WARMUP", "INVERSE_SQRT",
      "WARMUP_STABLE_DECAY", "TIMM_COSINE"};
  private static final String[] NUMBERS = {"-1.0", "0.0", "1e-6", "1e-3", "0.1", "0.5", "0.9", "0.999", "1.0", "3.0"};
  private static final String[] INTS = {"-1", "0", "1", "2", "3", "5", "10", "100"};
  private static final String[] KWARG_NAMES = {"lr", "nesterov", "amsgrad", "betas", "eps", "alpha", "trust_coefficient",
      "bogus", "anneal_strategy", "three_phase", "mode", "num_cycles", "T_max", "max_iter"};
  private static final String[] KWARG_VALUES = {"0.5", "true", "(0.9, 0.99)", "'cos'", "linear", "[1, 2]", "x y", "", "7"};
  private static final String[] SCHEDULE_ATTRIBUTES = {"stepSize = %i", "gamma = %n", "milestones = {%i, %i}", "factor = %n",
      "startFactor = %n", "endFactor = %n", "totalIters = %i", "power = %n", "tMax = %i", "etaMin = %n", "t0 = %i",
      "tMult = %i", "baseLr = %n", "maxLr = %n", "stepSizeUp = %i", "cycleMomentum = false", "pctStart = %n",
      "totalSteps = %i", "numWarmupSteps = %i", "numTrainingSteps = %i", "interval = Interval.STEP",
      "kwargs = @Kwarg(name = \"%k\", value = \"%v\")"};

  @Property(tries = 120)
  void processorReportsOrGeneratesCompilingCode(@ForAll("models") String source) {
    JavaFileObject file = JavaFileObjects.forSourceString("test.M", source);
    Compilation compilation;
    try {
      compilation = Compiler.javac().withProcessors(new AnnealProcessor()).compile(file);
    } catch (RuntimeException e) {
      throw new AssertionError("the processor threw on:\n" + source, e);
    }
    List<String> errors = compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    if (errors.stream().anyMatch(e -> e.contains("anneal:internal-error"))) {
      throw new AssertionError("internal error on:\n" + source + "\n" + errors);
    }
    Statistics.label("outcome").collect(compilation.status());
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check(Compilation.Status.SUCCESS).count(n -> n > 10);
      coverage.check(Compilation.Status.FAILURE).count(n -> n > 10);
    });
    if (compilation.status() == Compilation.Status.SUCCESS) {
      if (compilation.generatedSourceFile("test.MTraining").isEmpty()) {
        throw new AssertionError("no error and no generated class for:\n" + source);
      }
    } else if (errors.stream().noneMatch(e -> e.contains("[anneal:"))) {
      throw new AssertionError("javac failed without an Anneal error (generated code does not compile?) on:\n" + source + "\n"
          + compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
              .map(Object::toString).collect(Collectors.joining("\n")));
    }
  }

  @Provide
  Arbitrary<String> models() {
    return Arbitraries.randomValue(random -> random.nextInt(3) == 0 ? model(random) : tameModel(random));
  }

  private static final String[] TAME_SCHEDULES = {"type = ScheduleType.COSINE", "type = ScheduleType.STEP, stepSize = 2",
      "type = ScheduleType.MULTI_STEP, milestones = {1, 2}", "type = ScheduleType.EXPONENTIAL, gamma = 0.9",
      "type = ScheduleType.LINEAR, startFactor = 0.5", "type = ScheduleType.CONSTANT", "type = ScheduleType.POLYNOMIAL",
      "type = ScheduleType.COSINE_WARM_RESTARTS, t0 = 2", "type = ScheduleType.ONE_CYCLE, maxLr = 0.1, interval = Interval.STEP",
      "type = ScheduleType.LINEAR_WITH_WARMUP, numWarmupSteps = 1", "type = ScheduleType.TIMM_COSINE",
      "type = ScheduleType.CYCLIC, baseLr = 0.001, maxLr = 0.01, interval = Interval.STEP"};

  /** Mostly valid models, so that the "generates code that compiles" half of the property is exercised. */
  static String tameModel(Random random) {
    List<String> annotations = new ArrayList<>();
    int epochs = 3 + random.nextInt(10);
    annotations.add("@Training(epochs = " + epochs + ", stepsPerEpoch = " + pick(random, "0", "7", "50") + ")");
    annotations.add("@Optimizer(type = OptimizerType." + pick(random, "SGD", "ADAM", "ADAMW", "RMSPROP", "NADAM", "LAMB")
        + ", lr = " + pick(random, "0.1", "1e-3") + (random.nextBoolean() ? ", weightDecay = 0.01" : "") + ")");
    String interval = random.nextBoolean() ? ", interval = Interval.STEP" : "";
    String schedule = pick(random, TAME_SCHEDULES);
    if (random.nextInt(8) == 0) {
      annotations.add("@LambdaSchedule(value = test.Fields.Halving.class" + (random.nextBoolean() ? ", multiplicative = true" : "")
          + interval + ")");
    } else if (random.nextInt(4) > 0) {
      annotations.add("@Schedule(" + schedule + (schedule.contains("interval") ? "" : interval) + ")");
      if (random.nextInt(3) == 0 && !schedule.contains("ONE_CYCLE")) {
        annotations.add("@Warmup(" + (random.nextBoolean() ? "epochs = 1" : "steps = 3")
            + (random.nextBoolean() ? ", shape = WarmupShape.COSINE" : "") + ")");
      }
    } else if (random.nextBoolean()) {
      annotations.add("@ReduceLrOnPlateau(monitor = \"val_loss\", mode = ReduceLrOnPlateau.Mode."
          + pick(random, "MIN", "MAX") + ")");
      if (random.nextBoolean()) {
        annotations.add("@Warmup(epochs = 1, startFactor = 0.1)");
      }
    }
    if (random.nextInt(3) == 0) {
      annotations.add(random.nextBoolean() ? "@ClipGradNorm(1.0)" : "@ClipGradValue(0.5)");
    }
    if (random.nextInt(3) == 0) {
      annotations.add("@Accumulate(" + (1 + random.nextInt(4)) + ")");
    }
    boolean layerwise = random.nextInt(5) == 0;
    if (layerwise) {
      annotations.add("@LayerwiseDecay(0.7)");
    }
    List<String> fields = new ArrayList<>();
    String[] types = {"Layer", "Parameter", "List<Parameter>", "List<Layer>", "ParameterSource", "Layer[]"};
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      StringBuilder field = new StringBuilder("  ");
      if (!layerwise && random.nextInt(3) == 0) {
        field.append("@LearningRate(").append(pick(random, "0.01", "3e-4")).append(") ");
      }
      if (random.nextInt(3) == 0) {
        field.append("@Freeze(untilEpoch = ").append(random.nextInt(epochs)).append(") ");
      }
      if (random.nextInt(5) == 0) {
        field.append("@Schedule(type = ScheduleType.STEP, stepSize = 1) ");
      }
      field.append(pick(random, types)).append(" f").append(i).append(';');
      fields.add(field.toString());
    }
    return "package test;\n\n" + Models.IMPORTS + "\n" + String.join("\n", annotations) + "\nclass M {\n"
        + String.join("\n", fields) + "\n}\n";
  }

  static String model(Random random) {
    List<String> annotations = new ArrayList<>();
    annotations.add("@Training(epochs = " + pick(random, "-1", "0", "1", "3", "12") + ", stepsPerEpoch = "
        + pick(random, "-1", "0", "0", "1", "7", "50") + ")");
    StringBuilder optimizer = new StringBuilder("@Optimizer(type = OptimizerType." + pick(random, OPTIMIZERS)
        + ", lr = " + pick(random, NUMBERS));
    for (String attribute : new String[] {"weightDecay = %n", "momentum = %n", "betas = {%n, %n}", "eps = %n",
        "kwargs = @Kwarg(name = \"%k\", value = \"%v\")"}) {
      if (random.nextInt(4) == 0) {
        optimizer.append(", ").append(fill(random, attribute));
      }
    }
    annotations.add(optimizer.append(')').toString());
    if (random.nextInt(3) > 0) {
      annotations.add(schedule(random));
    }
    if (random.nextInt(4) == 0) {
      annotations.add("@Warmup(" + (random.nextBoolean() ? "epochs = " : "steps = ") + pick(random, INTS)
          + (random.nextBoolean() ? ", startFactor = " + pick(random, NUMBERS) : "") + ")");
    }
    if (random.nextInt(5) == 0) {
      annotations.add("@ReduceLrOnPlateau(monitor = \"" + pick(random, "", "val_loss") + "\", factor = " + pick(random, NUMBERS) + ")");
    }
    if (random.nextInt(5) == 0) {
      annotations.add("@SequentialSchedule(value = {" + schedule(random) + ", " + schedule(random) + "}, milestones = {"
          + pick(random, INTS) + "})");
    }
    if (random.nextInt(4) == 0) {
      annotations.add(random.nextBoolean() ? "@ClipGradNorm(" + pick(random, NUMBERS) + ")" : "@ClipGradValue(" + pick(random, NUMBERS) + ")");
    }
    if (random.nextInt(5) == 0) {
      annotations.add("@Accumulate(" + pick(random, INTS) + ")");
    }
    if (random.nextInt(6) == 0) {
      annotations.add("@LayerwiseDecay(" + pick(random, NUMBERS) + ")");
    }
    List<String> fields = new ArrayList<>();
    String[] types = {"Layer", "Parameter", "List<Parameter>", "List<Layer>", "ParameterSource", "String"};
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      StringBuilder field = new StringBuilder("  ");
      if (random.nextInt(3) == 0) {
        field.append("@LearningRate(").append(pick(random, NUMBERS)).append(") ");
      }
      if (random.nextInt(4) == 0) {
        field.append("@Freeze(").append(random.nextBoolean() ? "untilEpoch = " : "untilStep = ").append(pick(random, INTS)).append(") ");
      }
      if (random.nextInt(5) == 0) {
        field.append("@Hyperparameter(name = \"").append(pick(random, KWARG_NAMES)).append("\", value = \"")
            .append(pick(random, KWARG_VALUES)).append("\") ");
      }
      if (random.nextInt(6) == 0) {
        field.append(schedule(random)).append(' ');
      }
      if (random.nextInt(8) == 0) {
        field.append("@Group(\"g\") ");
      }
      field.append(random.nextInt(8) == 0 ? "private " : "").append(pick(random, types)).append(" f").append(i).append(';');
      fields.add(field.toString());
    }
    return "package test;\n\n" + Models.IMPORTS + "\n" + String.join("\n", annotations) + "\nclass M {\n"
        + String.join("\n", fields) + "\n}\n";
  }

  private static String schedule(Random random) {
    StringBuilder schedule = new StringBuilder("@Schedule(type = ScheduleType." + pick(random, SCHEDULES));
    for (String attribute : SCHEDULE_ATTRIBUTES) {
      if (random.nextInt(8) == 0) {
        schedule.append(", ").append(fill(random, attribute));
      }
    }
    return schedule.append(')').toString();
  }

  private static String fill(Random random, String template) {
    String text = template;
    while (text.contains("%n")) {
      text = text.replaceFirst("%n", pick(random, NUMBERS));
    }
    while (text.contains("%i")) {
      text = text.replaceFirst("%i", pick(random, INTS));
    }
    return text.replace("%k", pick(random, KWARG_NAMES)).replace("%v", pick(random, KWARG_VALUES));
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }
}
