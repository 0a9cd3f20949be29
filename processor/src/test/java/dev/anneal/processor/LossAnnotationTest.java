package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.DiagnosticsTest.assertDiagnostic;
import static dev.anneal.processor.Models.SGD;
import static dev.anneal.processor.Models.compile;
import static dev.anneal.processor.Models.model;
import static dev.anneal.processor.Models.strict;

import com.google.testing.compile.Compilation;
import dev.anneal.processor.base.Message;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Loss}: checked against the loss descriptors (each rule's message, file and line), and
 * handed out by the generated {@code loss()} through the loss's typed builder; a registered loss
 * ({@code test.registered.CompanyLosses}, a service on the processor path) is checked against its
 * own descriptor and built by name.
 */
class LossAnnotationTest {

  private static void assertError(Message key, JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertDiagnostic(compilation, key, source, message, line);
  }

  private static JavaFileObject withLoss(String... lossLines) {
    return model(SGD + "\n" + String.join("\n", lossLines), "  Layer body;");
  }

  @Test
  void labelSmoothingOutsideZeroToOne() {
    assertError(Message.OUT_OF_RANGE, withLoss("@Loss(type = LossType.CROSS_ENTROPY,", "    labelSmoothing = 1.5)"),
        "@Loss labelSmoothing must be in [0, 1], was 1.5", "labelSmoothing = 1.5");
  }

  @Test
  void reductionNotAmongPyTorchsNames() {
    assertError(Message.OUT_OF_RANGE, withLoss("@Loss(type = LossType.MSE,", "    reduction = \"avg\")"),
        "@Loss reduction must be one of 'mean', 'sum', 'none', was 'avg'", "reduction = \"avg\"");
  }

  @Test
  void batchmeanIsKlDivsOwn() {
    assertError(Message.OUT_OF_RANGE, withLoss("@Loss(type = LossType.L1,", "    reduction = \"batchmean\")"),
        "@Loss reduction must be one of 'mean', 'sum', 'none'", "reduction = \"batchmean\"");
    assertThat(strict(withLoss("@Loss(type = LossType.KL_DIV, reduction = \"batchmean\")"))).succeededWithoutWarnings();
  }

  @Test
  void weightLengthAgainstTheClasses() {
    assertError(Message.LOSS_WEIGHT_LENGTH, withLoss("@Loss(type = LossType.CROSS_ENTROPY, classes = 10,", "    weight = {1, 2, 3})"),
        "@Loss weight must hold one entry per class (classes = 10), had 3", "weight = {1, 2, 3}");
    assertError(Message.LOSS_WEIGHT_SHAPE, withLoss("@Loss(type = LossType.BCE_WITH_LOGITS, classes = 2,",
        "    kwargs = @Kwarg(name = \"pos_weight\", value = \"[1.0, 2.0, 3.0]\"))"),
        "@Loss pos_weight must broadcast against the classes (classes = 2): its last dimension 1 or 2, was 3 entries",
        "value = \"[1.0, 2.0, 3.0]\"");
  }

  /** PyTorch's BCELoss broadcasts its weight to the input: one number for every class, or one per sample (N, 1). */
  @Test
  void broadcastWeightsAsPyTorchTakesThem() throws IOException {
    assertThat(strict(withLoss("@Loss(type = LossType.BCE, classes = 3, weight = {2})"))).succeededWithoutWarnings();
    Compilation perSample = strict(withLoss("@Loss(type = LossType.BCE, classes = 3,",
        "    kwargs = @Kwarg(name = \"weight\", value = \"[[1.0], [2.0]]\"))"));
    assertThat(perSample).succeededWithoutWarnings();
    assertThat(perSample.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString())
        .contains(".weight(new float[][] {{1.0f}, {2.0f}})");
    Compilation perChannel = strict(withLoss("@Loss(type = LossType.BCE_WITH_LOGITS,",
        "    kwargs = @Kwarg(name = \"pos_weight\", value = \"[[[1.0]], [[2.0]], [[0.5]]]\"))"));
    assertThat(perChannel).succeededWithoutWarnings();
    assertThat(perChannel.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString())
        .contains("List.of(List.of(List.of(1.0)), List.of(List.of(2.0)), List.of(List.of(0.5)))");
  }

  @Test
  void classWeightsAreOneDimensional() {
    assertError(Message.LOSS_WEIGHT_SHAPE, withLoss("@Loss(type = LossType.CROSS_ENTROPY,",
        "    kwargs = @Kwarg(name = \"weight\", value = \"[[1.0, 2.0, 3.0]]\"))"),
        "@Loss weight of CrossEntropyLoss must be 1-D with one entry per class, as PyTorch requires, was (1, 3)", "value = \"[[1.0, 2.0, 3.0]]\"");
  }

  @Test
  void aRaggedWeightIsNotATensor() {
    Compilation compilation = compile(withLoss("@Loss(type = LossType.BCE,", "    kwargs = @Kwarg(name = \"weight\", value = \"[[1.0], [2.0, 3.0]]\"))"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[anneal:bad-kwarg-value]");
  }

  @Test
  void anAttributeTheLossDoesNotTake() {
    assertError(Message.NOT_APPLICABLE, withLoss("@Loss(type = LossType.MSE,", "    margin = 0.5)"),
        "@Loss margin does not apply to MSELoss; it takes reduction", "margin = 0.5");
  }

  @Test
  void aMisspelledKeywordArgument() {
    assertError(Message.UNKNOWN_KWARG, withLoss("@Loss(type = LossType.HUBER,", "    kwargs = @Kwarg(name = \"delt\", value = \"0.5\"))"),
        "HuberLoss has no argument \"delt\" (did you mean delta?)", "name = \"delt\"");
  }

  @Test
  void aKeywordArgumentOutOfRange() {
    assertError(Message.OUT_OF_RANGE, withLoss("@Loss(type = LossType.HUBER,", "    kwargs = @Kwarg(name = \"delta\", value = \"0\"))"),
        "delta must be in (0, inf)", "value = \"0\"");
    assertError(Message.OUT_OF_RANGE, withLoss("@Loss(type = LossType.TRIPLET_MARGIN_WITH_DISTANCE,",
        "    kwargs = @Kwarg(name = \"distance_function\", value = \"'euclid'\"))"),
        "must be one of 'pairwise_distance', 'cosine'", "value = \"'euclid'\"");
  }

  @Test
  void classesMustBePositive() {
    assertError(Message.NOT_POSITIVE, withLoss("@Loss(type = LossType.NLL,", "    classes = 0)"), "@Loss classes must be positive, was 0",
        "classes = 0");
  }

  @Test
  void lossNeedsTraining() {
    JavaFileObject source = model("@Loss(type = LossType.MSE)", "  Layer body;");
    assertError(Message.MISSING_TRAINING, source, "@Loss on class M needs @Training", "@Loss(type = LossType.MSE)");
  }

  @Test
  void theGeneratedClassHandsOutTheLoss() throws IOException {
    JavaFileObject source = withLoss("@Loss(type = LossType.TRIPLET_MARGIN_WITH_DISTANCE, margin = 0.5, reduction = \"sum\",",
        "    kwargs = {@Kwarg(name = \"distance_function\", value = \"'cosine'\"), @Kwarg(name = \"swap\", value = \"True\")})");
    Compilation compilation = strict(source);
    assertThat(compilation).succeededWithoutWarnings();
    String generated = compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString();
    assertThat(generated).contains(String.join("\n",
        "  /**",
        "   * The training loss declared by {@code @Loss}: PyTorch's {@code torch.nn.TripletMarginWithDistanceLoss(margin=0.5, reduction='sum', distance_function='cosine', swap=True)}.",
        "   */",
        "  public static TripletMarginWithDistanceLoss loss() {",
        "    return TripletMarginWithDistanceLoss.builder()",
        "        .margin(0.5)",
        "        .reduction(Reduction.SUM)",
        "        .distanceFunction(\"cosine\")",
        "        .swap(true)",
        "        .build();",
        "  }"));
  }

  @Test
  void withoutArgumentsTheLossIsConstructed() throws IOException {
    Compilation compilation = strict(withLoss("@Loss(type = LossType.HUBER)"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString())
        .contains("    return new HuberLoss();\n");
  }

  @Test
  void withoutLossNoLossMethod() throws IOException {
    Compilation compilation = strict(model(SGD, "  Layer body;"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString()).doesNotContain("loss()");
  }

  @Test
  void aRegisteredLossIsBuiltByName() throws IOException {
    Compilation compilation = strict(withLoss("@Loss(custom = \"FocalLoss\", reduction = \"sum\", weight = {1, 2},",
        "    kwargs = @Kwarg(name = \"gamma\", value = \"3\"))"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString()).contains(String.join("\n",
        "   * The training loss declared by {@code @Loss}: the registered {@code FocalLoss(reduction='sum', weight=[1, 2], gamma=3)}.",
        "   */",
        "  public static TorchLoss loss() {",
        "    return Losses.create(Spec.of(\"FocalLoss\").with(\"reduction\", \"sum\").with(\"weight\", List.of(1.0, 2.0)).with(\"gamma\", 3.0));",
        "  }"));
  }

  @Test
  void aMisspelledArgumentOfARegisteredLoss() {
    assertError(Message.UNKNOWN_KWARG, withLoss("@Loss(custom = \"FocalLoss\",", "    kwargs = @Kwarg(name = \"gama\", value = \"2\"))"),
        "FocalLoss has no argument \"gama\" (did you mean gamma?)", "name = \"gama\"");
  }

  @Test
  void aRegisteredLossesRangesAndArguments() {
    assertError(Message.OUT_OF_RANGE, withLoss("@Loss(custom = \"FocalLoss\",", "    kwargs = @Kwarg(name = \"gamma\", value = \"-1\"))"),
        "gamma must be in [0, inf)", "value = \"-1\"");
    assertError(Message.NOT_APPLICABLE, withLoss("@Loss(custom = \"FocalLoss\",", "    margin = 0.5)"),
        "@Loss margin does not apply to FocalLoss", "margin = 0.5");
  }

  @Test
  void aMisspelledRegisteredName() {
    assertError(Message.UNKNOWN_TYPE, withLoss("@Loss(", "    custom = \"FocalLos\")"), "unknown loss FocalLos (did you mean FocalLoss?)",
        "custom = \"FocalLos\"");
  }

  @Test
  void typeOrCustomButNotBoth() {
    assertError(Message.TYPE_AND_CUSTOM, withLoss("@Loss(type = LossType.MSE,", "    custom = \"FocalLoss\")"),
        "@Loss gives both type and custom", "custom = \"FocalLoss\"");
    assertError(Message.NEEDS_TYPE, withLoss("@Loss(reduction = \"sum\")"), "@Loss needs type = ... or custom", "@Loss(reduction");
  }
}
