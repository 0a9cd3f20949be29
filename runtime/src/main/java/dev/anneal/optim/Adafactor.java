package dev.anneal.optim;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adafactor} as in PyTorch 2.9 ({@code _single_tensor_adafactor}): a parameter
 * of two or more dimensions keeps its second moment factored over its last two dimensions (one
 * value per row and one per column, per leading index), a vector keeps it whole;
 * {@code 1 - beta2_t = t^beta2_decay}, relative step {@code rho_t = min(lr, 1/sqrt(t))} scaled by
 * the parameter's RMS (at least {@code eps2}), the update clipped to RMS {@code d}, weight decay
 * decoupled ({@code p *= 1 - lr*wd}). {@code eps1=None} is float32's machine epsilon, as PyTorch
 * takes it from the parameter's dtype. Math in double per step, values stored as float32.
 */
public final class Adafactor extends AbstractOptimizer<Adafactor.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "Adafactor";
  private static final double FLOAT32_EPS = Math.ulp(1.0f);

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public Adafactor(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups);
  }

  /** The step count and either the row and column factors or the whole variance. */
  static final class State {
    double step;
    float[] rowVar;
    float[] colVar;
    float[] variance;
  }

  /** Rows and columns of the last two dimensions, and how many such matrices lead them. */
  private record Layout(int batches, int rows, int cols) {
    static Layout of(Parameter p) {
      int[] shape = p.shape();
      if (shape.length < 2) {
        return null;
      }
      int rows = shape[shape.length - 2];
      int cols = shape[shape.length - 1];
      return new Layout(p.size() / Math.max(1, rows * cols), rows, cols);
    }
  }

  @Override
  protected State newState(Parameter p, ParamGroup group) {
    State s = new State();
    Layout l = Layout.of(p);
    if (l == null) {
      s.variance = new float[p.size()];
    } else {
      s.rowVar = new float[l.batches() * l.rows()];
      s.colVar = new float[l.batches() * l.cols()];
    }
    return s;
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
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State s) {
    double lr = group.lr();
    double wd = group.getDouble("weight_decay");
    double d = group.getDouble("d");
    double beta2Decay = group.getDouble("beta2_decay");
    Double eps1Given = eps(group, 0);
    double eps1 = eps1Given == null ? FLOAT32_EPS : eps1Given;
    double eps2 = eps(group, 1);
    double sign = group.getBoolean("maximize") ? -1 : 1;
    int n = p.size();
    float[] w = p.values().toArray();
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = sign * grad.get(i);
    }
    s.step += 1;
    double oneMinusBeta2 = Math.pow(s.step, beta2Decay);
    double rho = Math.min(lr, 1 / Math.sqrt(s.step));
    double alpha = Math.max(eps2, Math.sqrt(sumOfSquares(w)) / Math.sqrt(n)) * rho;
    if (wd != 0) {
      float keep = (float) (1 - lr * wd);
      for (int i = 0; i < n; i++) {
        w[i] = w[i] * keep;
      }
    }
    double[] varEstimate = new double[n];
    Layout l = Layout.of(p);
    if (l != null) {
      int rows = l.rows();
      int cols = l.cols();
      for (int b = 0; b < l.batches(); b++) {
        int base = b * rows * cols;
        for (int r = 0; r < rows; r++) {
          double sum = 0;
          for (int c = 0; c < cols; c++) {
            double x = g[base + r * cols + c];
            sum += x * x;
          }
          int k = b * rows + r;
          s.rowVar[k] = (float) (s.rowVar[k] + oneMinusBeta2 * (sum / cols - s.rowVar[k]));
        }
        for (int c = 0; c < cols; c++) {
          double sum = 0;
          for (int r = 0; r < rows; r++) {
            double x = g[base + r * cols + c];
            sum += x * x;
          }
          int k = b * cols + c;
          s.colVar[k] = (float) (s.colVar[k] + oneMinusBeta2 * (sum / rows - s.colVar[k]));
        }
        double rowMean = 0;
        for (int r = 0; r < rows; r++) {
          rowMean += s.rowVar[b * rows + r];
        }
        double scale = Math.max(rowMean / rows, eps1);
        for (int r = 0; r < rows; r++) {
          for (int c = 0; c < cols; c++) {
            varEstimate[base + r * cols + c] = (double) s.rowVar[b * rows + r] * s.colVar[b * cols + c] / scale;
          }
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        s.variance[i] = (float) (s.variance[i] + oneMinusBeta2 * (g[i] * g[i] - s.variance[i]));
        varEstimate[i] = s.variance[i];
      }
    }
    double floor = eps1 * eps1;
    double updateSquares = 0;
    for (int i = 0; i < n; i++) {
      double u = g[i] / Math.sqrt(Math.max(varEstimate[i], floor));
      varEstimate[i] = u;
      updateSquares += u * u;
    }
    double denom = Math.max(1.0, Math.sqrt(updateSquares) / (Math.sqrt(n) * d));
    double step = -alpha / denom;
    for (int i = 0; i < n; i++) {
      w[i] = (float) (w[i] + step * varEstimate[i]);
    }
    p.values().copyFrom(w);
  }

  private static double sumOfSquares(float[] w) {
    double sum = 0;
    for (float x : w) {
      sum += (double) x * x;
    }
    return sum;
  }

  @Override
  protected OptimizerState.ParamState exportState(Parameter p, State s) {
    Map<String, float[]> tensors = new LinkedHashMap<>();
    if (s.variance != null) {
      tensors.put("variance", s.variance.clone());
    } else {
      tensors.put("row_var", s.rowVar.clone());
      tensors.put("col_var", s.colVar.clone());
    }
    return new OptimizerState.ParamState(tensors, Map.of("step", s.step));
  }

  @Override
  protected State importState(Parameter p, ParamGroup group, OptimizerState.ParamState exported) {
    State s = newState(p, group);
    s.step = requireScalar(p, exported, "step");
    if (s.variance != null) {
      s.variance = requireTensor(p, exported, "variance").clone();
    } else {
      s.rowVar = sized(p, exported, "row_var", s.rowVar.length);
      s.colVar = sized(p, exported, "col_var", s.colVar.length);
    }
    return s;
  }

  private static float[] sized(Parameter p, OptimizerState.ParamState exported, String key, int size) {
    float[] values = exported.tensors().get(key);
    if (values == null || values.length != size) {
      throw new IllegalArgumentException("Adafactor state of parameter " + p.name() + " needs tensor " + key + " of " + size
          + " values, has " + (values == null ? "none" : values.length));
    }
    return values.clone();
  }
}
