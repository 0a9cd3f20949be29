package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every group's parameters of one {@link #kind()} move to the group {@code <group>.<kind>}
 * ({@code head.bias}, {@code head.norm}), which keeps every other setting of its group and takes
 * {@link #lrFactor()} times the group's lr and, when written, {@link #weightDecay()}. detectron2's
 * {@code get_default_optimizer_params} is
 *
 * <pre>{@code
 * @KindGroup(kind = ParamKind.BIAS, lrFactor = 2.0, weightDecay = 0.0)   // BIAS_LR_FACTOR, WEIGHT_DECAY_BIAS
 * @KindGroup(kind = ParamKind.NORM, weightDecay = 0.0)                   // WEIGHT_DECAY_NORM
 * }</pre>
 *
 * A parameter goes to the first that selects it, in the order written, then to {@link NoDecay}'s:
 * detectron2 gives a norm layer's bias the bias settings when it overrides biases, so {@code BIAS}
 * comes first there.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(KindGroups.class)
public @interface KindGroup {
  /** {@return the parameters it selects; not NONE} */
  ParamKind kind();

  /** {@return the factor on the group's lr, positive} */
  double lrFactor() default 1.0;

  /** {@return the selected parameters' weight decay, at least 0; left out, the group's own} */
  double weightDecay() default 0.0;
}
