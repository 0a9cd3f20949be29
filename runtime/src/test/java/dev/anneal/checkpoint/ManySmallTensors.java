package dev.anneal.checkpoint;

import dev.anneal.plan.TrainingPlan;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times the load of a checkpoint of many small tensors, by hand (issue 25: it must work under
 * {@code -Xmx256m -XX:MaxDirectMemorySize=64m} and take under a second):
 *
 * <pre>
 * mvn -B -q -o -pl runtime -am test-compile
 * java -Xmx256m -XX:MaxDirectMemorySize=64m -XX:+DisableExplicitGC \
 *   -cp runtime/target/test-classes:runtime/target/classes:vocabulary/target/classes:$(cat /tmp/cp.txt) \
 *   dev.anneal.checkpoint.ManySmallTensors 5000
 * </pre>
 */
public final class ManySmallTensors {
  private ManySmallTensors() {}

  public static void main(String[] args) throws Exception {
    int parameters = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    Path dir = Files.createTempDirectory("many-small-tensors");
    Path file = dir.resolve("many.ckpt");
    TrainingPlan saved = UntrustedCheckpointTest.adamPlan(parameters);
    saved.save(file);
    int tensors;
    try (CheckpointReader reader = CheckpointReader.open(file)) {
      tensors = reader.entries().size();
    }
    for (int round = 1; round <= 3; round++) {
      TrainingPlan plan = UntrustedCheckpointTest.adamPlan(parameters);
      long start = System.nanoTime();
      plan.load(file);
      long micros = (System.nanoTime() - start) / 1000;
      System.out.printf("round %d: loaded %d tensors (%d bytes) in %.3f s%n", round, tensors, Files.size(file), micros / 1e6);
    }
    Files.delete(file);
    Files.delete(dir);
  }
}
