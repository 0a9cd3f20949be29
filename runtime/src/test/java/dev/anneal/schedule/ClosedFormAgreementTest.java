package dev.anneal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.anneal.optim.Optimizer;
import dev.anneal.spec.Registry;
import dev.anneal.spec.Spec;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.LrCurve;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The descriptors' closed forms (what the processor's preview evaluates) give the runtime
 * schedulers' lrs, step by step, for every scheduler fixture case that has one; and every schedule
 * with a closed form is covered by at least one case.
 */
class ClosedFormAgreementTest {

  /**
   * The curve of a spec tree over {@code groups} groups, each its own layer group (as the runtime
   * counts fastai's layer groups), or empty when some part of it has no closed form.
   */
  static Optional<LrCurve> curve(Spec spec, int groups) {
    return curve(spec).map(c -> c.overLayerGroups(groups));
  }

  /** The curve of a spec tree, or empty when some part of it has no closed form. */
  static Optional<LrCurve> curve(Spec spec) {
    Descriptor d = Registry.require(Category.SCHEDULER, spec.type());
    List<LrCurve> children = new ArrayList<>();
    for (Spec child : spec.children()) {
      Optional<LrCurve> c = curve(child);
      if (c.isEmpty() || c.get().needsLayerGroups()) {
        return Optional.empty();
      }
      children.add(c.get());
    }
    return d.curve(spec.kwargs(), children);
  }

  /** Schedules no fixture case drives on its own. */
  private static final List<Spec> EXTRA = List.of(
      Spec.of("CosineWarmup").with("warmup_steps", 5).with("warmup_factor", 0.1)
          .withChildren(Spec.of("CosineAnnealingLR").with("T_max", 10)),
      Spec.of("fastai.fit_one_cycle").with("total_steps", 20).with("pct_start", 0.3),
      Spec.of("fastai.fine_tune").with("epochs", 3).with("freeze_epochs", 1).with("total_steps", 20),
      Spec.of("SlantedTriangularLR").with("total_steps", 20).with("cycles", 2).with("cut_frac", 0.2),
      Spec.of("fairseq.InverseSquareRootSchedule").with("warmup_updates", 4).with("warmup_init_lr", 1e-7),
      Spec.of("LinearWithWarmupLR").with("warmup_ratio", 0.07).with("num_training_steps", 20));

  /** Steps the runtime schedule on SGD groups with these lrs and compares each lr with the closed form. */
  private static int compare(Spec spec, int steps, List<Double> lrs) {
    LrCurve curve = curve(spec, lrs.size()).orElseThrow();
    Optimizer optimizer = FixtureOptimizers.create("SGD", java.util.Map.of(), lrs);
    LrScheduler scheduler = Schedulers.create(spec, optimizer);
    for (int step = 0; step <= steps; step++) {
      if (step > 0) {
        scheduler.step();
      }
      for (int g = 0; g < lrs.size(); g++) {
        double runtime = optimizer.paramGroups().get(g).lr();
        double closed = curve.lr(g, lrs.get(g), step);
        if (!(Math.abs(runtime - closed) <= 1e-12 + 1e-10 * Math.abs(runtime))) {
          fail(spec + ": step " + step + ", group " + g + ": runtime " + runtime + ", closed form " + closed);
        }
      }
    }
    return (steps + 1) * lrs.size();
  }

  @Test
  void closedFormsGiveTheRuntimesLrsAtEveryStep() throws IOException {
    Set<String> covered = new TreeSet<>();
    int compared = 0;
    for (Path file : SchedulerFixtures.files()) {
      for (SchedulerFixtures.Case c : SchedulerFixtures.read(file)) {
        if (c.metrics() != null || c.epochs() != null || c.resumed()) {
          continue;
        }
        Spec spec = c.scheduleSpec();
        Optional<LrCurve> curve = curve(spec, c.initialLrs().size());
        if (curve.isEmpty()) {
          continue;
        }
        covered.add(spec.type());
        Optimizer optimizer = c.newOptimizer();
        LrScheduler scheduler = Schedulers.create(spec, optimizer);
        for (int step = 0; step <= c.steps(); step++) {
          if (step > 0) {
            scheduler.step();
          }
          for (int g = 0; g < c.initialLrs().size(); g++) {
            double runtime = optimizer.paramGroups().get(g).lr();
            double closed = curve.get().lr(g, c.initialLrs().get(g), step);
            if (!(Math.abs(runtime - closed) <= 1e-12 + 1e-10 * Math.abs(runtime))) {
              fail(c.file() + " / " + c.name() + ": step " + step + ", group " + g + ": runtime " + runtime + ", closed form " + closed);
            }
            compared++;
          }
        }
      }
    }
    for (Spec spec : EXTRA) {
      compared += compare(spec, 20, List.of(0.1, 0.01));
      covered.add(spec.type());
    }
    Set<String> withClosedForm = new TreeSet<>();
    for (Descriptor d : Registry.vocabulary().all(Category.SCHEDULER)) {
      if (d.closedForm().isPresent()) {
        withClosedForm.add(d.name());
      }
    }
    withClosedForm.removeAll(covered);
    assertEquals(Set.of(), withClosedForm, "schedules with a closed form that no fixture case compares (" + compared + " lrs compared)");
  }
}
