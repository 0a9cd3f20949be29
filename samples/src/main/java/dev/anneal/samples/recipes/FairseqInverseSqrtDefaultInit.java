package dev.anneal.samples.recipes;

import dev.anneal.annotations.Interval;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.param.Layer;

/**
 * fairseq's inverse_sqrt with the default warmup_init_lr ({@code examples/translation/README.md}), scaled down:
 * {@code --optimizer adam --adam-betas '(0.9, 0.98)' --weight-decay 0.0001} (fairseq's Adam decays
 * the weights decoupled, as AdamW) and {@code --lr 0.0005 --lr-scheduler inverse_sqrt
 * --warmup-updates 4} without {@code --warmup-init-lr}, whose default -1 means 0, 2 epochs of 6 updates.
 */
@Training(epochs = 2)
@Optimizer(type = OptimizerType.ADAMW, lr = 5e-4, betas = {0.9, 0.98}, weightDecay = 1e-4)
@Schedule(type = ScheduleType.FAIRSEQ_INVERSE_SQRT, interval = Interval.STEP, warmupUpdates = 4)
public final class FairseqInverseSqrtDefaultInit {
  final Layer encoder = new Layer("encoder");
  final Layer decoder = new Layer("decoder");

  public FairseqInverseSqrtDefaultInit() {
    encoder.add("embed_tokens.weight", 4, 2);
    encoder.add("layers.0.self_attn.k_proj.weight", 2, 2);
    encoder.add("layers.0.self_attn.k_proj.bias", 2);
    decoder.add("layers.0.final_layer_norm.weight", 2);
    decoder.add("output_projection.weight", 4, 2);
  }
}
