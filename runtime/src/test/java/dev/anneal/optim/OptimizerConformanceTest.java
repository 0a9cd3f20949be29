package dev.anneal.optim;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every fixture file in {@code conformance/optimizers/} (recorded from PyTorch by
 * {@code src/test/python/record_optimizer_fixtures.py}) on heap and on direct storage; the djl
 * module replays the same files on engine arrays.
 */
class OptimizerConformanceTest {

  @TestFactory
  Stream<DynamicNode> everyFixtureFile() {
    return OptimizerReplay.everyFile(List.of(HostStorage.values()));
  }
}
