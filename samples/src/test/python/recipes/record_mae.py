"""MAE fine-tuning (main_finetune.py): AdamW over param_groups_lrd, a per-iteration half-cycle cosine after a
linear warmup, the layer-wise lr_scale multiplying the ONE lr of each iteration.

Follows facebookresearch/mae at commit efb2a8062c206524e35e47d04501ed4f544c0ae8:
  util/lr_decay.py      param_groups_lrd, get_layer_id_for_vit
  util/lr_sched.py      adjust_learning_rate
  engine_finetune.py    adjust_learning_rate(optimizer, data_iter_step / len(data_loader) + epoch, args) every iteration
  main_finetune.py      args.lr = args.blr * eff_batch_size / 256; torch.optim.AdamW(param_groups, lr=args.lr);
                        global_pool=True (fc_norm, no norm); no_weight_decay() of timm 0.3.2's ViT
Command line emulated: --blr 5e-4 --layer_decay 0.65 --weight_decay 0.05 --min_lr 1e-6 --epochs 8
--warmup_epochs 2, effective batch 1024 (accum_iter 1), so lr = 5e-4 * 1024 / 256 = 0.002.
"""
import math

from trace import case, step, write

REFERENCE = ("facebookresearch/mae@efb2a8062c206524e35e47d04501ed4f544c0ae8 "
             "util/lr_decay.py, util/lr_sched.py, engine_finetune.py, main_finetune.py")

# named_parameters() of a tiny MAE VisionTransformer (depth 3, global_pool: fc_norm registered after head)
PARAMS = [
    ("cls_token", (1, 1, 2)), ("pos_embed", (1, 2, 2)),
    ("patch_embed.proj.weight", (2, 1, 1, 1)), ("patch_embed.proj.bias", (2,)),
]
for i in range(3):
    PARAMS += [(f"blocks.{i}.norm1.weight", (2,)), (f"blocks.{i}.attn.qkv.weight", (2, 2)),
               (f"blocks.{i}.attn.qkv.bias", (2,)), (f"blocks.{i}.mlp.fc1.weight", (2, 2))]
PARAMS += [("head.weight", (2, 2)), ("head.bias", (2,)), ("fc_norm.weight", (2,)), ("fc_norm.bias", (2,))]
DEPTH = 3


def get_layer_id_for_vit(name, num_layers):
    if name in ['cls_token', 'pos_embed']:
        return 0
    elif name.startswith('patch_embed'):
        return 0
    elif name.startswith('blocks'):
        return int(name.split('.')[1]) + 1
    else:
        return num_layers


def param_groups_lrd(weight_decay=0.05, no_weight_decay_list=[], layer_decay=.75):
    param_groups = {}
    num_layers = DEPTH + 1
    layer_scales = list(layer_decay ** (num_layers - i) for i in range(num_layers + 1))
    for n, shape in PARAMS:
        if len(shape) == 1 or n in no_weight_decay_list:
            g_decay, this_decay = "no_decay", 0.
        else:
            g_decay, this_decay = "decay", weight_decay
        layer_id = get_layer_id_for_vit(n, num_layers)
        group_name = "layer_%d_%s" % (layer_id, g_decay)
        if group_name not in param_groups:
            param_groups[group_name] = {"lr_scale": layer_scales[layer_id], "weight_decay": this_decay, "params": []}
        param_groups[group_name]["params"].append(n)
    return list(param_groups.values())


class Args:
    blr, layer_decay, weight_decay, min_lr, epochs, warmup_epochs = 5e-4, 0.65, 0.05, 1e-6, 8, 2
    lr = None


def adjust_learning_rate(optimizer, epoch, args):
    if epoch < args.warmup_epochs:
        lr = args.lr * epoch / args.warmup_epochs
    else:
        lr = args.min_lr + (args.lr - args.min_lr) * 0.5 * \
            (1. + math.cos(math.pi * (epoch - args.warmup_epochs) / (args.epochs - args.warmup_epochs)))
    for param_group in optimizer:
        if "lr_scale" in param_group:
            param_group["lr"] = lr * param_group["lr_scale"]
        else:
            param_group["lr"] = lr
    return lr


def run(name, batches):
    args = Args()
    eff_batch_size = 1024
    args.lr = args.blr * eff_batch_size / 256
    groups = param_groups_lrd(args.weight_decay, {'pos_embed', 'cls_token', 'dist_token'}, args.layer_decay)
    for g in groups:  # torch.optim.AdamW(param_groups, lr=args.lr): betas (0.9, 0.999)
        g.setdefault("lr", args.lr)
        g.setdefault("betas", (0.9, 0.999))
    group_of = {p: g for g in groups for p in g["params"]}
    names = [n for n, _ in PARAMS]
    trace = []
    accum_iter = 1
    for epoch in range(args.epochs):
        for data_iter_step in range(batches):
            if data_iter_step % accum_iter == 0:
                adjust_learning_rate(groups, data_iter_step / batches + epoch, args)
            trace.append(step(epoch, [group_of[n]["lr"] for n in names],
                              [group_of[n]["weight_decay"] for n in names], [False] * len(names),
                              beta1=[group_of[n]["betas"][0] for n in names]))
    return case(name, "MaeFinetune", REFERENCE, args.epochs, batches, names, trace)


write("mae.json", [run("finetune", 8)])
