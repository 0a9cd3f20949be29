package dev.anneal.samples.custom;

import com.google.auto.service.AutoService;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.OptimizerProvider;
import dev.anneal.optim.ParamGroup;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorProvider;
import dev.anneal.vocabulary.Range;
import java.util.List;
import java.util.Map;

/**
 * Registers {@link LayerwiseAdam} once, with its descriptor: AutoService writes the service file,
 * and from then on {@code Spec.of("LayerwiseAdam")}, JSON specs, {@link LayerwiseAdamSpec} and
 * {@code @Optimizer(custom = "LayerwiseAdam")} reach it like a built-in optimizer. The processor
 * reads the same descriptor at compile time, so a misspelled or out-of-range argument in an
 * annotation is a compile error.
 */
@AutoService(DescriptorProvider.class)
public final class LayerwiseAdamProvider implements OptimizerProvider {
  public static final String NAME = "LayerwiseAdam";

  static final Descriptor DESCRIPTOR = Descriptor.optimizer(NAME).origin(LayerwiseAdam.class.getName())
      .summary("Adam without bias correction, one step size per tensor from its mean |m| / (sqrt(v) + eps)")
      .arg(Argument.number("lr", 1e-3).range(Range.atLeast(0)).doc("learning rate"))
      .arg(Argument.tuple("betas", 0.9, 0.999).range(Range.closedOpen(0, 1)).doc("averaging coefficients of the gradient and its square"))
      .arg(Argument.number("eps", 1e-8).range(Range.atLeast(0)).doc("added to the denominator"))
      .arg(Argument.number("weight_decay", 0.0).range(Range.atLeast(0)).doc("L2 penalty added to the gradient"))
      .arg(Argument.number("trust_coefficient", 1.0).range(Range.atLeast(0)).doc("scale of each tensor's step"))
      .build();

  @Override
  public Descriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Optimizer create(List<ParamGroup> groups, Map<String, Object> kwargs) {
    return new LayerwiseAdam(groups, kwargs);
  }
}
