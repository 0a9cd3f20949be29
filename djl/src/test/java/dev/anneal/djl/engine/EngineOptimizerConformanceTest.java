package dev.anneal.djl.engine;

import ai.djl.ndarray.NDManager;
import dev.anneal.optim.HostStorage;
import dev.anneal.optim.OptimizerReplay;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The runtime's optimizer fixtures replayed on engine arrays: through engine operations (the GPU
 * path, forced on the CPU), beside the runtime's heap and direct kinds, every file, every case.
 */
class EngineOptimizerConformanceTest {
  private static NDManager manager;

  @BeforeAll
  static void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void closeManager() {
    manager.close();
  }

  @TestFactory
  Stream<DynamicNode> everyFixtureFileOnTheEngine() {
    return OptimizerReplay.everyFile(List.of(HostStorage.DIRECT, new EngineStorageKind(manager)));
  }
}
