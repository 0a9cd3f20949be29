package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.anneal.annotations.LossType;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Vocabulary;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code loss()} writes {@code <Loss>.builder().<javaName>(...)} for every argument a
 * {@code @Loss} can give: every {@link LossType} has a descriptor, and every descriptor argument a
 * setter of that name on the loss's builder in {@code dev.anneal.djl.loss}.
 */
class LossTypesTest {

  @Test
  void everyLossTypeHasADescriptorAndEveryDescriptorALossType() {
    List<String> described = Vocabulary.builtIns().all(Category.LOSS).stream().map(Descriptor::name).toList();
    assertThat(builtIns().stream().map(LossType::pytorchName).toList()).containsExactlyElementsIn(described).inOrder();
  }

  /** Every type but {@link LossType#CUSTOM}, which names a registered loss through {@code custom}. */
  private static List<LossType> builtIns() {
    return Arrays.stream(LossType.values()).filter(t -> t != LossType.CUSTOM).toList();
  }

  @Test
  void everyArgumentHasASetterOnTheBuilder() throws ReflectiveOperationException {
    for (LossType type : builtIns()) {
      Descriptor descriptor = Vocabulary.builtIns().require(Category.LOSS, type.pytorchName());
      Class<?> builder = Class.forName("dev.anneal.djl.loss." + type.pytorchName()).getMethod("builder").getReturnType();
      List<String> setters = Arrays.stream(builder.getMethods()).map(Method::getName).toList();
      for (Argument argument : descriptor.arguments()) {
        assertWithMessage("%s.Builder.%s", type.pytorchName(), argument.javaName()).that(setters).contains(argument.javaName());
      }
    }
  }
}
