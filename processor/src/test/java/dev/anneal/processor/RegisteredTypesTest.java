package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.DiagnosticsTest.assertDiagnostic;
import static dev.anneal.processor.Models.compile;
import static dev.anneal.processor.Models.model;

import com.google.testing.compile.Compilation;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.processor.base.Message;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Vocabulary;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Optimizers and schedules are named by the vocabulary: every annotation type has a descriptor,
 * and one registered by a user ({@code test.registered.CompanyDescriptors}, a service on the
 * processor path) is validated from its descriptor exactly like a built-in one.
 */
class RegisteredTypesTest {

  @Test
  void everyAnnotationTypeHasADescriptor() {
    Vocabulary builtIns = Vocabulary.builtIns();
    for (OptimizerType type : OptimizerType.values()) {
      if (type != OptimizerType.CUSTOM) {
        assertThat(builtIns.find(Category.OPTIMIZER, type.pytorchName())).isPresent();
      }
    }
    for (ScheduleType type : ScheduleType.values()) {
      if (type != ScheduleType.CUSTOM) {
        assertThat(builtIns.find(Category.SCHEDULER, type.pytorchName())).isPresent();
      }
    }
  }

  @Test
  void registeredOptimizerAndScheduleAreWrittenBySpec() {
    Compilation compilation = compile(model("@Training(epochs = 4)\n@Optimizer(custom = \"SignSgd\", lr = 0.01, momentum = 0.9)\n"
        + "@Schedule(custom = \"HalvingLR\", kwargs = @Kwarg(name = \"period\", value = \"2\"))", "  Layer a;"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.MTraining").contentsAsUtf8String()
        .contains("Spec.of(\"SignSgd\").with(\"lr\", 0.01).with(\"momentum\", 0.9)");
    assertThat(compilation).generatedSourceFile("test.MTraining").contentsAsUtf8String()
        .contains("Spec.of(\"HalvingLR\").with(\"period\", 2)");
  }

  @Test
  void registeredOptimizerArgumentOutOfItsRange() {
    JavaFileObject source = model("@Training(epochs = 4)\n@Optimizer(custom = \"SignSgd\", lr = 0.01,\n    momentum = 1.5)", "  Layer a;");
    assertDiagnostic(compile(source), Message.OUT_OF_RANGE, source, "@Optimizer momentum must be in [0, 1), was 1.5",
        "momentum = 1.5");
  }

  @Test
  void registeredScheduleMissingItsRequiredArgument() {
    JavaFileObject source = model("@Training(epochs = 4)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1)\n"
        + "@Schedule(\n    custom = \"HalvingLR\")", "  Layer a;");
    assertDiagnostic(compile(source), Message.MISSING_ARGUMENT, source,
        "HalvingLR needs period; set kwargs = @Kwarg(name = \"period\", value = \"...\")", "custom = \"HalvingLR\"");
  }

  @Test
  void misspelledRegisteredName() {
    JavaFileObject source = model("@Training(epochs = 4)\n@Optimizer(\n    custom = \"SignSdg\", lr = 0.1)", "  Layer a;");
    assertDiagnostic(compile(source), Message.UNKNOWN_TYPE, source, "unknown optimizer SignSdg (did you mean SignSgd?)",
        "custom = \"SignSdg\"");
  }

  @Test
  void typeAndCustomTogether() {
    JavaFileObject source = model("@Training(epochs = 4)\n@Optimizer(type = OptimizerType.SGD,\n    custom = \"SignSgd\", lr = 0.1)",
        "  Layer a;");
    assertDiagnostic(compile(source), Message.TYPE_AND_CUSTOM, source, "@Optimizer gives both type and custom", "custom = \"SignSgd\"");
  }

  @Test
  void optimizerWithoutTypeOrCustom() {
    JavaFileObject source = model("@Training(epochs = 4)\n@Optimizer(lr = 0.1)", "  Layer a;");
    assertDiagnostic(compile(source), Message.NEEDS_TYPE, source, "@Optimizer needs type = ... or custom", "@Optimizer(lr = 0.1)");
  }

  @Test
  void sparseAdamIsRefusedByNameWithTheReason() {
    JavaFileObject source = model("@Training(epochs = 4)\n@Optimizer(\n    custom = \"SparseAdam\", lr = 0.1)", "  Layer a;");
    assertDiagnostic(compile(source), Message.UNSUPPORTED, source, "SparseAdam is not supported: ", "custom = \"SparseAdam\"");
  }
}
