package dev.anneal.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.ReduceLrOnPlateau;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Vocabulary;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The annotations and the vocabulary say one thing: every typed attribute of {@code @Optimizer},
 * {@code @Schedule} and {@code @ReduceLrOnPlateau} is the argument of the same Java name of at least
 * one optimizer or schedule (the processor reads it as that argument), so no attribute is
 * documented for a type that refuses it.
 */
class AnnotationAttributesTest {
  private static final Set<String> NOT_ARGUMENTS = Set.of("type", "custom", "interval", "kwargs", "monitor");

  @Test
  void everyOptimizerAttributeIsAnArgument() {
    List<Descriptor> optimizers = new ArrayList<>();
    for (OptimizerType type : OptimizerType.values()) {
      if (type != OptimizerType.CUSTOM) {
        optimizers.add(Vocabulary.builtIns().require(Category.OPTIMIZER, type.pytorchName()));
      }
    }
    check(Optimizer.class, optimizers);
  }

  @Test
  void everyScheduleAttributeIsAnArgument() {
    List<Descriptor> schedules = new ArrayList<>();
    for (ScheduleType type : ScheduleType.values()) {
      if (type != ScheduleType.CUSTOM) {
        schedules.add(Vocabulary.builtIns().require(Category.SCHEDULER, type.pytorchName()));
      }
    }
    check(Schedule.class, schedules);
  }

  @Test
  void everyPlateauAttributeIsAnArgument() {
    check(ReduceLrOnPlateau.class, List.of(Vocabulary.builtIns().require(Category.SCHEDULER, "ReduceLROnPlateau")));
  }

  private static void check(Class<?> annotation, List<Descriptor> descriptors) {
    for (Method attribute : annotation.getDeclaredMethods()) {
      if (NOT_ARGUMENTS.contains(attribute.getName())) {
        continue;
      }
      boolean taken = descriptors.stream()
          .anyMatch(d -> d.arguments().stream().map(Argument::javaName).anyMatch(attribute.getName()::equals));
      assertWithMessage("@%s %s is the argument of no descriptor", annotation.getSimpleName(), attribute.getName())
          .that(taken).isTrue();
    }
  }
}
