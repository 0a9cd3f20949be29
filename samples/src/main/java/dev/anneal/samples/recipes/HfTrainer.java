package dev.anneal.samples.recipes;

import dev.anneal.annotations.Accumulate;
import dev.anneal.annotations.ClipGradNorm;
import dev.anneal.annotations.Interval;
import dev.anneal.annotations.LossScale;
import dev.anneal.annotations.NoDecay;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.param.Layer;

/**
 * The Hugging Face Trainer's defaults on a BERT classifier: {@code adamw_torch} (lr 5e-5, weight
 * decay 0.01 on every parameter but biases and LayerNorm weights), {@code lr_scheduler_type="linear"}
 * with {@code warmup_ratio=0.1} ({@code ceil(0.1 * max_steps)} warmup steps), 3 epochs,
 * {@code gradient_accumulation_steps=4} (an epoch's last, partial window is an update too, so
 * {@code ceil(batches / 4)} updates per epoch, each micro-batch's loss divided by its window's
 * size, {@code current_gradient_accumulation_steps}) and {@code max_grad_norm=1.0}.
 */
@Training(epochs = 3)
@Optimizer(type = OptimizerType.ADAMW, lr = 5e-5, weightDecay = 0.01)
@NoDecay
@Schedule(type = ScheduleType.LINEAR_WITH_WARMUP, interval = Interval.STEP, warmupRatio = 0.1)
@ClipGradNorm(1.0)
@Accumulate(value = 4, lossScale = LossScale.WINDOW)
public final class HfTrainer {
  final Layer bert = new Layer("bert");
  final Layer classifier = new Layer("classifier");

  public HfTrainer() {
    bert.add("embeddings.word_embeddings.weight", 4, 2);
    bert.add("embeddings.LayerNorm.weight", 2);
    bert.add("embeddings.LayerNorm.bias", 2);
    bert.add("encoder.layer.0.attention.self.query.weight", 2, 2);
    bert.add("encoder.layer.0.attention.self.query.bias", 2);
    classifier.add("weight", 3, 2);
    classifier.add("bias", 3);
  }
}
