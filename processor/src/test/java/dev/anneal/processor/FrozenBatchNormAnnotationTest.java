package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Models.SGD;
import static dev.anneal.processor.Models.compile;
import static dev.anneal.processor.Models.model;

import com.google.testing.compile.Compilation;
import dev.anneal.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Freeze(batchNorm = ...)}: written as the DSL's {@code frozenBatchNorm}, checked against the field's type. */
class FrozenBatchNormAnnotationTest {

  /** Under every lint but javac's note on unclaimed annotations (the processor claims none). */
  private static Compilation strict(JavaFileObject source) {
    return com.google.testing.compile.Compiler.javac().withProcessors(new AnnealProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror").compile(source);
  }

  private static String generated(Compilation compilation) throws java.io.IOException {
    return compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString();
  }

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
