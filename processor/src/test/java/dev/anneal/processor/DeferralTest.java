package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** A model whose field type another processor generates is processed in the round the type appears. */
class DeferralTest {

  /** Writes {@code test.GeneratedLayer}, a ParameterSource, in its first round, as a code generator would. */
  static final class LayerGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer out = processingEnv.getFiler().createSourceFile("test.GeneratedLayer").openWriter()) {
          out.write("package test;\npublic final class GeneratedLayer implements dev.anneal.param.ParameterSource {\n"
              + "  public java.util.List<dev.anneal.param.Parameter> parameters() { return java.util.List.of(); }\n}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void fieldTypeGeneratedInALaterRound() {
    AnnealProcessor anneal = new AnnealProcessor();
    // Anneal runs first: in round 1 GeneratedLayer does not exist yet
    Compilation compilation = Compiler.javac().withProcessors(anneal, new LayerGenerator())
        .compile(Models.model(Models.SGD, "  @LearningRate(0.01) GeneratedLayer head;\n  Layer body;"));
    assertThat(compilation).succeeded();
    assertThat(anneal.generated()).containsExactly("test.MTraining");
    assertThat(compilation).generatedSourceFile("test.MTraining").contentsAsUtf8String().contains("model.head");
  }

  @Test
  void fieldTypeThatNeverAppearsIsLeftToJavac() {
    Compilation compilation = Compiler.javac().withProcessors(new AnnealProcessor())
        .compile(Models.model(Models.SGD, "  @LearningRate(0.01) MissingLayer head;"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(null)).filter(m -> m.contains("[anneal:")).toList()).isEmpty();
  }
}
