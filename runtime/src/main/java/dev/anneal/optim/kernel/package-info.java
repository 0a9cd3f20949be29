/**
 * The optimizers' fused passes: {@link dev.anneal.optim.kernel.ElementKernel} (one loop over values,
 * gradient and state, every array indexed alike so that C2 vectorizes it) run by
 * {@link dev.anneal.optim.kernel.Passes} (heap arrays in place, direct buffers through small
 * per-thread chunk copies, a step's tensors batched into one multi-tensor pass split across a
 * persistent worker pool), and {@link dev.anneal.optim.kernel.ReductionKernel} run by
 * {@link dev.anneal.optim.kernel.Reductions} (norms and means as partial sums over fixed blocks,
 * combined in a fixed order, so results are bit-reproducible). Allocation-free per step.
 */
package dev.anneal.optim.kernel;
