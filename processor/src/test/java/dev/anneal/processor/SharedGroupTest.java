package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Models.ADAMW;
import static dev.anneal.processor.Models.compile;
import static dev.anneal.processor.Models.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.anneal.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Fields naming one group with {@code @Group} share it; their settings must agree. */
class SharedGroupTest {

  private static String generated(Compilation compilation) throws java.io.IOException {
    return compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString()
        .replaceAll("\\s+", "");
  }

  @Test
  void aSharedGroupNameMergesTheFieldsInOrderWithTheSettingsOfEither() throws Exception {
    Compilation compilation = Compiler.javac().withProcessors(new AnnealProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror").compile(model(ADAMW, String.join("\n",
            "  @Group(\"norms\") @WeightDecay(0) Layer stemNorm;",
            "  Layer body;",
            "  @Group(\"norms\") @Freeze(untilEpoch = 1) Layer headNorm;",
            "  @Group(\"norms\") @WeightDecay(0.0) List<Parameter> biases;")));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation)).contains(".group(\"norms\",ParameterSource.concat(List.of(model.stemNorm,model.headNorm,"
        + "ParameterSource.of(model.biases))),g->g.weightDecay(0.0).freezeUntilEpoch(1)).group(\"default\",model.body)");
  }

  @Test
  void differentLearningRatesInOneGroupAreAnErrorOnTheSecondNamingBoth() {
    JavaFileObject source = model(ADAMW, String.join("\n",
        "  @Group(\"norms\") @LearningRate(0.01) Layer a;",
        "  @Group(\"norms\")",
        "  @LearningRate(0.02) Layer b;"));
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    DiagnosticsTest.assertDiagnostic(compilation, Message.GROUP_CONFLICT, source,
        "field a and field b share group \"norms\" but give lr different values (0.01, then 0.02)", "@LearningRate(0.02)");
  }

  @Test
  void differentFreezingInOneGroupIsAnError() {
    JavaFileObject source = model(ADAMW, String.join("\n",
        "  @Group(\"backbone\") @Freeze(untilEpoch = 2) Layer a;",
        "  @Group(\"backbone\")",
        "  @Freeze(untilEpoch = 3) Layer b;"));
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    DiagnosticsTest.assertDiagnostic(compilation, Message.GROUP_CONFLICT, source,
        "field a and field b share group \"backbone\" but give @Freeze different values (@Freeze(untilEpoch = 2), then "
            + "@Freeze(untilEpoch = 3))", "@Freeze(untilEpoch = 3)");
  }

  @Test
  void theSameValueTwiceIsFine() {
    assertThat(compile(model(ADAMW, "  @Group(\"g\") @LearningRate(0.01) Layer a;\n  @Group(\"g\") @LearningRate(0.01) Layer b;")))
        .succeeded();
  }
}
