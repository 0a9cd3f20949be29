package dev.anneal.schedule.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Parameter;
import dev.anneal.schedule.AbstractLrScheduler;
import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.Momentum;
import dev.anneal.schedule.Schedulers;
import dev.anneal.vocabulary.builtin.FastaiCurves;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fastai's schedule arithmetic and ULMFiT's slanted triangle against values worked out by hand from
 * fastai's source and the paper's equation 3, and the fine_tune scheduler's layer groups and stages.
 */
class FastaiSchedulersTest {
  private static final double TOL = 1e-15;

  @Test
  void evenMultsAndSlicesAreFastais() {
    // even_mults(1e-5, 1e-3, 3) = [1e-5, 1e-4, 1e-3]; slice(1e-3) over 4 groups = [1e-4, 1e-4, 1e-4, 1e-3]
    assertEquals(1e-5, FastaiCurves.evenMult(1e-5, 1e-3, 3, 0), 1e-20);
    assertEquals(1e-4, FastaiCurves.evenMult(1e-5, 1e-3, 3, 1), 1e-18);
    assertEquals(1e-3, FastaiCurves.evenMult(1e-5, 1e-3, 3, 2), 1e-17);
    assertEquals(1e-4, FastaiCurves.sliceLr(0, 1e-3, 4, 0), 0);
    assertEquals(1e-4, FastaiCurves.sliceLr(0, 1e-3, 4, 2), 0);
    assertEquals(1e-3, FastaiCurves.sliceLr(0, 1e-3, 4, 3), 0);
  }

  @Test
  void combinedCosRunsBothHalves() {
    assertEquals(1, FastaiCurves.combinedCos(0.25, 1, 10, 0, 0), TOL);        // start
    assertEquals(5.5, FastaiCurves.combinedCos(0.25, 1, 10, 0, 0.125), TOL);  // halfway up
    assertEquals(10, FastaiCurves.combinedCos(0.25, 1, 10, 0, 0.25), TOL);    // the peak
    assertEquals(5, FastaiCurves.combinedCos(0.25, 1, 10, 0, 0.625), TOL);    // halfway down
    // the cut points and the position are float32 in fastai: pos 0.1 of pct 0.3 is 0.1f / 0.3f into the rise, not 1/3
    float inRise = 0.1f / 0.3f;
    double fastai = 1 + (1 + Math.cos(Math.PI * (1 - inRise))) * 9 / 2;
    double float64 = 1 + (1 + Math.cos(Math.PI * (1 - 1.0 / 3))) * 9 / 2;
    assertEquals(fastai, FastaiCurves.combinedCos(0.3, 1, 10, 0, 0.1), TOL);
    assertTrue(Math.abs(fastai - float64) > 1e-9 * fastai, "float32 positions differ visibly from float64 ones");
  }

  @Test
  void slantedTriangleIsEquationThree() {
    // T = 100, cut_frac 0.1, ratio 32: cut = 10; p(55) = 1 - 45 / (10 * 9) = 0.5
    assertEquals(1.0 / 32, FastaiCurves.slantedTriangular(0, 100, 1, 0.1, 32), TOL);
    assertEquals(1.0, FastaiCurves.slantedTriangular(10, 100, 1, 0.1, 32), TOL);
    assertEquals(16.5 / 32, FastaiCurves.slantedTriangular(55, 100, 1, 0.1, 32), TOL);
    assertEquals((1 + (1 - 89.0 / 90) * 31) / 32, FastaiCurves.slantedTriangular(99, 100, 1, 0.1, 32), TOL);
    // two cycles of 50 steps: the second restarts at lr / ratio and peaks at cut = 5
    assertEquals(1.0 / 32, FastaiCurves.slantedTriangular(50, 100, 2, 0.1, 32), TOL);
    assertEquals(1.0, FastaiCurves.slantedTriangular(55, 100, 2, 0.1, 32), TOL);
  }

  private static ParamGroup group(String name, double lr) {
    return new ParamGroup(name, List.of(Parameter.zeros(name + ".w", 1))).with("lr", lr).with("betas", new double[] {0.9, 0.99});
  }

  private static AbstractLrScheduler fineTune(List<ParamGroup> groups, int epochs, int total) {
    return Schedulers.build(dev.anneal.spec.typed.FastaiFineTuneLR.spec().epochs(epochs).totalSteps(total), GroupSource.fixed(groups));
  }

  @Test
  void fineTuneLayerGroupsAndStages() {
    // layer groups: x (with its no-decay part) and y; 1 frozen epoch + 1 epoch of 4 steps
    List<ParamGroup> groups = new ArrayList<>(List.of(group("x", 2e-3), group("x.no_decay", 2e-3), group("y", 2e-3)));
    FastaiFineTuneLR scheduler = (FastaiFineTuneLR) fineTune(groups, 1, 8);
    assertEquals(2, scheduler.layerGroups());
    assertEquals(0, scheduler.layerGroup(1));
    assertEquals(1, scheduler.layerGroup(2));
    // frozen fit: slice(2e-3) -> [2e-4, 2e-3], div 25, momentum 0.95 at pos 0
    assertEquals(2e-4 / 25, groups.get(0).lr(), 1e-18);
    assertEquals(2e-4 / 25, groups.get(1).lr(), 1e-18);
    assertEquals(2e-3 / 25, groups.get(2).lr(), 1e-18);
    assertEquals(0.95, Momentum.read(groups.get(2)), TOL);
    for (int i = 0; i < 4; i++) {
      scheduler.step();
    }
    // unfrozen fit: slice(1e-3 / 100, 1e-3) -> [1e-5, 1e-3], div 5, pos 0 again
    assertEquals(1e-5 / 5, groups.get(0).lr(), 1e-19);
    assertEquals(1e-3 / 5, groups.get(2).lr(), 1e-18);
    assertEquals(0.95, Momentum.read(groups.get(0)), TOL);
    scheduler.step();
    // pos 0.25 of pct_start 0.3 (float32): most of the way up
    assertTrue(groups.get(2).lr() > 1e-3 * 0.9 && groups.get(2).lr() < 1e-3);
  }

  @Test
  void fineTuneWithoutFrozenEpochsStartsUnfrozen() {
    // fine_tune(2, freeze_epochs=0): fit_one_cycle(0) does nothing, the second fit starts at once
    List<ParamGroup> groups = List.of(group("x", 2e-3), group("y", 2e-3));
    AbstractLrScheduler scheduler = Schedulers.build(dev.anneal.spec.typed.FastaiFineTuneLR.spec().epochs(2).freezeEpochs(0)
        .totalSteps(6), GroupSource.fixed(groups));
    assertEquals(1e-5 / 5, groups.get(0).lr(), 1e-19);
    assertEquals(1e-3 / 5, groups.get(1).lr(), 1e-18);
    assertTrue(!((FastaiFineTuneLR) scheduler).stageBegins());
  }

  @Test
  void fineTuneRefusesStepsThatAreNotWholeEpochs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fineTune(List.of(group("x", 1e-3)), 2, 10));
    assertTrue(e.getMessage().contains("is not (freeze_epochs + epochs) = 3 epochs of whole steps"), e.getMessage());
  }

  @Test
  void fineTuneRefusesAnOptimizerWithoutMomentum() {
    ParamGroup plain = new ParamGroup("x", List.of(Parameter.zeros("x.w", 1))).with("lr", 1e-3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fineTune(List.of(plain), 1, 4));
    assertTrue(e.getMessage().contains("has neither momentum nor betas"), e.getMessage());
  }

  @Test
  void slantedTriangleRefusesCyclesTooShortToRise() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedulers.build(
        dev.anneal.spec.typed.SlantedTriangularLR.spec().cycles(4).totalSteps(20), GroupSource.fixed(List.of(group("x", 1e-3)))));
    assertTrue(e.getMessage().contains("cycles of 5 steps are too short to rise"), e.getMessage());
  }
}
