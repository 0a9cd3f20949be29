package dev.anneal.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Parameter;
import dev.anneal.schedule.Schedulers;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Children;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Kind;
import dev.anneal.vocabulary.Presence;
import dev.anneal.vocabulary.Probes;
import dev.anneal.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The runtime and the descriptors are one: every descriptor builds, and for every argument of every
 * descriptor, probed at its default, the edges of its range and past them ({@link Probes}), the
 * runtime accepts exactly what the descriptor accepts.
 */
class DescriptorAgreementTest {
  private static final Vocabulary VOCABULARY = Vocabulary.builtIns();

  /**
   * Rules that need the optimizer, which a descriptor does not see: PolynomialWithWarmupLR's
   * lr_end must be below every group's lr.
   */
  private static final java.util.Set<String> NEEDS_THE_OPTIMIZER = java.util.Set.of("PolynomialWithWarmupLR lr_end");

  /**
   * The plan's step warmup's own arguments (YOLOv5's warmup), which a warmup built as a schedule of
   * its own refuses: their runtime is {@code StepWarmup.of}, so that is what they are probed against.
   */
  private static final java.util.Set<String> STEP_WARMUP_ONLY =
      java.util.Set.of("LinearWarmup warmup_start_lr", "LinearWarmup warmup_momentum", "LinearWarmup hold_after");

  private static List<ParamGroup> groups() {
    return List.of(new ParamGroup("g", List.of(Parameter.zeros("w", 2, 2))));
  }

  /** Described, implementation on its way (Adafactor, Muon). */
  private static final java.util.Set<String> PENDING = java.util.Set.of();

  static List<Descriptor> supported(Category category) {
    return VOCABULARY.all(category).stream().filter(d -> d.unsupported().isEmpty() && !PENDING.contains(d.name())).toList();
  }

  /** A valid value for a required argument. */
  static Object sample(Argument a) {
    return switch (a.kind()) {
      case INT -> (int) Math.max(2, a.range().min() + 1);
      case DOUBLE, DOUBLE_OR_LIST -> Math.max(0.1, a.range().min() + 0.1);
      case INT_LIST -> List.of();
      case FUNCTION -> (IntToDoubleFunction) t -> 1.0;
      default -> throw new AssertionError("no sample for " + a);
    };
  }

  /** A spec of {@code d} with its required arguments given, and one child where it needs one. */
  static Spec minimal(Descriptor d) {
    Spec spec = Spec.of(d.name());
    for (Argument a : d.arguments()) {
      if (a.presence() != Presence.OPTIONAL || a.isDerivedFromLength()) {
        spec = spec.with(a.name(), sample(a));
      }
    }
    if (d.name().equals("CyclicLR")) {
      spec = spec.with("base_lr", 0.01);
    }
    if (d.name().equals("fastai.fine_tune")) {
      spec = spec.with("total_steps", 6);     // (freeze_epochs + epochs) whole epochs
    }
    if (d.name().equals("SlantedTriangularLR")) {
      spec = spec.with("total_steps", 40);    // long enough to rise: floor(40 * cut_frac) >= 1
    }
    if (d.argument("warmup_ratio").isPresent()) {
      spec = spec.with("num_warmup_steps", 2); // the transformers recipes need num_warmup_steps or warmup_ratio
    }
    return d.children() == Children.AT_LEAST_ONE ? spec.withChildren(Spec.of("ConstantLR")) : spec;
  }

  private static Optimizer adam() {
    return Optimizers.create(Spec.of("Adam").with("lr", 0.1), groups());
  }

  private static void build(Category category, Spec spec) {
    if (category == Category.OPTIMIZER) {
      Optimizers.create(spec, groups());
    } else {
      Schedulers.create(spec, adam());
    }
  }

  @Test
  void everyDescriptorBuildsInTheRuntimeAndEveryRuntimeTypeHasOne() {
    for (Category category : List.of(Category.OPTIMIZER, Category.SCHEDULER)) {
      for (Descriptor d : supported(category)) {
        build(category, minimal(d));
      }
    }
    assertEquals(supported(Category.OPTIMIZER).stream().map(Descriptor::name).toList(), Optimizers.types());
  }

  @Test
  void sparseAdamIsRefusedWithTheReason() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Optimizers.create(Spec.of("SparseAdam"), groups()));
    assertTrue(e.getMessage().contains("sparse gradients, which DJL does not give"), e.getMessage());
  }

  @TestFactory
  Stream<DynamicTest> runtimeVerdictIsTheDescriptorsForEveryProbe() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Category category : List.of(Category.OPTIMIZER, Category.SCHEDULER)) {
      for (Descriptor d : supported(category)) {
        for (Argument a : d.arguments()) {
          if (a.kind() == Kind.FUNCTION) {
            continue;
          }
          tests.add(DynamicTest.dynamicTest(d.name() + " " + a.name(), () -> {
            for (Object value : Probes.of(a)) {
              Spec spec = minimal(d).with(a.name(), value);
              if (NEEDS_THE_OPTIMIZER.contains(d.name() + " " + a.name()) && value instanceof Number n && n.doubleValue() >= 0.1) {
                continue;
              }
              boolean descriptorAccepts = d.check(spec.kwargs(), spec.children().size()).isEmpty();
              String runtime;
              try {
                if (STEP_WARMUP_ONLY.contains(d.name() + " " + a.name())) {
                  dev.anneal.schedule.warmup.StepWarmup.of(spec);
                } else {
                  build(category, spec);
                }
                runtime = null;
              } catch (IllegalArgumentException e) {
                runtime = e.getMessage();
              }
              assertEquals(descriptorAccepts, runtime == null,
                  d.name() + " " + a.name() + "=" + value + ": descriptor " + d.check(spec.kwargs()) + ", runtime " + runtime);
            }
          }));
        }
      }
    }
    return tests.stream();
  }
}
