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
 *   dev.anneal.checkpoint.ManySmallTensors 5000 [groups]
 * </pre>
 *
 * With {@code groups}, every parameter is a group of its own (the "10,000 groups" case).
 */
public final class ManySmallTensors {
  private ManySmallTensors() {}

  public static void main(String[] args) throws Exception {
    int parameters = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    boolean groups = args.length > 1 && args[1].equals("groups");
    Path dir = Files.createTempDirectory("many-small-tensors");
    Path file = dir.resolve("many.ckpt");
    TrainingPlan saved = plan(parameters, groups);
    saved.save(file);
    int tensors;
    try (CheckpointReader reader = CheckpointReader.open(file)) {
      tensors = reader.entries().size();
    }
    for (int round = 1; round <= 3; round++) {
      TrainingPlan plan = plan(parameters, groups);
      long start = System.nanoTime();
      plan.load(file);
      long micros = (System.nanoTime() - start) / 1000;
      System.out.printf("round %d: loaded %d tensors (%d bytes) in %.3f s%n", round, tensors, Files.size(file), micros / 1e6);
    }
    Files.delete(file);
    Files.delete(dir);
  }

  private static TrainingPlan plan(int parameters, boolean groups) {
    if (!groups) {
      return UntrustedCheckpointTest.adamPlan(parameters);
    }
    var builder = TrainingPlan.builder().epochs(2).stepsPerEpoch(2).optimizer(dev.anneal.spec.Spec.of("Adam").with("lr", 0.01));
    for (int i = 0; i < parameters; i++) {
      dev.anneal.param.Layer layer = new dev.anneal.param.Layer("g" + i);
      layer.add("w", 4);
      builder.group("g" + i, layer);
    }
    TrainingPlan plan = builder.build();
    plan.startEpoch();
    plan.parameters().forEach(p -> p.gradOrZeros().set(0, 0.5f));
    plan.afterBackward();
    return plan;
  }
}
