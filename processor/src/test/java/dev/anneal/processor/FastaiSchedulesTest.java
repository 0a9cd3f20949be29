package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.DiagnosticsTest.assertDiagnostic;
import static dev.anneal.processor.Models.compile;
import static dev.anneal.processor.Models.model;
import static dev.anneal.processor.Models.preview;

import com.google.testing.compile.Compilation;
import dev.anneal.processor.base.Message;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * fastai's {@code fine_tune}, {@code fit_one_cycle} and ULMFiT's slanted triangle on annotations: one
 * test per rule (the caret on the offending value), and the recipes' shapes compile cleanly.
 */
class FastaiSchedulesTest {
  private static final String FASTAI_ADAM = "@Optimizer(type = OptimizerType.ADAMW, lr = 2e-3, betas = {0.9, 0.99}, eps = 1e-5)";

  private static void assertError(Message key, JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertDiagnostic(compilation, key, source, message, line);
  }

  /** Compiles with no diagnostic of Anneal's (javac's own notes about unclaimed annotations aside). */
  private static void assertClean(JavaFileObject source) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation.diagnostics().stream().filter(d -> d.getMessage(null).contains("anneal:")).toList()).isEmpty();
  }

  private static final String FINE_TUNE = "@Training(epochs = 4)\n" + FASTAI_ADAM + "\n@NoDecay\n"
      + "@Schedule(type = ScheduleType.FASTAI_FINE_TUNE, interval = Interval.STEP, kwargs = @Kwarg(name = \"epochs\", value = \"3\"))";

  /** The preview's row for {@code epoch}, its cells without freeze marks. */
  private static List<String> previewRow(Compilation compilation, int epoch) throws IOException {
    String row = preview(compilation).lines().filter(line -> line.matches("\\s*" + epoch + " .*")).findFirst().orElseThrow();
    return Arrays.stream(row.trim().split("\\s+")).filter(cell -> !cell.equals("F") && !cell.equals("U")).toList();
  }

  /**
   * fine_tune over three layer groups, base_lr 2e-3: the frozen fit's slice(2e-3) gives the last
   * group 2e-3 and the others 2e-4, each starting at lr_max / 25; the unfrozen fit's
   * slice(1e-5, 1e-3) spreads 1e-5, 1e-4, 1e-3, each starting at lr_max / 5.
   */
  @Test
  void fineTunesPreviewSpreadsBothFitsOverTheLayerGroups() throws Exception {
    Compilation compilation = compile(model(FINE_TUNE,
        "  @Freeze(untilEpoch = 1) Layer body;\n  @Freeze(untilEpoch = 1) @Group(\"bn\") Layer bn;\n  @Group(\"head\") Layer head;"));
    assertThat(compilation).succeeded();
    assertThat(previewRow(compilation, 0)).containsExactly("0", "8.0000e-06", "8.0000e-06", "8.0000e-05").inOrder();
    assertThat(previewRow(compilation, 1)).containsExactly("1", "2.0000e-06", "2.0000e-05", "2.0000e-04").inOrder();
  }

  /** A kind group splits a group into several layer groups only at run time: the preview cannot count them. */
  @Test
  void fineTunesPreviewNeedsTheLayerGroupsCount() throws Exception {
    Compilation compilation = compile(model(FINE_TUNE + "\n@KindGroup(kind = ParamKind.BIAS, lrFactor = 2.0)",
        "  @Freeze(untilEpoch = 1) Layer body;\n  @Group(\"head\") Layer head;"));
    assertThat(compilation).succeeded();
    assertThat(previewRow(compilation, 1)).containsExactly("1", "n/a", "n/a").inOrder();
  }

  @Test
  void fineTuneCompiles() {
    assertClean(model("@Training(epochs = 4)\n" + FASTAI_ADAM + "\n@NoDecay\n"
        + "@Schedule(type = ScheduleType.FASTAI_FINE_TUNE, interval = Interval.STEP, kwargs = @Kwarg(name = \"epochs\", value = \"3\"))",
        "  @Freeze(untilEpoch = 1) Layer body;\n  @Group(\"bn\") Layer bn;\n  @Group(\"head\") Layer head;"));
  }

  @Test
  void fineTuneEpochsMustAddUpToTheTraining() {
    assertError(Message.FINE_TUNE_EPOCHS, model("@Training(epochs = 5)\n" + FASTAI_ADAM + "\n"
            + "@Schedule(type = ScheduleType.FASTAI_FINE_TUNE, interval = Interval.STEP,\n    kwargs = @Kwarg(name = \"epochs\",\n    value = \"3\"))",
            "  Layer body;"),
        "fastai.fine_tune freeze_epochs + epochs is 4 epochs but the training lasts 5; fine_tune fits freeze_epochs, then epochs", "value = \"3\"");
  }

  private static void assertWarning(Message key, JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertDiagnostic(compilation, key, source, message, line);
  }

  @Test
  void fineTuneNeverFreezesTheLastLayerGroup() {
    assertWarning(Message.FINE_TUNE_LAST_FROZEN, model("@Training(epochs = 4)\n" + FASTAI_ADAM + "\n"
            + "@Schedule(type = ScheduleType.FASTAI_FINE_TUNE, interval = Interval.STEP, kwargs = @Kwarg(name = \"epochs\", value = \"3\"))",
            "  @Freeze(untilEpoch = 1) Layer body;\n  @Group(\"head\")\n  @Freeze(untilEpoch = 1) Layer head;"),
        "group head is fastai.fine_tune's last layer group, which fine_tune never freezes", "@Freeze(untilEpoch = 1) Layer head;");
  }

  @Test
  void fineTuneThawsEveryGroupAtFreezeEpochs() {
    assertWarning(Message.FINE_TUNE_THAW, model("@Training(epochs = 4)\n" + FASTAI_ADAM + "\n"
            + "@Schedule(type = ScheduleType.FASTAI_FINE_TUNE, interval = Interval.STEP, kwargs = @Kwarg(name = \"epochs\", value = \"3\"))",
            "  @Freeze(untilEpoch = 2) Layer body;\n  @Group(\"head\") Layer head;"),
        "group body thaws at epoch 2, but fastai.fine_tune unfreezes every layer group when its second fit begins, at epoch 1 "
            + "(freeze_epochs); use @Freeze(untilEpoch = 1)", "@Freeze(untilEpoch = 2) Layer body;");
  }

  @Test
  void fineTuneNeedsItsEpochs() {
    assertError(Message.MISSING_ARGUMENT, model("@Training(epochs = 4)\n" + FASTAI_ADAM + "\n"
            + "@Schedule(type = ScheduleType.FASTAI_FINE_TUNE,\n    interval = Interval.STEP)", "  Layer body;"),
        "epochs", "@Schedule(type = ScheduleType.FASTAI_FINE_TUNE");
  }

  @Test
  void fineTuneSchedulesMomentum() {
    assertError(Message.OUT_OF_RANGE, model("@Training(epochs = 4)\n" + FASTAI_ADAM + "\n"
            + "@Schedule(type = ScheduleType.FASTAI_FINE_TUNE, interval = Interval.STEP, kwargs = {@Kwarg(name = \"epochs\", value = \"3\"),\n"
            + "    @Kwarg(name = \"moms\", value = \"(0.95, 0.85, 1.5)\")})", "  Layer body;"),
        "moms", "@Kwarg(name = \"moms\"");
  }

  @Test
  void fastaiSchedulesMoveEveryBatch() {
    assertError(Message.PER_BATCH_SCHEDULE, model("@Training(epochs = 4)\n" + FASTAI_ADAM + "\n"
            + "@Schedule(type = ScheduleType.FASTAI_ONE_CYCLE)", "  Layer body;"),
        "fastai.fit_one_cycle moves at every batch, as fastai's ParamScheduler does, but is declared with interval EPOCH; "
            + "set interval = Interval.STEP", "@Schedule(type = ScheduleType.FASTAI_ONE_CYCLE)");
  }

  @Test
  void slantedTriangleCyclesMustSplitTheSteps() {
    assertError(Message.SLANTED_TRIANGLE_CYCLES, model("@Training(epochs = 3, stepsPerEpoch = 10)\n" + FASTAI_ADAM + "\n"
            + "@Schedule(type = ScheduleType.SLANTED_TRIANGULAR, interval = Interval.STEP,\n    kwargs = @Kwarg(name = \"cycles\",\n    value = \"4\"))",
            "  Layer body;"),
        "SlantedTriangularLR over 30 steps: 30 steps do not split into 4 cycles of whole steps: give cycles a divisor of the steps",
        "value = \"4\"");
  }

  @Test
  void slantedTriangleCyclesMustRise() {
    assertError(Message.SLANTED_TRIANGLE_CYCLES, model("@Training(epochs = 4, stepsPerEpoch = 5)\n" + FASTAI_ADAM + "\n"
            + "@Schedule(type = ScheduleType.SLANTED_TRIANGULAR, interval = Interval.STEP,\n    kwargs = @Kwarg(name = \"cycles\",\n    value = \"4\"))",
            "  Layer body;"),
        "cycles of 5 steps are too short to rise with cut_frac 0.1 (floor(T * cut_frac) is 0", "value = \"4\"");
  }

  @Test
  void slantedTriangleCutFracIsAFraction() {
    assertError(Message.OUT_OF_RANGE, model("@Training(epochs = 4)\n" + FASTAI_ADAM + "\n"
            + "@Schedule(type = ScheduleType.SLANTED_TRIANGULAR, interval = Interval.STEP,\n    kwargs = @Kwarg(name = \"cut_frac\",\n    value = \"1.0\"))",
            "  Layer body;"),
        "cut_frac", "value = \"1.0\"");
  }

  @Test
  void ulmfitCompiles() {
    assertClean(model("@Training(epochs = 4)\n@Optimizer(type = OptimizerType.ADAM, lr = 0.01, betas = {0.8, 0.99})\n"
        + "@LayerwiseDecay(1 / 2.6)\n"
        + "@Schedule(type = ScheduleType.SLANTED_TRIANGULAR, interval = Interval.STEP, kwargs = @Kwarg(name = \"cycles\", value = \"4\"))",
        "  @Freeze(untilEpoch = 2) Layer encoder;\n  @Freeze(untilEpoch = 1) Layer rnn;\n  Layer decoder;"));
  }
}
