package dev.anneal.samples.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.anneal.samples.fashion.FashionCnn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /** The main job in miniature: pretrain once, two sizes by two seeds by two methods, the table, the plots, the verdict. */
  @Test
  void runsEndToEndOnTheBundledSlice() throws Exception {
    TransferLearning sample = CommandLine.populateCommand(new TransferLearning(),
        "--data", "slice", "--max-train", "300", "--shots", "5,20", "--seeds", "2", "--steps-per-epoch", "5", "--out", out.toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TransferLearning.Result result = sample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("frozen: stem,body"), printed);
    assertTrue(printed.contains("mean ± sample std over 2 seeds"), printed);
    assertEquals(List.of(5, 20), result.sizes().stream().map(TransferLearning.SizeResult::perClass).toList());
    for (TransferLearning.SizeResult size : result.sizes()) {
      assertEquals(2, size.layerWise().length);
      for (int i = 0; i < 2; i++) {
        assertTrue(size.layerWise()[i] > 0.3 && size.full()[i] > 0.3, printed);   // five classes: chance is 0.2
      }
    }
    assertTrue(printed.contains(" 20 per class (100 images), seed 43: layer-wise "), printed);
    String[] lines = printed.strip().split("\n");
    assertTrue(lines[lines.length - 1].startsWith("verdict over 2 seeds: layer-wise lrs + frozen backbone "), printed);
    assertTrue(lines[lines.length - 2].strip().endsWith("fewshot-accuracy.png"), printed);
    assertTrue(Files.size(out.resolve("fewshot-accuracy.png")) > 1000);
    assertTrue(Files.size(out.resolve("finetune-layerwise-lr.png")) > 1000);
  }

  @Test
  void theVerdictSaysPlainlyWhereLayerWiseDidNotHelp() {
    var helped = new TransferLearning.SizeResult(10, new double[] {0.80, 0.82, 0.81}, new double[] {0.78, 0.799, 0.791});
    var unclear = new TransferLearning.SizeResult(20, new double[] {0.85, 0.86, 0.84}, new double[] {0.87, 0.85, 0.84});
    var worse = new TransferLearning.SizeResult(50, new double[] {0.85, 0.86, 0.87}, new double[] {0.88, 0.891, 0.899});
    assertEquals("verdict over 3 seeds: layer-wise lrs + frozen backbone did not help: no clear difference from full fine-tuning at"
        + " 20 (-0.33 points) images per class (the 95% interval of the paired difference holds 0)",
        TransferLearning.verdict(List.of(unclear), 3));
    assertEquals("verdict over 3 seeds: layer-wise lrs + frozen backbone helped at 10 (+2.00 points) images per class;"
        + " no clear difference from full fine-tuning at 20 (-0.33 points) images per class (the 95% interval of the paired"
        + " difference holds 0); worse than full fine-tuning at 50 (-3.00 points) images per class",
        TransferLearning.verdict(List.of(helped, unclear, worse), 3));
    assertEquals("verdict over 3 seeds: layer-wise lrs + frozen backbone did not help: worse than full fine-tuning at"
        + " 50 (-3.00 points) images per class", TransferLearning.verdict(List.of(worse), 3));
  }
}
