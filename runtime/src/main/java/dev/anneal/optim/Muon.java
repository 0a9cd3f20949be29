package dev.anneal.optim;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Muon} as in PyTorch 2.9 ({@code _single_tensor_muon}), for 2-D parameters:
 * momentum {@code buf = lerp(buf, g, 1 - momentum)}, Nesterov {@code lerp(g, buf, momentum)},
 * orthogonalized by {@code ns_steps} quintic Newton-Schulz iterations with {@code ns_coefficients}
 * after normalizing by the Frobenius norm (at least {@code eps}), decoupled weight decay, and the
 * lr scaled for the matrix's shape ({@code adjust_lr_fn}). One difference: PyTorch runs the
 * Newton-Schulz iterations in bfloat16; Anneal runs them in double, so its updates are the exact
 * iteration PyTorch's approximates (the conformance fixtures emulate PyTorch's code in float64).
 */
public final class Muon extends AbstractOptimizer<Muon.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "Muon";

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public Muon(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups);
  }

  /** The momentum buffer. */
  static final class State {
    float[] buffer;
  }

  @Override
  protected void validate(ParamGroup group) {
    super.validate(group);
    for (Parameter p : group.params()) {
      if (p.shape().length != 2) {
        throw new IllegalArgumentException("Muon only supports 2D parameters whereas parameter " + p.name() + " of group "
            + group.name() + " has shape " + Arrays.toString(p.shape()) + "; optimize it with AdamW in another optimizer");
      }
    }
  }

  @Override
  protected State newState(Parameter p, ParamGroup group) {
    State s = new State();
    s.buffer = new float[p.size()];
    return s;
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State s) {
    double lr = group.lr();
    double wd = group.getDouble("weight_decay");
    double momentum = group.getDouble("momentum");
    boolean nesterov = group.getBoolean("nesterov");
    double[] abc = group.getTuple("ns_coefficients");
    int steps = group.getInt("ns_steps");
    double eps = group.getDouble("eps");
    int rows = p.shape()[0];
    int cols = p.shape()[1];
    int n = p.size();
    double[] update = new double[n];
    for (int i = 0; i < n; i++) {
      double g = grad.get(i);
      s.buffer[i] = (float) (s.buffer[i] + (1 - momentum) * (g - s.buffer[i]));
      update[i] = nesterov ? g + momentum * (s.buffer[i] - g) : s.buffer[i];
    }
    double[] ortho = newtonSchulz(update, rows, cols, abc, steps, eps);
    double adjusted = lr * adjustment((String) group.get("adjust_lr_fn"), rows, cols);
    float[] w = p.values().toArray();
    double keep = 1 - lr * wd;
    for (int i = 0; i < n; i++) {
      w[i] = (float) ((float) (w[i] * keep) - adjusted * ortho[i]);
    }
    p.values().copyFrom(w);
  }

  /** PyTorch's {@code _adjust_lr}: the ratio for an {@code a x b} matrix. */
  static double adjustment(String fn, int a, int b) {
    if (fn == null || fn.equals("original")) {
      return Math.sqrt(Math.max(1, (double) a / b));
    }
    return 0.2 * Math.sqrt(Math.max(a, b));
  }

  /** {@code _zeropower_via_newtonschulz} on a row-major {@code rows x cols} matrix, in double. */
  static double[] newtonSchulz(double[] g, int rows, int cols, double[] abc, int steps, double eps) {
    boolean transposed = rows > cols;
    int r = transposed ? cols : rows;
    int c = transposed ? rows : cols;
    double[] x = new double[r * c];
    double norm = 0;
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        double v = transposed ? g[j * cols + i] : g[i * cols + j];
        x[i * c + j] = v;
        norm += v * v;
      }
    }
    double scale = Math.max(Math.sqrt(norm), eps);
    for (int i = 0; i < x.length; i++) {
      x[i] /= scale;
    }
    double a = abc[0];
    double b = abc[1];
    double cc = abc[2];
    double[] gram = new double[r * r];
    double[] gramUpdate = new double[r * r];
    double[] next = new double[r * c];
    for (int s = 0; s < steps; s++) {
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < r; j++) {
          double sum = 0;
          for (int k = 0; k < c; k++) {
            sum += x[i * c + k] * x[j * c + k];
          }
          gram[i * r + j] = sum;
        }
      }
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < r; j++) {
          double sum = 0;
          for (int k = 0; k < r; k++) {
            sum += gram[i * r + k] * gram[k * r + j];
          }
          gramUpdate[i * r + j] = b * gram[i * r + j] + cc * sum;
        }
      }
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < c; j++) {
          double sum = 0;
          for (int k = 0; k < r; k++) {
            sum += gramUpdate[i * r + k] * x[k * c + j];
          }
          next[i * c + j] = a * x[i * c + j] + sum;
        }
      }
      System.arraycopy(next, 0, x, 0, x.length);
    }
    if (!transposed) {
      return x;
    }
    double[] out = new double[rows * cols];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        out[j * cols + i] = x[i * c + j];
      }
    }
    return out;
  }

  @Override
  protected OptimizerState.ParamState exportState(Parameter p, State s) {
    return new OptimizerState.ParamState(Map.of("momentum_buffer", s.buffer.clone()), Map.of());
  }

  @Override
  protected State importState(Parameter p, ParamGroup group, OptimizerState.ParamState exported) {
    State s = new State();
    s.buffer = requireTensor(p, exported, "momentum_buffer").clone();
    return s;
  }
}
