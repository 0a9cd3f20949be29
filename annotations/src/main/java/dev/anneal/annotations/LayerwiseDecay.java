package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Layer-wise learning-rate decay over the fields in declaration order, as timm's
 * {@code layer_decay} and fastai's {@code slice}: every trained field becomes its own group, the
 * last one gets the optimizer's lr and each earlier one {@code factor} times the lr of the next.
 * Fields with their own {@link LearningRate} are not allowed with it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface LayerwiseDecay {
  /** {@return ratio between the lr of a field and the lr of the field after it, in (0, 1]} */
  double value();
}
