"""mmdetection's schedule_1x on mmengine, emulated in float64.

mmdetection configs/_base_/schedules/schedule_1x.py:
    param_scheduler = [
        dict(type='LinearLR', start_factor=0.001, by_epoch=False, begin=0, end=500),
        dict(type='MultiStepLR', begin=0, end=12, by_epoch=True, milestones=[8, 11], gamma=0.1)]
    optim_wrapper = dict(type='OptimWrapper', optimizer=dict(type='SGD', lr=0.02, momentum=0.9, weight_decay=0.0001))

The schedulers follow open-mmlab/mmengine at commit 254342938d9bde1775c39ea7d5181c5d294026c4,
mmengine/optim/scheduler/param_scheduler.py:
  * _ParamScheduler.__init__ records initial_lr and calls step() once; step() increments _global_step and,
    only while begin <= _global_step < end, increments last_step and writes _get_value() into the groups.
  * LinearParamScheduler: total_iters = end - begin - 1; _get_value() is start_factor * lr at last_step 0,
    else lr * (1 + (end_factor - start_factor) / (total_iters * start_factor + (last_step - 1) * (end_factor - start_factor))):
    it reaches the full lr at iteration end - 1 (499 in schedule_1x), not at end.
  * MultiStepParamScheduler: lr * gamma ** count at a milestone, else lr unchanged (chainable: the two multiply).
mmengine/hooks/param_scheduler_hook.py steps the by_epoch=False schedulers after every train iteration and the
by_epoch=True ones after every train epoch.
Scaled down: LinearLR end=7 (the full lr at iteration 6), MultiStepLR milestones [2, 3] over 4 epochs of 4 iterations.
"""
from collections import Counter

from trace import case, step, write

REFERENCE = ("open-mmlab/mmengine mmengine/optim/scheduler/param_scheduler.py (LinearParamScheduler, MultiStepParamScheduler, "
             "_ParamScheduler.step) @ 254342938d9bde1775c39ea7d5181c5d294026c4; mmdetection configs/_base_/schedules/schedule_1x.py")

PARAMETERS = ["backbone.conv1.weight", "backbone.bn1.weight", "backbone.bn1.bias", "rpn_head.rpn_conv.weight",
              "roi_head.bbox_head.fc_cls.weight", "roi_head.bbox_head.fc_cls.bias"]


class ParamScheduler:
    def __init__(self, groups, begin, end):
        self.groups = groups
        self.begin = begin
        self.end = end
        for g in groups:
            g.setdefault("initial_lr", g["lr"])
        self.last_step = -1
        self._global_step = -1
        self.step()

    def step(self):
        self._global_step += 1
        if self.begin <= self._global_step < self.end:
            self.last_step += 1
            values = self._get_value()
            for g, v in zip(self.groups, values):
                g["lr"] = v


class LinearLR(ParamScheduler):
    def __init__(self, groups, start_factor, end_factor, begin, end):
        self.start_factor = start_factor
        self.end_factor = end_factor
        self.total_iters = end - begin - 1
        super().__init__(groups, begin, end)

    def _get_value(self):
        if self.last_step == 0:
            return [g["lr"] * self.start_factor for g in self.groups]
        return [g["lr"] * (1.0 + (self.end_factor - self.start_factor)
                           / (self.total_iters * self.start_factor + (self.last_step - 1) * (self.end_factor - self.start_factor)))
                for g in self.groups]


class MultiStepLR(ParamScheduler):
    def __init__(self, groups, milestones, gamma, begin, end):
        self.milestones = Counter(milestones)
        self.gamma = gamma
        super().__init__(groups, begin, end)

    def _get_value(self):
        if self.last_step not in self.milestones:
            return [g["lr"] for g in self.groups]
        return [g["lr"] * self.gamma ** self.milestones[self.last_step] for g in self.groups]


def run(epochs, iters_per_epoch, end, milestones):
    groups = [{"lr": 0.02, "momentum": 0.9, "weight_decay": 0.0001}]
    per_iter = LinearLR(groups, start_factor=0.001, end_factor=1.0, begin=0, end=end)
    per_epoch = MultiStepLR(groups, milestones=milestones, gamma=0.1, begin=0, end=epochs)
    n = len(PARAMETERS)
    trace = []
    for epoch in range(epochs):
        for _ in range(iters_per_epoch):
            g = groups[0]
            trace.append(step(epoch, [g["lr"]] * n, [g["weight_decay"]] * n, [False] * n, momentum=[g["momentum"]] * n))
            # optimizer.step(); then ParamSchedulerHook.after_train_iter
            per_iter.step()
        per_epoch.step()  # ParamSchedulerHook.after_train_epoch
    return trace


def main():
    write("mmdet_schedule_1x.json", [
        case("mmdet_schedule_1x_scaled", "MmdetSchedule1x", REFERENCE, epochs=4, batches_per_epoch=4,
             parameters=PARAMETERS, trace=run(epochs=4, iters_per_epoch=4, end=7, milestones=[2, 3])),
    ])


if __name__ == "__main__":
    main()
