package dev.anneal.samples.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.loop.TrainingResult;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.samples.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumableRegressionTest {
  @TempDir Path dir;

  @Test
  void learnsAndAResumedRunEndsWhereAnUninterruptedOneDoes() throws Exception {
    ResumableRegression straight = new ResumableRegression();
    double before = straight.validationLoss();
    TrainingResult result = straight.run(straight.plan(ResumableRegression.TOTAL_EPOCHS), null, null);
    assertTrue(result.completed(), result.message());
    assertTrue(straight.validationLoss() < before / 100, "learns: " + before + " -> " + straight.validationLoss());

    Path file = dir.resolve("regression.ckpt");
    ResumableRegression first = new ResumableRegression();
    first.run(first.plan(2), file, null);
    ResumableRegression second = new ResumableRegression();
    TrainingPlan plan = second.plan(ResumableRegression.TOTAL_EPOCHS);
    plan.load(file);
    assertEquals(2, plan.clock().epoch());
    second.run(plan, file, null);
    assertArrayEquals(straight.weight.values().toArray(), second.weight.values().toArray(), 0f);
    assertArrayEquals(straight.bias.values().toArray(), second.bias.values().toArray(), 0f);
  }

  @Test
  void aCorruptCheckpointEndsTheRunWithTheLibrarysMessageAloneAndStatusTwo() throws Exception {
    Path file = dir.resolve("regression.ckpt");
    ResumableRegression first = new ResumableRegression();
    first.run(first.plan(1), file, null);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5A;                // one flipped byte in the middle
    Files.write(file, bytes);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Cli.execute(new ResumableRegression.Command(), new PrintWriter(out), new PrintWriter(err),
        "--checkpoint", file.toString(), "--resume");
    assertEquals(2, status, err.toString());
    String message = err.toString().strip();
    assertTrue(message.startsWith("error: ") && message.contains(file.getFileName().toString()), message);
    assertEquals(1, message.lines().count(), "the message alone, no stack trace: " + message);
  }

  @Test
  void resumeWithoutACheckpointIsABadCommandLine() {
    StringWriter err = new StringWriter();
    int status = Cli.execute(new ResumableRegression.Command(), new PrintWriter(new StringWriter()), new PrintWriter(err), "--resume");
    assertEquals(2, status);
    assertEquals("error: --resume needs --checkpoint FILE naming an existing checkpoint", err.toString().strip());
  }
}
