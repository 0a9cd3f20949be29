package dev.anneal.spec;

/**
 * Anything that gives a {@link Spec}: a spec itself, or a typed builder such as
 * {@code AdamW.spec().lr(1e-3)}. Every method that takes a configuration takes one of these.
 */
@FunctionalInterface
public interface SpecSource {
  Spec toSpec();
}
