package dev.anneal.samples.fashion;

import ai.djl.engine.Engine;
import dev.anneal.samples.cli.Options;
import dev.anneal.samples.data.FashionMnist;
import dev.anneal.samples.data.MalformedDataException;
import dev.anneal.reporting.History;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Start and end of every Fashion-MNIST sample: data and seed first, plots named last. */
public final class SampleRun {
  private SampleRun() {}

  /** A sample's body, run by {@link #main}. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  /** A sample's work, given its parsed options and where to print. */
  @FunctionalInterface
  public interface Program {
    void run(Options options, PrintStream out) throws Exception;
  }

  /** Parses {@code args} (printing the usage for {@code --help}) and runs the program on standard output. */
  public static void main(String[] args, Options options, Program program) throws Exception {
    main(() -> {
      if (options.parse(args)) {
        program.run(options, System.out);
      }
    });
  }

  /**
   * Runs a sample's main body; bad options and missing or malformed data end it with the message
   * alone (exit status 2) rather than a stack trace.
   */
  public static void main(Body body) throws Exception {
    try {
      body.run();
    } catch (IllegalArgumentException | MalformedDataException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
  }

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
