package dev.anneal.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.samples.cnn.CnnAdamW;
import dev.anneal.samples.lrfind.LrFind;
import dev.anneal.samples.mlp.MlpPlateau;
import dev.anneal.samples.preview.SchedulePreview;
import dev.anneal.samples.quickstart.QuickStart;
import dev.anneal.samples.regression.UncertainRegression;
import dev.anneal.samples.softmax.SoftmaxRegression;
import dev.anneal.samples.swa.WeightAveraging;
import dev.anneal.samples.transfer.TransferLearning;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every sample's command line: help, unknown options, values picocli cannot convert, values out of range. */
class CliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static final List<Supplier<Object>> SAMPLES = List.of(MlpPlateau::new, CnnAdamW::new, TransferLearning::new,
      SoftmaxRegression.Command::new, SchedulePreview::new, QuickStart::new, LrFind::new,
      UncertainRegression::new, WeightAveraging::new);

  private int run(Object command, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Cli.execute(command, new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void everySampleHasHelp() {
    for (Supplier<Object> sample : SAMPLES) {
      assertEquals(0, run(sample.get(), "--help"));
      assertTrue(out.toString().startsWith("Usage: "), out.toString());
      assertTrue(out.toString().contains("--help"), out.toString());
    }
  }

  @Test
  void anUnknownOptionIsRefusedWithTheUsage() {
    for (Supplier<Object> sample : SAMPLES) {
      Object command = sample.get();
      String[] args = command instanceof SchedulePreview ? new String[] {"--spec", "{}", "--no-such-option"}
          : new String[] {"--no-such-option"};
      assertEquals(Cli.BAD_INPUT, run(command, args));
      assertTrue(err.toString().contains("Unknown option: '--no-such-option'"), err.toString());
      assertTrue(err.toString().contains("Usage: "), err.toString());
    }
  }

  @Test
  void aValueOfTheWrongTypeNamesTheOption() {
    assertEquals(Cli.BAD_INPUT, run(new CnnAdamW(), "--batch", "many"));
    assertTrue(err.toString().contains("--batch") && err.toString().contains("'many'"), err.toString());
  }

  @Test
  void aValueOutOfRangeIsTheMessageAlone() {
    assertEquals(Cli.BAD_INPUT, run(new QuickStart(), "--steps", "0"));
    assertEquals("error: --steps must be at least 1, was 0", err.toString().strip());
  }

  @Test
  void missingDataIsTheMessageAlone() {
    assertEquals(Cli.BAD_INPUT, run(new SoftmaxRegression.Command(), "--data", "/no/such/folder"));
    String message = err.toString().strip();
    assertTrue(message.startsWith("error: Fashion-MNIST directory /no/such/folder does not exist"), message);
    assertEquals(1, message.lines().count(), message);
  }
}
