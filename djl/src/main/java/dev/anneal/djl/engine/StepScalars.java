package dev.anneal.djl.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The last scalars uploaded to each device. The parameters of a group are updated one after the
 * other with the same scalars (lr, betas, bias corrections of the same step count), so keeping
 * the last upload per device makes it one small host-to-device copy per group and step, not one
 * per parameter, and none at all for an op that takes a Java number.
 */
final class StepScalars {
  private static final Map<Device, StepScalars> BY_DEVICE = new HashMap<>();

  private float[] values;
  private NDArray uploaded;

  /** {@code values} as one tensor on the device of {@code like}, uploaded only if they differ from the last ones there. */
  static synchronized NDArray on(NDArray like, float[] values) {
    StepScalars last = BY_DEVICE.computeIfAbsent(like.getDevice(), d -> new StepScalars());
    if (last.uploaded == null || !Arrays.equals(values, last.values)) {
      NDArray fresh = like.getManager().create(values).toDevice(like.getDevice(), false);
      fresh.detach(); // shared by every optimizer on the device, not owned by the parameter's manager
      if (last.uploaded != null) {
        last.uploaded.close();
      }
      last.uploaded = fresh;
      last.values = values.clone();
      uploads++;
    }
    return last.uploaded;
  }

  /** Host-to-device uploads of scalars so far (a test counts them per step). */
  static long uploads;
}
