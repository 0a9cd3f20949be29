"""The Hugging Face Trainer's default optimizer and schedule under gradient accumulation, emulated in float64.

Follows huggingface/transformers:
  * src/transformers/trainer.py at commit 000945a9b726d87a93e61e873b88ff8f3cd411b5:
    - set_initial_training_values: num_update_steps_per_epoch = max(len_dataloader // gradient_accumulation_steps
      + int(len_dataloader % gradient_accumulation_steps > 0), 1) (a partial window counts as an update);
      max_steps = ceil(num_train_epochs * num_update_steps_per_epoch).
    - _inner_training_loop: per epoch, total_updates = steps_in_epoch // GA + int(remainder < GA) windows, the last
      one of `remainder` batches; self.current_gradient_accumulation_steps = len(batch_samples) (the loss of each
      micro-batch is divided by the window's real size); clip_grad_norm_(max_grad_norm); optimizer.step();
      lr_scheduler.step() (not a ReduceLROnPlateau) after each optimizer step.
    - create_optimizer: get_decay_parameter_names (every parameter except biases and LayerNorm weights) with
      args.weight_decay, the others with weight_decay 0.0; optim "adamw_torch": torch.optim.AdamW(lr=learning_rate,
      betas=(adam_beta1, adam_beta2) = (0.9, 0.999), eps=1e-8).
  * src/transformers/training_args.py at commit 00349ae87eddc872ffa21a8a54f264375a0056a8: get_warmup_steps =
    int(warmup_steps) if warmup_steps >= 1 else ceil(num_training_steps * warmup_steps) (warmup_ratio is deprecated
    and moved into warmup_steps; a float in [0, 1) is a ratio of the total steps).
  * src/transformers/optimization.py get_linear_schedule_with_warmup: LambdaLR with factor step / max(1, W) for
    step < W, else max(0, (T - step) / max(1, T - W)).
Arguments: learning_rate 5e-5, weight_decay 0.01, warmup_ratio 0.1, gradient_accumulation_steps 4, max_grad_norm 1.0,
num_train_epochs 3, lr_scheduler_type "linear". Two dataloader lengths, each ending its epochs with a partial window:
22 batches (ceil(22 / 4) = 6 updates per epoch, 18 steps, ceil(1.8) = 2 warmup steps) and 30 batches (8 updates per
epoch, 24 steps, ceil(2.4) = 3 warmup steps, where rounding would give 2).
"""
import math

from trace import case, step, write

REFERENCE = ("huggingface/transformers src/transformers/trainer.py (set_initial_training_values, _inner_training_loop, "
             "create_optimizer) @ 000945a9b726d87a93e61e873b88ff8f3cd411b5; training_args.py get_warmup_steps @ "
             "00349ae87eddc872ffa21a8a54f264375a0056a8; optimization.py get_linear_schedule_with_warmup")

# (name, decays) as a BERT classifier's named_parameters(): biases and LayerNorm weights get no decay
PARAMETERS = [
    ("bert.embeddings.word_embeddings.weight", True),
    ("bert.embeddings.LayerNorm.weight", False),
    ("bert.embeddings.LayerNorm.bias", False),
    ("bert.encoder.layer.0.attention.self.query.weight", True),
    ("bert.encoder.layer.0.attention.self.query.bias", False),
    ("classifier.weight", True),
    ("classifier.bias", False),
]

learning_rate = 5e-5
weight_decay = 0.01
warmup_ratio = 0.1
gradient_accumulation_steps = 4
num_train_epochs = 3


def linear_with_warmup(num_warmup_steps, num_training_steps):
    def lr_lambda(current_step):
        if current_step < num_warmup_steps:
            return float(current_step) / float(max(1, num_warmup_steps))
        return max(0.0, float(num_training_steps - current_step) / float(max(1, num_training_steps - num_warmup_steps)))
    return lr_lambda


def run(name, len_dataloader):
    ga = gradient_accumulation_steps
    num_update_steps_per_epoch = max(len_dataloader // ga + int(len_dataloader % ga > 0), 1)
    max_steps = math.ceil(num_train_epochs * num_update_steps_per_epoch)
    warmup_steps = math.ceil(max_steps * warmup_ratio)
    lr_lambda = linear_with_warmup(warmup_steps, max_steps)
    n = len(PARAMETERS)
    decay = [weight_decay if d else 0.0 for _, d in PARAMETERS]
    trace = []
    scheduler_step = 0  # LambdaLR's last_epoch: 0 after construction
    for epoch in range(num_train_epochs):
        steps_in_epoch = len_dataloader
        remainder = steps_in_epoch % ga
        if remainder == 0:
            remainder = ga
        total_updates = steps_in_epoch // ga + int(remainder < ga)
        for _ in range(total_updates):
            lr = learning_rate * lr_lambda(scheduler_step)
            trace.append(step(epoch, [lr] * n, decay, [False] * n, beta1=[0.9] * n))
            scheduler_step += 1  # optimizer.step(); lr_scheduler.step()
    assert len(trace) == max_steps
    return case(name, "HfTrainer", REFERENCE, epochs=num_train_epochs, batches_per_epoch=len_dataloader,
                parameters=[p for p, _ in PARAMETERS], trace=trace)


def main():
    write("hf_trainer.json", [run("hf_trainer_22_batches", 22), run("hf_trainer_30_batches", 30)])


if __name__ == "__main__":
    main()
