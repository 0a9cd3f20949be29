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

/** {@code @LayerDecay(layers = ..., scales = ...)}: timm's and MAE's ViT layer ids and lr_scale. */
class LayerIdsAnnotationTest {

  private static String generated(Compilation compilation) throws java.io.IOException {
    return compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString().replaceAll("\\s+", "");
  }

  @Test
  void namedRulesAndTheScaleAreWrittenAsTheDslCalls() throws Exception {
    Compilation compilation = Compiler.javac().withProcessors(new AnnealProcessor()).withOptions("-Xlint:all,-processing", "-Werror")
        .compile(model(ADAMW, String.join("\n",
            "  @LayerDecay(value = 0.65, layers = LayerIds.VIT_BEIT, scales = LayerScale.SCHEDULED_LR) Layer mae;",
            "  @LayerDecay(value = 0.75, layers = LayerIds.VIT_TIMM) Layer timm;")));
    assertThat(compilation).succeededWithoutWarnings();
    String code = generated(compilation);
    assertThat(code).contains(".group(\"mae\",model.mae,g->g.layerDecay(0.65,LayerIndex.vitBeit(),LrScale.SCHEDULED_LR))");
    assertThat(code).contains(".group(\"timm\",model.timm,g->g.layerDecay(0.75,LayerIndex.vitTimm()))");
  }

  @Test
  void aPatternWithANamedRuleIsAnErrorOnThePattern() {
    JavaFileObject source = model(ADAMW,
        "  @LayerDecay(value = 0.75, layers = LayerIds.VIT_TIMM,\n      layerPattern = \"blocks\\\\.(\\\\d+)\\\\..*\") Layer vit;");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("is read only with layers = LayerIds.PATTERN, but layers is VIT_TIMM; remove one "
        + "of them [anneal:" + Message.LAYER_IDS_WITH_PATTERN.key() + "]").inFile(source).onLineContaining("layerPattern =");
  }
}
