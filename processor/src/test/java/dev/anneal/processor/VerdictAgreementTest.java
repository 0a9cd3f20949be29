package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Parameter;
import dev.anneal.schedule.Schedulers;
import dev.anneal.spec.Spec;
import dev.anneal.spec.typed.Sgd;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Kind;
import dev.anneal.vocabulary.Presence;
import dev.anneal.vocabulary.PythonLiteral;
import dev.anneal.vocabulary.Range;
import dev.anneal.vocabulary.Role;
import dev.anneal.vocabulary.Stepping;
import dev.anneal.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor and the runtime give the same verdict on every argument of every optimizer and
 * schedule the annotations can name: each argument drawn at its default, at the edges of its range
 * and just outside them (the next double, the next integer), every choice and one that is not,
 * both booleans, each tuple element at its edges, the other arguments at valid values. The same
 * Python literal is written into a {@code @Kwarg} and compiled with the processor (one javac run
 * per category, a model class a case), and given to the runtime as a pasted config
 * ({@code Spec} with the parsed literal) that builds the optimizer or the schedule; a case is
 * refused by both or by neither.
 */
class VerdictAgreementTest {
  private static final Vocabulary VOCABULARY = Vocabulary.builtIns();
  /** The model's training: 20 epochs of 50 steps; lengths derived from it are given at its full length. */
  private static final int EPOCHS = 20;
  private static final int STEPS_PER_EPOCH = 50;
  /**
   * The processor's rules between a schedule's length and the training's, which the runtime cannot
   * check (it is not told the training's length): a case refused only by these is no verdict on the argument.
   */
  // one-cycle-empty-phase: a phase of zero steps that the training's length reaches (pct_start 1.0 reaches its
  // second phase at the last position), where PyTorch's get_lr, and the runtime's, divide by zero then
  // fine-tune-epochs: fastai.fine_tune's freeze_epochs + epochs against the training's epochs
  private static final List<String> LENGTH_RULES = List.of("[anneal:schedule-too-short]", "[anneal:past-end]",
      "[anneal:one-cycle-empty-phase]", "[anneal:fine-tune-epochs]");

  /** One drawn value: the model's source, and the runtime's verdict on the same arguments. */
  record Case(String name, Descriptor descriptor, Map<String, String> literals, String drawn) {
    String describe() {
      return descriptor.name() + "(" + String.join(", ", literals.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
          + ")  [drawn: " + drawn + "]";
    }
  }

  @Test
  void optimizerArgumentsGetOneVerdict() {
    List<Case> cases = new ArrayList<>();
    for (OptimizerType type : OptimizerType.values()) {
      if (type != OptimizerType.CUSTOM) {
        cases.addAll(cases(VOCABULARY.require(Category.OPTIMIZER, type.pytorchName()), "O" + type.ordinal()));
      }
    }
    agree(cases, Category.OPTIMIZER);
  }

  @Test
  void scheduleArgumentsGetOneVerdict() {
    List<Case> cases = new ArrayList<>();
    for (ScheduleType type : ScheduleType.values()) {
      if (type != ScheduleType.CUSTOM) {
        cases.addAll(cases(VOCABULARY.require(Category.SCHEDULER, type.pytorchName()), "S" + type.ordinal()));
      }
    }
    agree(cases, Category.SCHEDULER);
  }

  private static void agree(List<Case> cases, Category category) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Case c : cases) {
      sources.add(JavaFileObjects.forSourceString("test." + c.name(), source(c, category)));
    }
    // every case's errors, not javac's first 100
    Compilation compilation = Compiler.javac().withProcessors(new AnnealProcessor()).withOptions("-Xmaxerrs", "100000").compile(sources);
    Map<String, String> compileErrors = new LinkedHashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
      String file = d.getSource() == null ? "" : d.getSource().getName();
      String name = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
      compileErrors.merge(name.replace("Training", ""), d.getMessage(Locale.ROOT), (a, b) -> a + " / " + b);
    }
    List<String> disagreements = new ArrayList<>();
    int refused = 0;
    int lengthOnly = 0;
    for (Case c : cases) {
      String runtimeError = runtimeVerdict(c, category);
      String compileError = compileErrors.get(c.name());
      if (compileError != null && runtimeError == null && onlyLengthRules(compileError)) {
        lengthOnly++;
        continue;
      }
      if ((runtimeError == null) != (compileError == null)) {
        disagreements.add(c.describe() + "\n    processor: " + (compileError == null ? "accepts" : compileError)
            + "\n    runtime:   " + (runtimeError == null ? "accepts" : runtimeError));
      }
      if (runtimeError != null) {
        refused++;
      }
    }
    assertEquals(List.of(), disagreements, disagreements.size() + " of " + cases.size() + " cases disagree:\n"
        + String.join("\n", disagreements));
    // the draws reach both sides of the ranges: a test of all-valid (or all-invalid) cases would prove little
    assertTrue(refused > cases.size() / 5 && refused < cases.size() * 4 / 5, refused + " of " + cases.size() + " refused");
    assertTrue(lengthOnly < cases.size() / 20, lengthOnly + " of " + cases.size() + " cases refused only by length rules");
  }

  private static boolean onlyLengthRules(String errors) {
    for (String error : errors.split(" / ")) {
      if (LENGTH_RULES.stream().noneMatch(error::contains)) {
        return false;
      }
    }
    return true;
  }

  /** The cases of one descriptor: every argument at every drawn value, the others at their base values. */
  static List<Case> cases(Descriptor d, String prefix) {
    Map<String, String> base = base(d);
    List<Case> cases = new ArrayList<>();
    cases.add(new Case(prefix + "Base", d, base, "base"));
    int n = 0;
    for (Argument a : d.arguments()) {
      if (a.role() != Role.HYPERPARAMETER) {
        continue;
      }
      for (String literal : draws(a)) {
        Map<String, String> literals = new LinkedHashMap<>(base);
        literals.put(a.name(), literal);
        cases.add(new Case(prefix + "C" + n++, d, literals, a.name() + "=" + literal));
      }
    }
    return cases;
  }

  /**
   * Valid values for the arguments a case must give (required ones, those derived from the
   * training's length, which a runtime spec must give, and lr, which {@code @Optimizer} requires).
   */
  static Map<String, String> base(Descriptor d) {
    Map<String, String> base = new LinkedHashMap<>();
    for (Argument a : d.arguments()) {
      if (a.presence() != Presence.OPTIONAL || a.isDerivedFromLength() || a.name().equals("lr")) {
        int length = d.stepping() == Stepping.STEP ? EPOCHS * STEPS_PER_EPOCH : EPOCHS;
        base.put(a.name(), switch (a.kind()) {
          case INT -> a.isDerivedFromLength() ? String.valueOf(length) : a.range().contains(10) ? "10" : "1";
          case DOUBLE, DOUBLE_OR_LIST -> a.hasDefault() && a.defaultValue() != null ? a.show(a.defaultValue())
              : a.range().contains(0.1) ? "0.1" : "1.0";
          case INT_LIST -> "[2, 5]";
          default -> throw new AssertionError(d.name() + " " + a.name() + ": no base value for " + a.kind());
        });
      }
    }
    if (d.name().equals("fastai.fine_tune")) {
      base.put("epochs", String.valueOf(EPOCHS - 1));   // with freeze_epochs=1, the training's epochs
    }
    return base;
  }

  /** The default, the range's edges and just past them, choices, booleans and tuple elements. */
  static Set<String> draws(Argument a) {
    Set<String> out = new LinkedHashSet<>();
    if (a.hasDefault()) {
      out.add(a.show(a.defaultValue()));
    }
    switch (a.kind()) {
      case DOUBLE, DOUBLE_OR_LIST -> edges(a.range(), false).forEach(v -> out.add(a.show(v)));
      case INT -> edges(a.range(), true).forEach(v -> out.add(a.show((int) (double) v)));
      case BOOL -> out.addAll(List.of("True", "False"));
      case CHOICE -> {
        a.choices().forEach(c -> out.add("'" + c + "'"));
        out.add("'bogus'");
      }
      case INT_LIST -> out.addAll(List.of("[1, 3]", "[3, 1]", "[-1, 2]", "[0]"));
      case DOUBLE_TUPLE -> {
        if (a.defaultValue() instanceof List<?> defaults) {
          for (int i = 0; i < defaults.size(); i++) {
            for (double v : edges(a.range(i), false)) {
              List<Object> tuple = new ArrayList<>(defaults);
              tuple.set(i, v);
              out.add(a.show(tuple));
            }
          }
        }
      }
      default -> { }
    }
    return out;
  }

  /** A finite bound's value, and the nearest value on its other side (inside if the bound is excluded, outside if included). */
  static List<Double> edges(Range range, boolean integer) {
    List<Double> values = new ArrayList<>();
    if (Double.isFinite(range.min())) {
      values.add(range.min());
      values.add(range.minInclusive() ? below(range.min(), integer) : above(range.min(), integer));
    }
    if (Double.isFinite(range.max())) {
      values.add(range.max());
      values.add(range.maxInclusive() ? above(range.max(), integer) : below(range.max(), integer));
    }
    return values;
  }

  private static double below(double v, boolean integer) {
    return integer ? Math.ceil(v) - 1 : Math.nextDown(v);
  }

  private static double above(double v, boolean integer) {
    return integer ? Math.floor(v) + 1 : Math.nextUp(v);
  }

  /** The model class of a case: every argument as a {@code @Kwarg} (lr as {@code @Optimizer}'s attribute). */
  static String source(Case c, Category category) {
    List<String> kwargs = new ArrayList<>();
    String lr = "0.1";
    for (Map.Entry<String, String> e : c.literals().entrySet()) {
      if (category == Category.OPTIMIZER && e.getKey().equals("lr")) {
        lr = javaDouble(e.getValue());
      } else {
        kwargs.add("@Kwarg(name = \"" + e.getKey() + "\", value = \"" + e.getValue().replace("'", "\\'") + "\")");
      }
    }
    String annotation;
    if (category == Category.OPTIMIZER) {
      annotation = "@Optimizer(type = OptimizerType." + optimizerType(c.descriptor()) + ", lr = " + lr
          + ", kwargs = {" + String.join(", ", kwargs) + "})";
    } else {
      annotation = "@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n@Schedule(type = ScheduleType."
          + scheduleType(c.descriptor()) + (c.descriptor().stepping() == Stepping.STEP ? ", interval = Interval.STEP" : "")
          + ", kwargs = {" + String.join(", ", kwargs) + "})";
    }
    return "package test;\n\n" + Models.IMPORTS + "\n@Training(epochs = " + EPOCHS + ", stepsPerEpoch = " + STEPS_PER_EPOCH + ")\n"
        + annotation
        + "\nclass " + c.name() + " {\n  Layer layer;\n}\n";
  }

  /** {@code @Optimizer}'s lr attribute is a Java double: the literal as Java writes it (an int literal is widened). */
  private static String javaDouble(String literal) {
    Object parsed = PythonLiteral.parse(literal);
    return parsed instanceof Number n ? Double.toString(n.doubleValue()).replace("Infinity", "1.0 / 0") : "0.1";
  }

  private static String optimizerType(Descriptor d) {
    for (OptimizerType t : OptimizerType.values()) {
      if (t.pytorchName().equals(d.name())) {
        return t.name();
      }
    }
    throw new AssertionError(d.name());
  }

  private static String scheduleType(Descriptor d) {
    for (ScheduleType t : ScheduleType.values()) {
      if (t.pytorchName().equals(d.name())) {
        return t.name();
      }
    }
    throw new AssertionError(d.name());
  }

  /** The runtime's verdict on the same literals: null when it builds the optimizer or the schedule, else its message. */
  static String runtimeVerdict(Case c, Category category) {
    Spec spec = Spec.of(c.descriptor().name());
    for (Map.Entry<String, String> e : c.literals().entrySet()) {
      spec = spec.with(e.getKey(), PythonLiteral.parse(e.getValue()));
    }
    List<ParamGroup> groups = List.of(new ParamGroup("layer", List.of(Parameter.of("layer.weight", 1f, 2f))));
    try {
      if (category == Category.OPTIMIZER) {
        Optimizers.create(spec, groups);
      } else {
        Optimizer sgd = Optimizers.create(Sgd.spec().lr(0.1).momentum(0.9), groups);
        Schedulers.create(spec, sgd);
      }
      return null;
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  @Test
  void drawsReachBothSidesOfEveryFiniteBound() {
    Set<String> seen = new HashSet<>();
    Argument betas = VOCABULARY.require(Category.OPTIMIZER, "Adam").argument("betas").orElseThrow();
    seen.addAll(draws(betas));
    assertTrue(seen.contains("(0.0, 0.999)") && seen.contains("(" + Math.nextDown(0.0) + ", 0.999)")
        && seen.contains("(0.9, 1.0)") && seen.contains("(0.9, " + Math.nextDown(1.0) + ")"), seen.toString());
    Argument stepSize = VOCABULARY.require(Category.SCHEDULER, "StepLR").argument("step_size").orElseThrow();
    assertEquals(Kind.INT, stepSize.kind());
    assertTrue(draws(stepSize).containsAll(List.of("1", "0")), draws(stepSize).toString());
  }
}
