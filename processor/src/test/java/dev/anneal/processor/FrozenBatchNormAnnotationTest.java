package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Models.SGD;
import static dev.anneal.processor.Models.compile;
import static dev.anneal.processor.Models.generated;
import static dev.anneal.processor.Models.model;
import static dev.anneal.processor.Models.strict;

import com.google.testing.compile.Compilation;
import dev.anneal.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Freeze(batchNorm = ...)}: written as the DSL's {@code frozenBatchNorm}, checked against the field's type. */
class FrozenBatchNormAnnotationTest {

  @Test
  void holdIsWrittenAsTheDslCall() throws Exception {
    Compilation compilation = strict(model(SGD,
        "  @Freeze(untilEpoch = 2, batchNorm = BatchNormPolicy.HOLD) Layer stem;\n  Layer head;"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation).replaceAll("\\s+", ""))
        .contains(".group(\"stem\",model.stem,g->g.freezeUntilEpoch(2).frozenBatchNorm(BatchNormPolicy.HOLD))");
  }

  @Test
  void trainIsTheDefaultAndWritesNothing() throws Exception {
    Compilation compilation = strict(model(SGD,
        "  @Freeze(untilEpoch = 2, batchNorm = BatchNormPolicy.TRAIN) Layer stem;\n  Layer head;"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation)).doesNotContain("frozenBatchNorm");
  }

  @Test
  void holdOnBareParametersIsAWarningOnTheAttribute() {
    JavaFileObject source = model(SGD,
        "  @Freeze(untilEpoch = 2,\n      batchNorm = BatchNormPolicy.HOLD) List<Parameter> stem;\n  Layer head;");
    Compilation compilation = compile(source);
    DiagnosticsTest.assertDiagnostic(compilation, Message.BATCH_NORM_WITHOUT_BUFFERS, source,
        "@Freeze batchNorm = HOLD on field stem has no effect: a java.util.List<dev.anneal.param.Parameter> holds bare "
            + "parameters, no BatchNorm statistics", "batchNorm = BatchNormPolicy.HOLD");
  }
}
