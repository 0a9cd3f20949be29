package dev.anneal.samples.fashion;

import ai.djl.engine.Engine;
import dev.anneal.reporting.History;
import dev.anneal.samples.data.FashionMnist;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Start and end of every Fashion-MNIST sample: data and seed first, plots named last. */
public final class SampleRun {
  private SampleRun() {}

  /** Seeds the engine and loads the data, saying where it came from. */
  public static FashionMnist start(String title, String data, long seed, PrintStream out) {
    out.println(title);
    Engine engine = Engine.getInstance();
    engine.setRandomSeed((int) seed);
    FashionMnist fashion = FashionMnist.load(data);
    out.printf("data: %s (%d training, %d test images); engine: %s %s%n", fashion.source(), fashion.train().count(),
        fashion.test().count(), engine.getEngineName(), engine.getVersion());
    return fashion;
  }

  /** Writes every history's charts into {@code dir} and names the files, as the last lines. */
  public static void finish(Path dir, PrintStream out, History... histories) throws IOException {
    out.println("plots written to " + dir.toAbsolutePath() + ":");
    for (History history : histories) {
      List<Path> files = history.writeCharts(dir);
      for (Path file : files) {
        out.println("  " + file.toAbsolutePath());
      }
    }
  }
}
