package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The plan keeps a stochastic weight average (PyTorch's {@code torch.optim.swa_utils} recipe, the
 * runtime's {@code ModelSwa}): the equal average of the weights at the end of every epoch from
 * {@link #fromEpoch()} on; read with {@code plan.averagedModel()}, saved and restored with the
 * plan's checkpoints. A model declares at most one of {@code @Swa} and {@link Ema}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Swa {
  /**
   * {@return the first epoch (0-based) after whose end the average is updated, below the training's
   * epochs; PyTorch's example {@code if epoch > swa_start} is {@code swa_start + 1}}
   */
  int fromEpoch();
}
