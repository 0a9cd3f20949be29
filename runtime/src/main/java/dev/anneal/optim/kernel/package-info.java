/**
 * The optimizers' fused element-wise passes: {@link dev.anneal.optim.kernel.ElementKernel} (one
 * loop over values, gradient and state, every array indexed alike so that C2 vectorizes it),
 * {@link dev.anneal.optim.kernel.Passes} (heap arrays in place, direct buffers through a
 * per-thread scratch, large tensors split across a persistent worker pool), allocation-free per
 * step.
 */
package dev.anneal.optim.kernel;
