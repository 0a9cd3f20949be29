package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;
import java.util.List;

/**
 * {@code torch.optim.Adafactor} as in PyTorch 2.9's {@code _single_tensor_adafactor}: a parameter
 * of two or more dimensions keeps {@code row_var} (its shape with the last dimension 1) and
 * {@code col_var} (the second-to-last 1), a vector keeps {@code variance}. PyTorch reads the
 * parameter's and the update's norms back ({@code .item()}) to form the step; here both stay on
 * the device ({@code maximum} for PyTorch's {@code max}), so the step reads nothing back.
 * {@code eps1=None} is float32's machine epsilon, as for PyTorch's float32 parameters.
 */
final class NdAdafactor extends NdUpdate {
  private static final double FLOAT32_EPS = Math.ulp(1.0f);

  private final Shape shape;
  private final boolean factored;

  NdAdafactor(Parameter p) {
    super(p, List.of("row_var", "col_var", "variance"), List.of("step"));
    this.shape = NdOps.array((EngineStorage) p.values()).getShape();
    this.factored = shape.dimension() >= 2;
  }

  @Override
  List<String> requiredTensors() {
    return factored ? List.of("row_var", "col_var") : List.of("variance");
  }

  @Override
  Shape shapeOf(String name) {
    long[] dims = shape.getShape().clone(); // getShape() is the shape's own array
    return switch (name) {
      case "row_var" -> {
        dims[dims.length - 1] = 1;
        yield new Shape(dims);
      }
      case "col_var" -> {
        dims[dims.length - 2] = 1;
        yield new Shape(dims);
      }
      default -> shape;
    };
  }

  private static Double eps(ParamGroup group, int index) {
    Object eps = group.get("eps");
    if (eps instanceof double[] tuple) {
      return tuple[index];
    }
    Object value = ((List<?>) eps).get(index);
    return value == null ? null : ((Number) value).doubleValue();
  }

  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double lr = group.lr();
    double wd = group.getDouble("weight_decay");
    Double eps1Given = eps(group, 0);
    double eps1 = eps1Given == null ? FLOAT32_EPS : eps1Given;
    double eps2 = eps(group, 1);
    double step = scalarState.merge("step", 1.0, Double::sum);
    double oneMinusBeta2 = Math.pow(step, group.getDouble("beta2_decay"));
    double rho = Math.min(lr, 1 / Math.sqrt(step));
    double rootN = Math.sqrt(shape.size());
    long rows = factored ? shape.get(shape.dimension() - 2) : 0;
    long cols = factored ? shape.get(shape.dimension() - 1) : 0;
    NDArray s = scalars((float) rootN, (float) eps2, (float) rho, (float) (1 - lr * wd), (float) cols, (float) rows,
        lerpFactor(oneMinusBeta2), (float) eps1, (float) (eps1 * eps1), 1f, (float) (rootN * group.getDouble("d")));
    try (Temps t = new Temps()) {
      NDArray grad = NdOps.array(gradient);
      if (group.getBoolean("maximize")) {
        grad = t.keep(grad.neg());
      }
      NDArray one = t.keep(s.get(9));
      NDArray factor = t.keep(s.get(6));
      // alpha = max(eps2, ||p|| / sqrt(n)) * rho_t, before the weight decay
      NDArray alpha = t.keep(t.keep(t.keep(t.keep(param.norm()).divi(t.keep(s.get(0)))).maximum(t.keep(s.get(1))))
          .muli(t.keep(s.get(2))));
      if (wd != 0) {
        param.muli(t.keep(s.get(3)));
      }
      NDArray varEstimate;
      if (factored) {
        NDArray rowVar = tensor("row_var");
        NDArray colVar = tensor("col_var");
        NDArray rowMean = t.keep(t.keep(t.keep(grad.norm(2, new int[] {-1}, true)).square()).divi(t.keep(s.get(4))));
        lerp(t, rowVar, rowMean, oneMinusBeta2, factor);
        NDArray colMean = t.keep(t.keep(t.keep(grad.norm(2, new int[] {-2}, true)).square()).divi(t.keep(s.get(5))));
        lerp(t, colVar, colMean, oneMinusBeta2, factor);
        varEstimate = t.keep(rowVar.mul(colVar)); // row_var @ col_var: an outer product, one rounding each
        varEstimate.divi(t.keep(t.keep(rowVar.mean(new int[] {-2}, true)).maximum(t.keep(s.get(7)))));
      } else {
        NDArray variance = tensor("variance");
        lerp(t, variance, t.keep(grad.mul(grad)), oneMinusBeta2, factor);
        varEstimate = variance;
      }
      // update = rsqrt(clamp(var_estimate, eps1^2)) * grad; maximum makes a new array, variance stays
      NDArray update = t.keep(one.div(t.keep(t.keep(varEstimate.maximum(t.keep(s.get(8)))).sqrt())));
      update.muli(grad);
      NDArray denom = t.keep(t.keep(t.keep(update.norm()).divi(t.keep(s.get(10)))).maximum(one));
      param.addi(t.keep(update.muli(t.keep(t.keep(alpha.neg()).divi(denom)))));
    }
  }
}
