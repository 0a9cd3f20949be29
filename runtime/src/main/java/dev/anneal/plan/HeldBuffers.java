package dev.anneal.plan;

import dev.anneal.param.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out {@link BatchNormPolicy#HOLD}: while a group with that policy is frozen, a copy of its
 * buffers taken when it froze (or when a checkpoint was loaded) is written back after every
 * micro-batch, so a training forward pass that moved the running statistics leaves no trace by the
 * time anyone reads them (the optimizer step, an evaluation, a checkpoint). The forward pass itself
 * normalized with the batch's statistics, which is what PyTorch does with
 * {@code track_running_stats = False}; DJL cannot switch single layers to inference mode.
 */
final class HeldBuffers {
  private final List<List<Buffer>> groupBuffers;
  private final List<BatchNormPolicy> policies = new ArrayList<>();
  /** Per group, the held values of each buffer, or null while the group's buffers are not held. */
  private final List<float[][]> held = new ArrayList<>();
  private boolean any;

  HeldBuffers(List<List<Buffer>> groupBuffers) {
    this.groupBuffers = groupBuffers;
  }

  void addGroup(BatchNormPolicy policy) {
    policies.add(policy);
    held.add(null);
  }

  BatchNormPolicy policy(int group) {
    return policies.get(group);
  }

  /** Holds the buffers of groups that are frozen with HOLD and not yet held; releases the others. */
  void sync(java.util.function.IntPredicate frozen) {
    any = false;
    for (int g = 0; g < policies.size(); g++) {
      boolean hold = policies.get(g) == BatchNormPolicy.HOLD && frozen.test(g) && !groupBuffers.get(g).isEmpty();
      if (!hold) {
        held.set(g, null);
        continue;
      }
      any = true;
      if (held.get(g) == null) {
        held.set(g, capture(groupBuffers.get(g)));
      }
    }
  }

  /** Takes new copies of what is held now (after a checkpoint wrote the buffers). */
  void recapture(java.util.function.IntPredicate frozen) {
    for (int g = 0; g < held.size(); g++) {
      held.set(g, null);
    }
    sync(frozen);
  }

  /** Writes the held values back (nothing to do when no group holds its buffers). */
  void restore() {
    if (!any) {
      return;
    }
    for (int g = 0; g < held.size(); g++) {
      float[][] copies = held.get(g);
      if (copies != null) {
        List<Buffer> buffers = groupBuffers.get(g);
        for (int i = 0; i < copies.length; i++) {
          buffers.get(i).values().copyFrom(copies[i]);
          buffers.get(i).push();
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
