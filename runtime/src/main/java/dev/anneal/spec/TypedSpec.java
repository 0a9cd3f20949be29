package dev.anneal.spec;

import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Problem;
import java.util.Objects;

/**
 * The base of the typed DSL: {@code AdamW.spec().lr(1e-3).weightDecay(0.05)} is a {@code TypedSpec}
 * whose setters, generated from the descriptors (package {@code dev.anneal.spec.typed}), each check
 * their value with the descriptor as it is set, so a bad value fails on the line that wrote it.
 * It is a {@link SpecSource}, accepted wherever a {@link Spec} is. Write one for your own
 * optimizer the same way: {@code MyAdamSpec lr(double lr) { return set("lr", lr); }}.
 *
 * @param <B> the builder itself, so setters chain
 */
public abstract class TypedSpec<B extends TypedSpec<B>> implements SpecSource {
  private final Descriptor descriptor;
  private Spec spec;

  /** A builder for the descriptor {@code name} of {@code category} (built-in or registered). */
  protected TypedSpec(Category category, String name) {
    this.descriptor = Registry.require(category, name);
    this.spec = Spec.of(descriptor.name());
  }

  /** {@return the descriptor this builder writes for} */
  public final Descriptor descriptor() {
    return descriptor;
  }

  /** Sets an argument by its PyTorch name, checked now by the descriptor. */
  protected final B set(String pythonName, Object value) {
    Problem problem = descriptor.checkOne(pythonName, value);
    if (problem != null) {
      throw new IllegalArgumentException(problem.message());
    }
    spec = spec.with(pythonName, value);
    return self();
  }

  /** Child schedules (SequentialLR, ChainedScheduler; for a warmup, the schedule that follows it). */
  protected final B children(SpecSource... children) {
    spec = spec.withChildren(children);
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  @Override
  public final Spec toSpec() {
    return spec;
  }

  @Override
  public final String toString() {
    return spec.toString();
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof TypedSpec<?> other && getClass() == other.getClass() && spec.equals(other.spec);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(getClass(), spec);
  }
}
