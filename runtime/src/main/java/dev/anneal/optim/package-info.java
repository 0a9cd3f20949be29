/**
 * PyTorch's optimizers with PyTorch 2.x's names, arguments, defaults and numbers, plus LAMB, LARS
 * and a layer-adaptive Adam. Build one with {@link dev.anneal.optim.Optimizers#create}; each class
 * holds the hyperparameter checks and the per-parameter state, its math lives in a fused kernel
 * ({@link dev.anneal.optim.kernel}). Conformance with PyTorch is checked against recorded
 * fixtures ({@code src/test/resources/conformance/optimizers}).
 */
package dev.anneal.optim;
