/**
 * The typed DSL, written from the descriptors by {@code TypedSpecWriter} (runtime tests; do not edit
 * by hand): one builder per optimizer and scheduler, named as the runtime's class
 * ({@code AdamW.spec().lr(1e-3).weightDecay(0.05)}, {@code CosineAnnealingLR.spec().tMax(5500)},
 * {@code Sgd.spec()}), and {@link dev.anneal.spec.typed.Specs} to reach them all. Each setter is
 * typed (enums for PyTorch's string choices) and its value is checked by the descriptor at once.
 */
package dev.anneal.spec.typed;
