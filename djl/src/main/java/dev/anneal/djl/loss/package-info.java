/**
 * The 21 {@code torch.nn} losses on DJL arrays, with PyTorch 2.x's constructor arguments,
 * defaults, shapes and numbers. Each is a {@link dev.anneal.djl.loss.TorchLoss}, a DJL
 * {@link ai.djl.training.loss.Loss} written as engine operations, so DJL's autograd differentiates
 * it and it plugs into DJL's {@code Trainer} as well as {@link dev.anneal.djl.DjlTrainer}. Build one
 * with its typed builder ({@code CrossEntropyLoss.builder().labelSmoothing(0.1).build()}) or by
 * PyTorch name ({@link dev.anneal.djl.loss.Losses#create}). A loss of one's own extends
 * {@link dev.anneal.djl.loss.TorchLoss} (or {@link dev.anneal.djl.loss.PointwiseLoss}) and joins by a
 * {@link dev.anneal.djl.loss.LossProvider} service. Bad inputs are refused with a
 * {@link dev.anneal.djl.loss.LossInputException} naming the argument. Conformance with PyTorch is
 * checked against recorded fixtures ({@code src/test/resources/conformance/losses}).
 */
package dev.anneal.djl.loss;
