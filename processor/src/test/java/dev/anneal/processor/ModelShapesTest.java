package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Models.strict;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Shapes of model classes the generated code must reach: records, static nested classes, accessors. */
class ModelShapesTest {

  @Test
  void recordComponentsAreReadThroughTheirAccessors() {
    Compilation compilation = strict(JavaFileObjects.forSourceString("test.R", String.join("\n",
        "package test;", Models.IMPORTS,
        "@Training(epochs = 2)",
        "@Optimizer(type = OptimizerType.SGD, lr = 0.1)",
        "record R(@LearningRate(0.01) Layer encoder, Parameter bias) {}")));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.RTraining").contentsAsUtf8String()
        .contains(".group(\"encoder\", model.encoder(), g -> g.lr(0.01))");
    assertThat(compilation).generatedSourceFile("test.RTraining").contentsAsUtf8String()
        .contains(".group(\"default\", model.bias())");
  }

  @Test
  void staticNestedModelGetsAnOuterPrefixedName() {
    Compilation compilation = strict(JavaFileObjects.forSourceString("test.Outer", String.join("\n",
        "package test;", Models.IMPORTS,
        "class Outer {",
        "  @Training(epochs = 2)",
        "  @Optimizer(type = OptimizerType.SGD, lr = 0.1)",
        "  static class Inner { Layer a; }",
        "}")));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Outer_InnerTraining").contentsAsUtf8String()
        .contains("plan(Outer.Inner model, int stepsPerEpoch)");
  }

  @Test
  void groupsConfiguredAlikeShareOneLambda() throws IOException {
    Compilation compilation = strict(Models.model(Models.SGD,
        "  @LearningRate(0.01) @Freeze(untilEpoch = 2) Layer a;\n  @LearningRate(0.01) @Freeze(untilEpoch = 2) Layer b;\n"
            + "  @LearningRate(0.02) Layer c;\n  @LearningRate(0.01) @Freeze(untilEpoch = 2) Layer d;"));
    assertThat(compilation).succeededWithoutWarnings();
    String source = compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString();
    assertThat(source).contains("Consumer<GroupConfig> sharedConfig1 = g -> g\n");
    assertThat(source).contains(".group(\"a\", model.a, sharedConfig1)");
    assertThat(source).contains(".group(\"b\", model.b, sharedConfig1)");
    assertThat(source).contains(".group(\"d\", model.d, sharedConfig1)");
    // a configuration of one group stays inline
    assertThat(source).contains(".group(\"c\", model.c, g -> g.lr(0.02))");
    assertThat(source).doesNotContain("sharedConfig2");
  }

  @Test
  void fieldWarmupLeadsIntoTheClassSchedule() {
    Compilation compilation = strict(Models.model(Models.SGD + "\n@Schedule(type = ScheduleType.COSINE)",
        "  @Warmup(epochs = 2, startFactor = 0.1) Layer head;\n  Layer body;"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.MTraining").contentsAsUtf8String().contains(
        "LinearWarmup.spec().warmupSteps(2).warmupFactor(0.1).then(\n"
            + "                CosineAnnealingLR.spec().tMax(8)), Interval.EPOCH))");
    // the other group keeps the class-level schedule over the whole training
    assertThat(compilation).generatedSourceFile("test.MTraining").contentsAsUtf8String().contains(
        ".schedule(CosineAnnealingLR.spec().tMax(10), Interval.EPOCH)");
  }

  @Test
  void arraysOfLayersAndParameters() {
    Compilation compilation = strict(Models.model(Models.SGD, "  @LearningRate(0.01) Layer[] blocks;\n  Parameter[] biases;"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.MTraining").contentsAsUtf8String()
        .contains(".group(\"blocks\", ParameterSource.concat(List.of(model.blocks)), g -> g.lr(0.01))");
    assertThat(compilation).generatedSourceFile("test.MTraining").contentsAsUtf8String()
        .contains(".group(\"default\", ParameterSource.concat(List.of(model.biases)))");
  }

  @Test
  void privateFieldWithGetter() {
    Compilation compilation = strict(Models.model(Models.SGD, "  private Layer head;\n  Layer getHead() { return head; }"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.MTraining").contentsAsUtf8String().contains("model.getHead()");
  }
}
