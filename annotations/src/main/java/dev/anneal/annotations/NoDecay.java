package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * No weight decay for some of a group's parameters: they move to the group {@code <group>.no_decay},
 * which keeps every other setting of the group, with {@code weight_decay = 0}. On the class, every
 * group splits so (a field's own {@code @NoDecay} wins); {@code @NoDecay} alone is timm's
 * {@code param_groups_weight_decay}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface NoDecay {
  /** {@return parameters selected by kind} */
  ParamKind value() default ParamKind.BIAS_AND_NORM;

  /** {@return glob patterns of full parameter names also selected ({@code "*.pos_embed"}), as timm's {@code no_weight_decay_list}} */
  String[] names() default {};
}
