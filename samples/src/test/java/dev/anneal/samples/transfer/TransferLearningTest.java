package dev.anneal.samples.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.anneal.samples.fashion.FashionCnn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TransferLearningTest {
  @TempDir Path out;

  @Test
  void bothFineTuningRunsStartFromTheSameModel() {
    try (NDManager manager = NDManager.newBaseManager()) {
      FashionCnn pretrained = new FashionCnn(5);
      pretrained.initialize(manager, DataType.FLOAT32, FashionCnn.INPUT);
      FashionCnn a = TransferLearning.startFrom(pretrained, manager, 7);
      FashionCnn b = TransferLearning.startFrom(pretrained, manager, 7);
      for (int i = 0; i < a.getParameters().size(); i++) {
        float[] left = a.getParameters().valueAt(i).getArray().toFloatArray();
        assertArrayEquals(left, b.getParameters().valueAt(i).getArray().toFloatArray(), a.getParameters().keyAt(i));
      }
      assertArrayEquals(pretrained.stem.getParameters().valueAt(0).getArray().toFloatArray(),
          a.stem.getParameters().valueAt(0).getArray().toFloatArray(), "the stem is the pretrained one");
    }
  }

  /** The main job in miniature: pretrain, two fine-tuning runs, the comparison, the plots. */
  @Test
  void runsEndToEndOnTheBundledSlice() throws Exception {
    TransferLearning sample = CommandLine.populateCommand(new TransferLearning(),
        "--data", "slice", "--max-train", "300", "--out", out.toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TransferLearning.Result result = sample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("frozen: stem,body"), printed);
    assertTrue(printed.contains("== comparison: test accuracy on classes 5-9 =="), printed);
    assertTrue(result.layerWise() > 0.4 && result.full() > 0.4, printed);
    String[] lines = printed.strip().split("\n");
    assertTrue(lines[lines.length - 1].strip().endsWith("finetune-full-accuracy.png"), printed);
    assertTrue(Files.size(out.resolve("finetune-layerwise-lr.png")) > 1000);
  }
}
