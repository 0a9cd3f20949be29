package dev.anneal.plan;

import dev.anneal.param.Buffer;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Carries out {@link BatchNormPolicy#HOLD}: while a group with that policy is frozen, a copy of its
 * buffers taken when it froze (or when a checkpoint was loaded) is written back after every
 * micro-batch, so a training forward pass that moved the running statistics leaves no trace by the
 * time anyone reads them (the optimizer step, an evaluation, a checkpoint). The forward pass itself
 * normalized with the batch's statistics, which is what PyTorch does with
 * {@code track_running_stats = False}; DJL cannot switch single layers to inference mode.
 */
final class HeldBuffers {
  private final List<PlanGroup> groups;
  private boolean any;

  HeldBuffers(List<PlanGroup> groups) {
    this.groups = groups;
  }

  /** Holds the buffers of groups that are frozen with HOLD and not yet held; releases the others. */
  void sync(IntPredicate frozen) {
    any = false;
    for (int g = 0; g < groups.size(); g++) {
      PlanGroup group = groups.get(g);
      boolean hold = group.batchNorm == BatchNormPolicy.HOLD && frozen.test(g) && !group.buffers.isEmpty();
      if (!hold) {
        group.held = null;
        continue;
      }
      any = true;
      if (group.held == null) {
        group.held = capture(group.buffers);
      }
    }
  }

  /** Takes new copies of what is held now (after a checkpoint wrote the buffers). */
  void recapture(IntPredicate frozen) {
    groups.forEach(g -> g.held = null);
    sync(frozen);
  }

  /** Writes the held values back (nothing to do when no group holds its buffers). */
  void restore() {
    if (!any) {
      return;
    }
    for (PlanGroup group : groups) {
      float[][] copies = group.held;
      if (copies != null) {
        for (int i = 0; i < copies.length; i++) {
          group.buffers.get(i).values().copyFrom(copies[i]);
          group.buffers.get(i).push();
        }
      }
    }
  }

  private static float[][] capture(List<Buffer> buffers) {
    float[][] copies = new float[buffers.size()][];
    for (int i = 0; i < copies.length; i++) {
      buffers.get(i).pull();
      copies[i] = buffers.get(i).values().toArray();
    }
    return copies;
  }
}
