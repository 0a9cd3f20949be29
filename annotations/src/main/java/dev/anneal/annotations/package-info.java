/**
 * Training configuration declared on a model's fields: the optimizer and its hyperparameters as
 * class-level defaults, per-field overrides, schedules, warmup, freezing, clipping and
 * accumulation. The Anneal processor checks these at compile time and writes a
 * {@code <Model>Training} class whose {@code plan(model, stepsPerEpoch)} builds the runtime's
 * {@code TrainingPlan}.
 *
 * <p>All annotations have {@code CLASS} retention: the processor and incremental compilers see
 * them, the running program does not need them. Attributes are named after PyTorch's keyword
 * arguments in Java case ({@code weight_decay} is {@code weightDecay}); only the attributes a user
 * writes are passed on, so defaults shown here are PyTorch's and serve as documentation.
 */
package dev.anneal.annotations;
