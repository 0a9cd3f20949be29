package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Models.SGD;
import static dev.anneal.processor.Models.compile;
import static dev.anneal.processor.Models.generated;
import static dev.anneal.processor.Models.model;
import static dev.anneal.processor.Models.preview;
import static dev.anneal.processor.Models.strict;

import com.google.testing.compile.Compilation;
import dev.anneal.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Freeze(trainNorm = true)} (fastai's {@code train_bn}): written as the DSL's
 * {@code trainNorm(true)}, refused on the attribute where it contradicts the freeze.
 */
class TrainNormAnnotationTest {

  @Test
  void trainNormIsWrittenAsTheDslCall() throws Exception {
    Compilation compilation = strict(model(SGD, "  @Freeze(untilEpoch = 2, trainNorm = true) Layer body;\n  Layer head;"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation).replaceAll("\\s+", ""))
        .contains(".group(\"body\",model.body,g->g.freezeUntilEpoch(2).trainNorm(true))");
  }

  @Test
  void thePreviewSaysTheNormLayersTrain() throws Exception {
    Compilation compilation = strict(model(SGD, "  @Freeze(untilEpoch = 2, trainNorm = true) Layer body;\n  Layer head;"));
    assertThat(preview(compilation)).contains("F in body: its norm layers keep training (trainNorm, fastai's train_bn).");
  }

  @Test
  void offIsTheDefaultAndWritesNothing() throws Exception {
    Compilation compilation = strict(model(SGD, "  @Freeze(untilStep = 3, trainNorm = false) Layer body;\n  Layer head;"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation)).doesNotContain("trainNorm");
  }

  @Test
  void withHoldIsAnErrorOnTheAttribute() {
    JavaFileObject source = model(SGD,
        "  @Freeze(untilEpoch = 2, batchNorm = BatchNormPolicy.HOLD,\n      trainNorm = true) Layer body;\n  Layer head;");
    Compilation compilation = compile(source);
    DiagnosticsTest.assertDiagnostic(compilation, Message.TRAIN_NORM_WITH_HOLD, source,
        "@Freeze trainNorm = true on field body contradicts batchNorm = HOLD", "trainNorm = true");
  }

  @Test
  void withoutAnyFrozenEpochIsAnErrorOnTheAttribute() {
    JavaFileObject source = model(SGD, "  @Freeze(untilEpoch = 0,\n      trainNorm = true) Layer body;\n  Layer head;");
    Compilation compilation = compile(source);
    DiagnosticsTest.assertDiagnostic(compilation, Message.TRAIN_NORM_NEVER_FROZEN, source,
        "@Freeze trainNorm = true on field body has no effect: untilEpoch = 0 never freezes the field", "trainNorm = true");
  }

  @Test
  void withoutAnyFrozenStepIsAnErrorOnTheAttribute() {
    JavaFileObject source = model(SGD, "  @Freeze(untilStep = 0,\n      trainNorm = true) Layer body;\n  Layer head;");
    Compilation compilation = compile(source);
    DiagnosticsTest.assertDiagnostic(compilation, Message.TRAIN_NORM_NEVER_FROZEN, source,
        "untilStep = 0 never freezes the field; freeze it for at least one step or drop trainNorm", "trainNorm = true");
  }

  @Test
  void fieldsSharingAGroupMustAgreeOnTrainNorm() {
    Compilation compilation = compile(model(SGD,
        "  @Group(\"body\") @Freeze(untilEpoch = 2, trainNorm = true) Layer a;\n"
            + "  @Group(\"body\") @Freeze(untilEpoch = 2) Layer b;\n  Layer head;"));
    assertThat(compilation).failed();
    assertThat(compilation.errors().toString()).contains("trainNorm = true");
  }
}
