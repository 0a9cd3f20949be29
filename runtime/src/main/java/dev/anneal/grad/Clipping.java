package dev.anneal.grad;

import dev.anneal.param.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a plan clips gradients before each optimizer step. */
public sealed interface Clipping {

  /** Clips the gradients of {@code parameters} in place. */
  void apply(List<Parameter> parameters);

  /** {@return whether a non-finite gradient must raise an error instead of skipping the step} */
  boolean errorIfNonfinite();

  /** {@return the settings as JSON, to recognize the same plan in a checkpoint} */
  Map<String, Object> toMap();

  /** {@code clip_grad_norm_(params, maxNorm, normType, errorIfNonfinite)}. */
  record ByNorm(double maxNorm, double normType, boolean errorIfNonfinite) implements Clipping {
    public ByNorm {
      if (!(maxNorm >= 0)) {
        throw new IllegalArgumentException("clipGradNorm max norm must be at least 0, was " + maxNorm);
      }
      if (Double.isNaN(normType)) {
        throw new IllegalArgumentException("clipGradNorm norm type must be a number or infinity, was NaN");
      }
    }

    @Override
    public void apply(List<Parameter> parameters) {
      GradientClipping.clipGradNorm(parameters, maxNorm, normType, errorIfNonfinite);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("max_norm", maxNorm);
      map.put("norm_type", Double.isInfinite(normType) ? (normType > 0 ? "inf" : "-inf") : normType);
      map.put("error_if_nonfinite", errorIfNonfinite);
      return map;
    }
  }

  /** {@code clip_grad_value_(params, clipValue)}. */
  record ByValue(double clipValue) implements Clipping {
    public ByValue {
      if (!(clipValue >= 0)) {
        throw new IllegalArgumentException("clipGradValue must be at least 0, was " + clipValue);
      }
    }

    @Override
    public void apply(List<Parameter> parameters) {
      GradientClipping.clipGradValue(parameters, clipValue);
    }

    @Override
    public boolean errorIfNonfinite() {
      return false;
    }

    @Override
    public Map<String, Object> toMap() {
      return Map.of("clip_value", clipValue);
    }
  }
}
