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
    assertTrue(lines[lines.length - 1].startsWith("verdict: layer-wise lrs + frozen backbone "), printed);
    assertTrue(lines[lines.length - 2].strip().endsWith("fewshot-accuracy.png"), printed);
    assertTrue(Files.size(out.resolve("fewshot-accuracy.png")) > 1000);
    assertTrue(Files.size(out.resolve("finetune-layerwise-lr.png")) > 1000);
  }

  @Test
  void theVerdictSaysPlainlyWhereLayerWiseDidNotHelp() {
    var helped = new TransferLearning.SizeResult(10, new double[] {0.80, 0.82}, new double[] {0.78, 0.79});
    var lost = new TransferLearning.SizeResult(50, new double[] {0.85, 0.86}, new double[] {0.87, 0.85});
    assertEquals("verdict: layer-wise lrs + frozen backbone did not help: full fine-tuning was as good or better on average at every"
        + " size, images per class 50 (-0.50 points, better in 1 of 2 seeds)", TransferLearning.verdict(List.of(lost), 2));
    assertEquals("verdict: layer-wise lrs + frozen backbone helped on average at images per class 10 (+2.50 points, better in 2 of 2"
        + " seeds) and did not at 50 (-0.50 points, better in 1 of 2 seeds)", TransferLearning.verdict(List.of(helped, lost), 2));
  }
}
