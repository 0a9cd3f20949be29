package dev.anneal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.anneal.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every fixture file in {@code conformance/schedulers} (recorded from PyTorch by
 * {@code src/test/python/record_scheduler_fixtures.py}): each value of each step must match within
 * {@code 1e-12 + 1e-10 * |expected|}. A new file dropped in the folder is checked without code changes.
 */
class SchedulerConformanceTest {

  @TestFactory
  List<DynamicNode> everyFixtureFile() throws IOException {
    List<DynamicNode> files = new ArrayList<>();
    List<Path> paths = SchedulerFixtures.files();
    assertFalse(paths.isEmpty(), "no scheduler fixtures found");
    for (Path file : paths) {
      List<DynamicNode> cases = new ArrayList<>();
      for (SchedulerFixtures.Case c : SchedulerFixtures.read(file)) {
        cases.add(DynamicTest.dynamicTest(c.name(), () -> replay(c)));
      }
      files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), cases));
    }
    return files;
  }

  static void replay(SchedulerFixtures.Case c) {
    Optimizer optimizer = c.newOptimizer();
    LrScheduler scheduler = Schedulers.create(c.scheduleSpec(), optimizer);
    check(c, optimizer, scheduler, 0);
    for (int i = 0; i < c.steps(); i++) {
      c.step(scheduler, i);
      check(c, optimizer, scheduler, i + 1);
    }
  }

  private static void check(SchedulerFixtures.Case c, Optimizer optimizer, LrScheduler scheduler, int step) {
    Map<String, List<Double>> expected = c.trace().get(step);
    for (Map.Entry<String, List<Double>> entry : expected.entrySet()) {
      List<Double> values = entry.getValue();
      for (int g = 0; g < values.size(); g++) {
        double want = values.get(g);
        double got = SchedulerFixtures.value(optimizer.paramGroups().get(g), entry.getKey());
        if (!(Math.abs(got - want) <= 1e-12 + 1e-10 * Math.abs(want))) {
          fail(c.file() + " / " + c.name() + ": step " + step + ", group " + g + ", " + entry.getKey() + " is " + got + ", PyTorch has " + want);
        }
      }
    }
    List<Double> lastLr = scheduler.lastLr();
    for (int g = 0; g < lastLr.size(); g++) {
      assertEquals(optimizer.paramGroups().get(g).lr(), lastLr.get(g), 0.0, c.name() + ": lastLr must be the lr just written");
    }
  }
}
