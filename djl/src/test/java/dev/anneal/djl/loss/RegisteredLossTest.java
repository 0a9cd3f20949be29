package dev.anneal.djl.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.djl.EngineTest;
import dev.anneal.djl.loss.registered.FocalLoss;
import dev.anneal.spec.Spec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A loss of one's own, registered once ({@code registered.FocalLossProvider}, a
 * {@code DescriptorProvider} service of the test classpath), is built by name, from a spec and
 * from JSON like a built-in one, and its arguments are checked against its descriptor.
 */
class RegisteredLossTest extends EngineTest {
  private static final float[] LOGITS = {2f, -1f, 0.5f, 0.1f, 0.2f, 3f};
  private static final long[] CLASSES = {0, 2};

  private NDArray logits() {
    return manager.create(LOGITS, new Shape(2, 3));
  }

  private NDArray classes() {
    return manager.create(CLASSES);
  }

  @Test
  void builtByNameAndWithGammaZeroIsCrossEntropy() {
    TorchLoss focal = Losses.create("FocalLoss", Map.of("gamma", 0.0));
    assertInstanceOf(FocalLoss.class, focal);
    assertEquals("FocalLoss", focal.pytorchName());
    float crossEntropy = new CrossEntropyLoss().forward(logits(), classes()).getFloat();
    assertEquals(crossEntropy, focal.forward(logits(), classes()).getFloat(), 1e-6f);
  }

  @Test
  void theDefaultsAndTheFormulaComeThrough() {
    TorchLoss focal = Losses.create("FocalLoss", Map.of("reduction", "none"));
    assertEquals(Reduction.NONE, focal.reduction());
    float[] expected = new float[2];
    for (int n = 0; n < 2; n++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < 3; c++) {
        max = Math.max(max, LOGITS[3 * n + c]);
      }
      double sum = 0;
      for (int c = 0; c < 3; c++) {
        sum += Math.exp(LOGITS[3 * n + c] - max);
      }
      double logPt = LOGITS[3 * n + (int) CLASSES[n]] - max - Math.log(sum);
      expected[n] = (float) (-Math.pow(1 - Math.exp(logPt), 2.0) * logPt); // gamma defaults to 2
    }
    assertArrayEquals(expected, focal.forward(logits(), classes()).toFloatArray(), 1e-6f);
  }

  @Test
  void fromASpecAndFromJson() throws Exception {
    TorchLoss fromSpec = Losses.create(Spec.of("FocalLoss").with("gamma", 1.0).with("reduction", "sum"));
    Map<String, Object> json = new ObjectMapper().readValue("{\"type\": \"FocalLoss\", \"gamma\": 1.0, \"reduction\": \"sum\"}",
        new TypeReference<Map<String, Object>>() {});
    TorchLoss fromJson = Losses.create(Spec.fromMap(json));
    assertEquals(Reduction.SUM, fromJson.reduction());
    assertEquals(fromSpec.forward(logits(), classes()).getFloat(), fromJson.forward(logits(), classes()).getFloat(), 0f);
  }

  @Test
  void worksThroughDjlsLossContract() {
    TorchLoss focal = Losses.create("FocalLoss", Map.of("gamma", 0.0));
    float viaEvaluate = focal.evaluate(new NDList(classes()), new NDList(logits())).getFloat();
    assertEquals(new CrossEntropyLoss().forward(logits(), classes()).getFloat(), viaEvaluate, 1e-6f);
  }

  @Test
  void itsArgumentsAreCheckedAgainstItsDescriptor() {
    LossInputException misspelled = assertThrows(LossInputException.class, () -> Losses.create("FocalLoss", Map.of("gama", 2.0)));
    assertEquals("gama", misspelled.argument());
    assertTrue(misspelled.getMessage().contains("did you mean gamma?"), misspelled.getMessage());
    LossInputException negative = assertThrows(LossInputException.class, () -> Losses.create("FocalLoss", Map.of("gamma", -1.0)));
    assertEquals("gamma", negative.argument());
    // the loss's own constructor checks too, when it is called without Losses
    assertThrows(LossInputException.class, () -> new FocalLoss(Map.of("reduction", "batchmean")));
  }

  @Test
  void unknownNamesAndDescriptorsWithoutImplementation() {
    LossInputException unknown = assertThrows(LossInputException.class, () -> Losses.create("FocalLos", Map.of()));
    assertTrue(unknown.getMessage().contains("did you mean FocalLoss"), unknown.getMessage());
    LossInputException unbuilt = assertThrows(LossInputException.class, () -> Losses.create("DescribedOnlyLoss", Map.of()));
    assertTrue(unbuilt.getMessage().contains("has a descriptor but no implementation: register a dev.anneal.djl.loss.LossProvider"),
        unbuilt.getMessage());
  }

  @Test
  void theBuiltInsStayTheTwentyOne() {
    assertEquals(21, Losses.names().size());
    assertFalse(Losses.names().contains("FocalLoss"));
  }
}
