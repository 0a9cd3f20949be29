package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Layer-wise lr decay inside this field's group, timm's {@code param_groups_layer_decay}: each
 * parameter's layer is read from its name, and with {@code top} the largest layer the parameters of
 * layer {@code i} form the group {@code <group>.layer_<i>} with lr {@code lr * value^(top - i)};
 * names without a layer get the top layer. (For one lr per field, in field order, see
 * {@link LayerwiseDecay}.)
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LayerDecay {
  /** {@return the decay per layer, in (0, 1]} */
  double value();

  /**
   * A regular expression over the full parameter name with one capturing group around the layer
   * number ({@code ".*encoder\\.layer\\.(\\d+)\\..*"}); empty: the first number between dots, the
   * index of a DJL {@code SequentialBlock}'s child.
   *
   * @return the pattern, or empty
   */
  String layerPattern() default "";

  /** {@return how parameter names give layers: {@link #layerPattern()} (the default), or a named rule of timm's or MAE's} */
  LayerIds layers() default LayerIds.PATTERN;

  /** {@return whether each layer's factor scales its lr before the schedule or every lr the schedule gives (timm's lr_scale)} */
  LayerScale scales() default LayerScale.BASE_LR;
}
