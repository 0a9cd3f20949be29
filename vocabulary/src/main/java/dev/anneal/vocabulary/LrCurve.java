package dev.anneal.vocabulary;

import java.util.function.IntFunction;
import java.util.function.LongToDoubleFunction;

/**
 * A schedule with all its arguments fixed: the lr of group {@code group} (its index, for arguments
 * given per group such as {@code max_lr}) with base lr {@code baseLr} at position {@code t}, in the
 * schedule's own unit (steps or epochs, as it is stepped).
 */
@FunctionalInterface
public interface LrCurve {
  double lr(int group, double baseLr, long t);

  /** {@return whether the lr is the base lr times a factor of {@code t} alone (a ratio schedule, as ChainedScheduler needs)} */
  default boolean proportional() {
    return false;
  }

  /**
   * Whether the lr ignores the base lr (OneCycleLR, CyclicLR: they write their own initial lr into
   * the group, which makes PyTorch's composites of them depend on construction order; composites
   * of such a child have no closed form).
   */
  default boolean absolute() {
    return false;
  }

  /**
   * Whether the lr also depends on how many layer groups share the schedule (fastai's
   * {@code slice(lo, hi)}, spread over them): read it through {@link #overLayerGroups}.
   */
  default boolean needsLayerGroups() {
    return false;
  }

  /**
   * This curve over {@code layerGroups} layer groups, {@link #lr}'s group being the layer group's
   * index; the curve itself unless it {@link #needsLayerGroups}.
   */
  default LrCurve overLayerGroups(int layerGroups) {
    return this;
  }

  /** A curve known once the number of layer groups is: {@code byCount.apply(n)}. */
  static LrCurve byLayerGroups(IntFunction<LrCurve> byCount) {
    return new LrCurve() {
      @Override
      public double lr(int group, double baseLr, long t) {
        throw new IllegalStateException("this schedule's lr depends on the number of layer groups: read it through overLayerGroups(n)");
      }

      @Override
      public boolean needsLayerGroups() {
        return true;
      }

      @Override
      public LrCurve overLayerGroups(int layerGroups) {
        return byCount.apply(layerGroups);
      }
    };
  }

  /** A curve that ignores the base lr: {@code lr(group, t)}. */
  static LrCurve ignoringBase(LrCurve curve) {
    return new LrCurve() {
      @Override
      public double lr(int group, double baseLr, long t) {
        return curve.lr(group, baseLr, t);
      }

      @Override
      public boolean absolute() {
        return true;
      }
    };
  }

  /** A curve that is the base lr times {@code factor(t)}. */
  static LrCurve proportional(LongToDoubleFunction factor) {
    return new LrCurve() {
      @Override
      public double lr(int group, double baseLr, long t) {
        return baseLr * factor.applyAsDouble(t);
      }

      @Override
      public boolean proportional() {
        return true;
      }
    };
  }
}
