package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Models.ADAMW;
import static dev.anneal.processor.Models.compile;
import static dev.anneal.processor.Models.generatedCompact;
import static dev.anneal.processor.Models.model;
import static dev.anneal.processor.Models.strict;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.anneal.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @NoDecay} and {@code @LayerDecay}: written as the DSL's rules, checked at compile time. */
class ParamSplitAnnotationTest {

  @Test
  void fieldRulesAreWrittenAsTheDslCalls() throws Exception {
    Compilation compilation = strict(model(ADAMW, String.join("\n",
        "  @NoDecay(names = {\"*.pos_embed\", \"*.cls_token\"}) @LayerDecay(0.75) Layer vit;",
        "  @NoDecay(value = ParamKind.NONE, names = \"*.scale\")",
        "  @LayerDecay(value = 0.5, layerPattern = \"enc\\\\.(\\\\d+)\\\\..*\") Layer enc;")));
    assertThat(compilation).succeededWithoutWarnings();
    String code = generatedCompact(compilation);
    assertThat(code).contains(".group(\"vit\",model.vit,g->g.layerDecay(0.75,LayerIndex.blockIndex())"
        + ".noDecay(ParamRule.biasAndNorm().or(ParamRule.names(\"*.pos_embed\",\"*.cls_token\"))))");
    assertThat(code).contains(".group(\"enc\",model.enc,g->g.layerDecay(0.5,LayerIndex.pattern(\"enc\\\\.(\\\\d+)\\\\..*\"))"
        + ".noDecay(ParamRule.names(\"*.scale\")))");
  }

  @Test
  void aClassRuleSplitsEveryGroupAndAFieldsOwnWins() throws Exception {
    Compilation compilation = strict(JavaFileObjects.forSourceString("test.M", String.join("\n",
        "package test;", Models.IMPORTS, ADAMW,
        "@NoDecay",
        "class M {",
        "  @LearningRate(1e-4) Layer stem;",
        "  @NoDecay(ParamKind.ONE_DIMENSIONAL) Layer body;",
        "  Layer head;",
        "}")));
    assertThat(compilation).succeededWithoutWarnings();
    String code = generatedCompact(compilation);
    assertThat(code).contains(".group(\"stem\",model.stem,g->g.lr(1.0E-4).noDecay(ParamRule.biasAndNorm()))");
    assertThat(code).contains(".group(\"body\",model.body,g->g.noDecay(ParamRule.ndimAtMost(1)))");
    assertThat(code).contains(".group(\"default\",model.head,g->g.noDecay(ParamRule.biasAndNorm()))");
  }

  @Test
  void theGeneratedPlanHasTimmsGroups() throws Exception {
    Compilation compilation = strict(JavaFileObjects.forSourceString("test.M", String.join("\n",
        "package test;", Models.IMPORTS,
        "@Training(epochs = 2)",
        "@Optimizer(type = OptimizerType.ADAMW, lr = 0.001, weightDecay = 0.05)",
        "class M {",
        "  @NoDecay @LayerDecay(0.5) final Layer blocks = new Layer(\"blocks\");",
        "  M() {",
        "    blocks.add(\"0.weight\", 2, 2);",
        "    blocks.add(\"0.bias\", 2);",
        "    blocks.add(\"1.weight\", 2, 2);",
        "    blocks.add(\"2.weight\", 2, 2);",
        "  }",
        "}")));
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new GeneratedPlansRunProperties.GeneratedClassLoader(compilation, getClass().getClassLoader());
    Class<?> modelClass = loader.loadClass("test.M");
    var constructor = modelClass.getDeclaredConstructor();
    constructor.setAccessible(true);
    dev.anneal.plan.TrainingPlan plan = (dev.anneal.plan.TrainingPlan) loader.loadClass("test.MTraining")
        .getMethod("plan", modelClass, int.class).invoke(null, constructor.newInstance(), 3);
    java.util.List<String> groups = new java.util.ArrayList<>();
    for (dev.anneal.optim.ParamGroup g : plan.groups()) {
      groups.add(g.name() + " " + g.params().stream().map(dev.anneal.param.Parameter::name).toList() + " lr=" + g.lr()
          + " wd=" + g.get("weight_decay"));
    }
    // timm: layer_max = 2, scales 0.25, 0.5, 1; the bias (1-D) without decay
    assertThat(groups).containsExactly(
        "blocks.layer_0 [blocks.0.weight] lr=2.5E-4 wd=0.05",
        "blocks.layer_0.no_decay [blocks.0.bias] lr=2.5E-4 wd=0.0",
        "blocks.layer_1 [blocks.1.weight] lr=5.0E-4 wd=0.05",
        "blocks.layer_2 [blocks.2.weight] lr=0.001 wd=0.05").inOrder();
  }

  @Test
  void noDecayOnAnOptimizerWithoutWeightDecayIsAnError() {
    JavaFileObject source = model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.LBFGS, lr = 1)",
        "  @NoDecay Layer a;");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    DiagnosticsTest.assertDiagnostic(compilation, Message.NOT_APPLICABLE, source, "@NoDecay does not apply to LBFGS", "@NoDecay Layer a");
  }

  @Test
  void noDecaySelectingNothingIsAnErrorOnTheKind() {
    JavaFileObject source = model(ADAMW, "  @NoDecay(\n      ParamKind.NONE) Layer a;");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    DiagnosticsTest.assertDiagnostic(compilation, Message.NO_DECAY_SELECTS_NOTHING, source,
        "@NoDecay(ParamKind.NONE) with no names selects no parameters", "ParamKind.NONE) Layer a");
  }

  @Test
  void layerDecayOutOfRangeIsAnErrorOnTheValue() {
    JavaFileObject source = model(ADAMW, "  @LayerDecay(\n      1.5) Layer a;");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    DiagnosticsTest.assertDiagnostic(compilation, Message.OUT_OF_RANGE, source, "@LayerDecay value must be in (0, 1], was 1.5",
        "1.5) Layer a");
  }

  @Test
  void aLayerPatternWithoutAGroupIsAnErrorOnThePattern() {
    JavaFileObject source = model(ADAMW, "  @LayerDecay(value = 0.8,\n      layerPattern = \"blocks.*\") Layer a;");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    DiagnosticsTest.assertDiagnostic(compilation, Message.LAYER_PATTERN, source,
        "@LayerDecay layerPattern \"blocks.*\" has no capturing group", "layerPattern = \"blocks.*\"");
  }

  @Test
  void twoFieldsOfOneGroupWithDifferentSplitsConflict() {
    JavaFileObject source = model(ADAMW, String.join("\n",
        "  @Group(\"g\") @NoDecay Layer a;",
        "  @Group(\"g\")",
        "  @NoDecay(ParamKind.ONE_DIMENSIONAL) Layer b;"));
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    DiagnosticsTest.assertDiagnostic(compilation, Message.GROUP_CONFLICT, source, "field a and field b share group \"g\"",
        "@NoDecay(ParamKind.ONE_DIMENSIONAL)");
  }
}
