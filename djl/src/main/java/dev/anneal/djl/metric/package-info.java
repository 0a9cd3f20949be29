/**
 * Evaluation metrics on DJL arrays that are not training losses, such as the 0-1 loss
 * ({@link dev.anneal.djl.metric.ZeroOneLoss}): DJL {@code Evaluator}s, for reporting, never for
 * gradients.
 */
package dev.anneal.djl.metric;
