package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.anneal.processor.base.Message;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Issue 25, item 6: careless models get a diagnostic naming the fault, or code that compiles and is right. */
class UntrustedModelsTest {
  private static final String STRICT_SGD = Models.SGD;

  private static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString("test." + name, "package test;\n\n" + Models.IMPORTS + body);
  }

  private static List<String> warnings(Compilation c) {
    return c.warnings().stream().map(d -> d.getMessage(Locale.ROOT)).filter(m -> !m.startsWith("No processor claimed")).toList();
  }

  @Test
  void inheritedFieldsAreParametersLikePyTorchsNamedParameters() {
    JavaFileObject base = source("Base", "class Base {\n  final Layer backbone = new Layer(\"b\");\n}\n");
    JavaFileObject m = source("M", STRICT_SGD + "\nclass M extends Base {\n  @LearningRate(0.01) Layer head = new Layer(\"h\");\n}\n");
    Compilation c = Models.compile(base, m);
    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("test.MTraining").contentsAsUtf8String().contains(".group(\"default\", model.backbone)");
    assertEquals(List.of(), warnings(c));
  }

  @Test
  void anInheritedFieldTheGeneratedCodeCannotReadIsRefusedOnTheField() {
    JavaFileObject base = source("Base", "class Base {\n  private final Layer backbone = new Layer(\"b\");\n}\n");
    JavaFileObject m = source("M", STRICT_SGD + "\nclass M extends Base {\n  Layer head;\n}\n");
    Compilation c = Models.compile(base, m);
    assertThat(c).hadErrorContaining("field backbone inherited from Base cannot be read by the generated MTraining (it is private);")
        .inFile(base).onLineContaining("backbone");
  }

  @Test
  void anInheritedFieldReadThroughAnAccessor() {
    JavaFileObject base = source("Base", "class Base {\n  private final Layer backbone = new Layer(\"b\");\n"
        + "  Layer backbone() { return backbone; }\n}\n");
    JavaFileObject m = source("M", STRICT_SGD + "\nclass M extends Base {\n  Layer head;\n}\n");
    Compilation c = Models.compile(base, m);
    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("test.MTraining").contentsAsUtf8String().contains("model.backbone()");
  }

  @Test
  void aHiddenInheritedFieldIsRefused() {
    JavaFileObject base = source("Base", "class Base {\n  Layer head = new Layer(\"b\");\n}\n");
    JavaFileObject m = source("M", STRICT_SGD + "\nclass M extends Base {\n  Layer head;\n}\n");
    assertThat(Models.compile(base, m)).hadErrorContaining("field head inherited from Base is hidden by field head of M");
  }

  @Test
  void lineSeparatorsAndCommentEndsInAnnotationStringsCompile() {
    Compilation c = Models.compile(
        Models.model(STRICT_SGD, "  @Group(\"a\\u2028b\\u2029c*/d\\\"e\\\\f\") Layer stem = new Layer(\"s\");"));
    assertThat(c).succeeded();
    assertEquals(List.of(), warnings(c));
    assertThat(c).generatedSourceFile("test.MTraining").contentsAsUtf8String()
        .contains(".group(\"a\\u2028b\\u2029c*/d\\\"e\\\\f\", model.stem)");
  }

  @Test
  void twoModelsInOneFileAreRefusedWithTheFixNotAnAuxiliaryClassWarning() {
    JavaFileObject two = source("M", STRICT_SGD + "\nclass M { Layer a = new Layer(\"a\"); }\n"
        + STRICT_SGD + "\nclass N { Layer b = new Layer(\"b\"); }\n");
    Compilation c = Models.compile(two);
    assertThat(c).hadErrorContaining("N is declared in M.java beside another top-level class; the generated NTraining could only use "
        + "it with javac's auxiliaryclass warning, which fails -Werror builds: move N to its own file N.java or make it a static "
        + "nested class").inFile(two);
    assertTrue(c.warnings().stream().noneMatch(w -> w.getMessage(Locale.ROOT).contains("auxiliary class")), c.warnings().toString());
  }

  @Test
  void trainingOnALocalClassIsAnError() {
    JavaFileObject local = source("L", "class L {\n  void f() {\n    " + STRICT_SGD.replace("\n", "\n    ")
        + "\n    class Local { Layer a = new Layer(\"a\"); }\n  }\n}\n");
    // javac runs a processor only for a compilation holding its annotations where processors see them:
    // here the model M; a compilation whose only one is on a local class never reaches the processor
    Compilation c = Models.compile(local, Models.model(STRICT_SGD, "  Layer a;"));
    assertThat(c).hadErrorContaining("@Training on the local class Local does nothing: annotation processors never see local "
        + "classes, so no LocalTraining is generated; make it a top-level or static nested class").inFile(local)
        .onLineContaining("class Local");
  }

  @Test
  void aSequentialMilestonePastTheEndIsAWarning() {
    Compilation c = Models.compile(Models.model(STRICT_SGD + "\n@SequentialSchedule(value = {@Schedule(type = ScheduleType.LINEAR), "
        + "@Schedule(type = ScheduleType.COSINE)},\n    milestones = {12})", "  Layer a;"));
    assertThat(c).hadWarningContaining("@SequentialSchedule milestone 12 is at or after the end of the training (10 epochs)");
  }

  @Test
  void multiStepMilestonesOutOfOrderAreAWarningAndTheLargestIsCheckedAgainstTheEnd() {
    JavaFileObject model = Models.model(STRICT_SGD + "\n@Schedule(type = ScheduleType.MULTI_STEP,\n    milestones = {12, 3})",
        "  Layer a;");
    Compilation c = Models.compile(model);
    assertThat(c).hadWarningContaining("MultiStepLR milestones [12, 3] are not increasing; PyTorch counts them as a set")
        .inFile(model).onLineContaining("milestones = {12, 3}");
    assertThat(c).hadWarningContaining("MultiStepLR milestone 12 is at or after the end of the training (10 epochs)");
    assertEquals(Diagnostic.Kind.WARNING, Message.MILESTONES_UNORDERED.kind());
  }

  @Test
  void deeplyNestedKwargIsABadValueNotAnInternalError() {
    String nested = "(".repeat(5000) + ")".repeat(5000);
    Compilation c = Models.compile(Models.model(STRICT_SGD + "\n@Schedule(type = ScheduleType.STEP, stepSize = 2,\n"
        + "    kwargs = @Kwarg(name = \"gamma\", value = \"" + nested + "\"))", "  Layer a;"));
    assertThat(c).hadErrorContaining("argument gamma of StepLR must be a number (nested deeper than 32 levels at character 32), "
        + "was \"((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((... (10000 characters)\"");
    assertTrue(c.errors().stream().noneMatch(e -> e.getMessage(Locale.ROOT).contains("internal-error")));
  }

  /** Found by ProcessorFuzzTest: "nul\u0000" became the group "nul" without a word. */
  @Test
  void aGroupNameWithPaddingIsRefusedNotSilentlyTrimmed() {
    JavaFileObject model = Models.model(STRICT_SGD, "  @Group(\"stem\\u0000\") Layer stem;");
    assertThat(Models.compile(model)).hadErrorContaining("@Group name \"stem\\u0000\" of field stem begins or ends with whitespace "
        + "or a control character, which the name would silently lose; write \"stem\"").inFile(model).onLineContaining("@Group");
  }
}
