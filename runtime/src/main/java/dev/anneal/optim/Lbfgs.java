package dev.anneal.optim;

import dev.anneal.param.EngineStorage;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.LBFGS}, ported from PyTorch's {@code lbfgs.py}: limited-memory BFGS over all
 * parameters flattened into one vector, with a fixed step ({@code lr}) or the strong-Wolfe line
 * search ({@code line_search_fn="strong_wolfe"}). It needs a closure ({@link #step(Closure)}) and
 * takes one parameter group. Vectors are float32 as PyTorch's are for float32 parameters; dot
 * products accumulate in double. The state lives under the first parameter, as in PyTorch.
 */
public final class Lbfgs extends AbstractOptimizer<Lbfgs.State> {
  public static final String TYPE = "LBFGS";
  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private static final int MAX_LINE_SEARCH = 25;

  public Lbfgs(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), withMaxEval(Hyper.defaults(Hyper.builtIn(TYPE), overrides)), groups, true);
  }

  /** PyTorch's {@code max_eval = max_iter * 5 // 4} when it is None. */
  private static Map<String, Object> withMaxEval(Map<String, Object> defaults) {
    if (defaults.get("max_eval") == null) {
      defaults.put("max_eval", ((Number) defaults.get("max_iter")).intValue() * 5 / 4);
    }
    return defaults;
  }

  @Override
  public void addParamGroup(ParamGroup group) {
    if (!paramGroups().isEmpty()) {
      throw new IllegalArgumentException("LBFGS doesn't support per-parameter options (parameter groups); group "
          + group.name() + " would be the second");
    }
    super.addParamGroup(group);
  }


  /** PyTorch's LBFGS state: counters, last direction and step, history, previous gradient and loss. */
  static final class State {
    double funcEvals;
    double nIter;
    float[] d;
    double t;
    List<float[]> oldDirs = new ArrayList<>();
    List<float[]> oldStps = new ArrayList<>();
    List<Double> ro = new ArrayList<>();
    double hDiag = 1;
    float[] prevFlatGrad;
    double prevLoss;
  }

  @Override
  protected State newState(Parameter p, ParamGroup group) {
    return new State();
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    throw new IllegalStateException("LBFGS needs a closure that re-evaluates the loss: call step(closure)");
  }

  @Override
  public void step() {
    throw new IllegalStateException("LBFGS needs a closure that re-evaluates the loss: call step(closure)");
  }

  @Override
  public double step(Closure closure) {
    for (Parameter p : paramGroups().get(0).params()) {
      if (p.values() instanceof EngineStorage onEngine) {
        throw new IllegalStateException("LBFGS runs on the host (its line search reads the loss and flat vectors), but parameter "
            + p.name() + " lives on " + onEngine.device() + "; bind the block with BlockParameters.copying(...), which copies "
            + "values and gradient to the host and back every evaluation (12 bytes per value)");
      }
    }
    ParamGroup group = paramGroups().get(0);
    double lr = group.lr();
    int maxIter = group.getInt("max_iter");
    int maxEval = group.getInt("max_eval");
    double toleranceGrad = group.getDouble("tolerance_grad");
    double toleranceChange = group.getDouble("tolerance_change");
    boolean strongWolfe = group.get("line_search_fn") != null;
    int historySize = group.getInt("history_size");
    List<Parameter> params = group.params();
    State state = stateFor(params.get(0), group);

    double origLoss = closure.evaluate();
    double loss = origLoss;
    int currentEvals = 1;
    state.funcEvals += 1;
    float[] flatGrad = gatherFlatGrad(params);
    boolean optCond = absMax(flatGrad) <= toleranceGrad;
    if (optCond) {
      return origLoss;
    }

    float[] d = state.d;
    double t = state.t;
    List<float[]> oldDirs = state.oldDirs;
    List<float[]> oldStps = state.oldStps;
    List<Double> ro = state.ro;
    double hDiag = state.hDiag;
    float[] prevFlatGrad = state.prevFlatGrad;
    double prevLoss = state.prevLoss;

    int nIter = 0;
    while (nIter < maxIter) {
      nIter++;
      state.nIter++;
      if (state.nIter == 1) {
        d = scaled(flatGrad, -1);
        oldDirs = new ArrayList<>();
        oldStps = new ArrayList<>();
        ro = new ArrayList<>();
        hDiag = 1;
      } else {
        float[] y = new float[flatGrad.length];
        for (int i = 0; i < y.length; i++) {
          y[i] = flatGrad[i] - prevFlatGrad[i];
        }
        float[] s = scaled(d, t);
        double ys = dot(y, s);
        if (ys > 1e-10) {
          if (oldDirs.size() == historySize) {
            oldDirs.remove(0);
            oldStps.remove(0);
            ro.remove(0);
          }
          oldDirs.add(y);
          oldStps.add(s);
          ro.add(1.0 / ys);
          hDiag = ys / dot(y, y);
        }
        int numOld = oldDirs.size();
        double[] al = new double[numOld];
        float[] q = scaled(flatGrad, -1);
        for (int i = numOld - 1; i >= 0; i--) {
          al[i] = dot(oldStps.get(i), q) * ro.get(i);
          axpy(q, oldDirs.get(i), -al[i]);
        }
        float[] r = scaled(q, hDiag);
        for (int i = 0; i < numOld; i++) {
          double be = dot(oldDirs.get(i), r) * ro.get(i);
          axpy(r, oldStps.get(i), al[i] - be);
        }
        d = r;
      }
      prevFlatGrad = flatGrad.clone();
      prevLoss = loss;
      t = state.nIter == 1 ? Math.min(1.0, 1.0 / absSum(flatGrad)) * lr : lr;
      double gtd = dot(flatGrad, d);
      if (gtd > -toleranceChange) {
        break;
      }
      int lsEvals = 0;
      if (strongWolfe) {
        float[][] xInit = cloneParams(params);
        LineSearch search = new LineSearch(closure, params, xInit, d);
        search.run(t, loss, flatGrad, gtd, toleranceChange);
        loss = search.fNew;
        flatGrad = search.gNew;
        t = search.t;
        lsEvals = search.evals;
        addGrad(params, t, d);
        optCond = absMax(flatGrad) <= toleranceGrad;
      } else {
        addGrad(params, t, d);
        if (nIter != maxIter) {
          loss = closure.evaluate();
          flatGrad = gatherFlatGrad(params);
          optCond = absMax(flatGrad) <= toleranceGrad;
          lsEvals = 1;
        }
      }
      currentEvals += lsEvals;
      state.funcEvals += lsEvals;
      if (nIter == maxIter || currentEvals >= maxEval || optCond) {
        break;
      }
      if (absMax(scaled(d, t)) <= toleranceChange) {
        break;
      }
      if (Math.abs(loss - prevLoss) < toleranceChange) {
        break;
      }
    }
    state.d = d;
    state.t = t;
    state.oldDirs = oldDirs;
    state.oldStps = oldStps;
    state.ro = ro;
    state.hDiag = hDiag;
    state.prevFlatGrad = prevFlatGrad;
    state.prevLoss = prevLoss;
    return origLoss;
  }

  /** PyTorch's {@code _strong_wolfe}, with its bracketing and zoom phases. */
  private static final class LineSearch {
    private final Closure closure;
    private final List<Parameter> params;
    private final float[][] x;
    private final float[] d;
    double fNew;
    float[] gNew;
    double t;
    int evals;

    LineSearch(Closure closure, List<Parameter> params, float[][] x, float[] d) {
      this.closure = closure;
      this.params = params;
      this.x = x;
      this.d = d;
    }

    private void evaluate(double step) {
      addGrad(params, step, d);
      fNew = closure.evaluate();
      gNew = gatherFlatGrad(params);
      setParams(params, x);
      evals++;
    }

    void run(double t0, double f, float[] g, double gtd, double toleranceChange) {
      double dNorm = absMax(d);
      t = t0;
      evaluate(t);
      double gtdNew = dot(gNew, d);
      double tPrev = 0;
      double fPrev = f;
      float[] gPrev = g.clone();
      double gtdPrev = gtd;
      boolean done = false;
      int lsIter = 0;
      double[] bracket = null;
      double[] bracketF = null;
      float[][] bracketG = null;
      double[] bracketGtd = null;
      while (lsIter < MAX_LINE_SEARCH) {
        if (fNew > f + C1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
          bracket = new double[] {tPrev, t};
          bracketF = new double[] {fPrev, fNew};
          bracketG = new float[][] {gPrev, gNew.clone()};
          bracketGtd = new double[] {gtdPrev, gtdNew};
          break;
        }
        if (Math.abs(gtdNew) <= -C2 * gtd) {
          bracket = new double[] {t};
          bracketF = new double[] {fNew};
          bracketG = new float[][] {gNew};
          done = true;
          break;
        }
        if (gtdNew >= 0) {
          bracket = new double[] {tPrev, t};
          bracketF = new double[] {fPrev, fNew};
          bracketG = new float[][] {gPrev, gNew.clone()};
          bracketGtd = new double[] {gtdPrev, gtdNew};
          break;
        }
        double minStep = t + 0.01 * (t - tPrev);
        double maxStep = t * 10;
        double tmp = t;
        t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
        tPrev = tmp;
        fPrev = fNew;
        gPrev = gNew.clone();
        gtdPrev = gtdNew;
        evaluate(t);
        gtdNew = dot(gNew, d);
        lsIter++;
      }
      if (lsIter == MAX_LINE_SEARCH) {
        bracket = new double[] {0, t};
        bracketF = new double[] {f, fNew};
        bracketG = new float[][] {g, gNew};
      }

      boolean insufficientProgress = false;
      int low = bracketF[0] <= bracketF[bracketF.length - 1] ? 0 : 1;
      int high = 1 - low;
      while (!done && lsIter < MAX_LINE_SEARCH) {
        if (Math.abs(bracket[1] - bracket[0]) * dNorm < toleranceChange) {
          break;
        }
        t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1],
            Math.min(bracket[0], bracket[1]), Math.max(bracket[0], bracket[1]));
        double hi = Math.max(bracket[0], bracket[1]);
        double lo = Math.min(bracket[0], bracket[1]);
        double eps = 0.1 * (hi - lo);
        if (Math.min(hi - t, t - lo) < eps) {
          if (insufficientProgress || t >= hi || t <= lo) {
            t = Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps;
            insufficientProgress = false;
          } else {
            insufficientProgress = true;
          }
        } else {
          insufficientProgress = false;
        }
        evaluate(t);
        gtdNew = dot(gNew, d);
        lsIter++;
        if (fNew > f + C1 * t * gtd || fNew >= bracketF[low]) {
          bracket[high] = t;
          bracketF[high] = fNew;
          bracketG[high] = gNew.clone();
          bracketGtd[high] = gtdNew;
          low = bracketF[0] <= bracketF[1] ? 0 : 1;
          high = 1 - low;
        } else {
          if (Math.abs(gtdNew) <= -C2 * gtd) {
            done = true;
          } else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
            bracket[high] = bracket[low];
            bracketF[high] = bracketF[low];
            bracketG[high] = bracketG[low];
            bracketGtd[high] = bracketGtd[low];
          }
          bracket[low] = t;
          bracketF[low] = fNew;
          bracketG[low] = gNew.clone();
          bracketGtd[low] = gtdNew;
        }
      }
      t = bracket[low];
      fNew = bracketF[low];
      gNew = bracketG[low];
    }
  }

  /** PyTorch's {@code _cubic_interpolate}: the minimizer of the cubic through two points, within bounds. */
  static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double lo, double hi) {
    double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
    double d2Square = d1 * d1 - g1 * g2;
    if (d2Square >= 0) {
      double d2 = Math.sqrt(d2Square);
      double minPos = x1 <= x2
          ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
          : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
      return Math.min(Math.max(minPos, lo), hi);
    }
    return (lo + hi) / 2.0;
  }

  private static float[] gatherFlatGrad(List<Parameter> params) {
    int n = 0;
    for (Parameter p : params) {
      n += p.size();
    }
    float[] flat = new float[n];
    int offset = 0;
    for (Parameter p : params) {
      FloatStorage grad = p.grad();
      if (grad != null) {
        for (int i = 0; i < p.size(); i++) {
          flat[offset + i] = grad.get(i);
        }
      }
      offset += p.size();
    }
    return flat;
  }

  private static void addGrad(List<Parameter> params, double step, float[] update) {
    float alpha = (float) step;
    int offset = 0;
    for (Parameter p : params) {
      FloatStorage values = p.values();
      for (int i = 0; i < p.size(); i++) {
        values.set(i, values.get(i) + alpha * update[offset + i]);
      }
      offset += p.size();
    }
  }

  private static float[][] cloneParams(List<Parameter> params) {
    float[][] copy = new float[params.size()][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = params.get(i).values().toArray();
    }
    return copy;
  }

  private static void setParams(List<Parameter> params, float[][] values) {
    for (int i = 0; i < values.length; i++) {
      params.get(i).values().copyFrom(values[i]);
    }
  }

  private static float[] scaled(float[] v, double factor) {
    float f = (float) factor;
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * f;
    }
    return out;
  }

  private static void axpy(float[] target, float[] v, double alpha) {
    float a = (float) alpha;
    for (int i = 0; i < target.length; i++) {
      target[i] = target[i] + a * v[i];
    }
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }

  private static double absMax(float[] v) {
    float max = 0;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    return max;
  }

  private static double absSum(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += Math.abs(x);
    }
    return sum;
  }

  @Override
  protected OptimizerState.ParamState exportState(Parameter p, State state) {
    Map<String, float[]> tensors = new LinkedHashMap<>();
    Map<String, Double> scalars = new LinkedHashMap<>();
    scalars.put("func_evals", state.funcEvals);
    scalars.put("n_iter", state.nIter);
    scalars.put("t", state.t);
    scalars.put("H_diag", state.hDiag);
    scalars.put("prev_loss", state.prevLoss);
    scalars.put("history", (double) state.oldDirs.size());
    if (state.d != null) {
      tensors.put("d", state.d);
    }
    if (state.prevFlatGrad != null) {
      tensors.put("prev_flat_grad", state.prevFlatGrad);
    }
    for (int i = 0; i < state.oldDirs.size(); i++) {
      tensors.put("old_dirs." + i, state.oldDirs.get(i));
      tensors.put("old_stps." + i, state.oldStps.get(i));
      scalars.put("ro." + i, state.ro.get(i));
    }
    return new OptimizerState.ParamState(tensors, scalars);
  }

  @Override
  protected State importState(Parameter p, ParamGroup group, OptimizerState.ParamState exported) {
    int numel = group.params().stream().mapToInt(Parameter::size).sum();
    Map<String, float[]> tensors = exported.tensors();
    State state = new State();
    state.funcEvals = requireScalar(p, exported, "func_evals");
    state.nIter = requireScalar(p, exported, "n_iter");
    state.t = requireScalar(p, exported, "t");
    state.hDiag = requireScalar(p, exported, "H_diag");
    state.prevLoss = requireScalar(p, exported, "prev_loss");
    int history = (int) requireScalar(p, exported, "history");
    state.d = flat(p, tensors, "d", numel, false);
    state.prevFlatGrad = flat(p, tensors, "prev_flat_grad", numel, false);
    for (int i = 0; i < history; i++) {
      state.oldDirs.add(flat(p, tensors, "old_dirs." + i, numel, true));
      state.oldStps.add(flat(p, tensors, "old_stps." + i, numel, true));
      state.ro.add(requireScalar(p, exported, "ro." + i));
    }
    return state;
  }

  private static float[] flat(Parameter p, Map<String, float[]> tensors, String key, int numel, boolean required) {
    float[] values = tensors.get(key);
    if (values == null) {
      if (required) {
        throw new IllegalArgumentException("LBFGS state under parameter " + p.name() + " lacks tensor " + key);
      }
      return null;
    }
    if (values.length != numel) {
      throw new IllegalArgumentException("LBFGS state tensor " + key + " holds " + values.length
          + " values, the parameters hold " + numel + " in all");
    }
    return values;
  }
}
