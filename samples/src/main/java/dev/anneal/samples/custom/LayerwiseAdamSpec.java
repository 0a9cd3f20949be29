package dev.anneal.samples.custom;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.List;

/**
 * The typed DSL's builder for {@link LayerwiseAdam}, written the way the built-in ones are
 * generated: Java-named, typed setters over the descriptor's PyTorch names, accepted wherever a
 * spec is ({@code TrainingPlan.builder().optimizer(LayerwiseAdamSpec.spec().lr(0.05))}).
 */
public final class LayerwiseAdamSpec extends TypedSpec<LayerwiseAdamSpec> {
  private LayerwiseAdamSpec() {
    super(Category.OPTIMIZER, LayerwiseAdamProvider.NAME);
  }

  /** A {@code LayerwiseAdam} with its descriptor's defaults; each setter overrides one. */
  public static LayerwiseAdamSpec spec() {
    return new LayerwiseAdamSpec();
  }

  public LayerwiseAdamSpec lr(double lr) {
    return set("lr", lr);
  }

  public LayerwiseAdamSpec betas(double first, double second) {
    return set("betas", List.of(first, second));
  }

  public LayerwiseAdamSpec eps(double eps) {
    return set("eps", eps);
  }

  public LayerwiseAdamSpec weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  public LayerwiseAdamSpec trustCoefficient(double trustCoefficient) {
    return set("trust_coefficient", trustCoefficient);
  }
}
