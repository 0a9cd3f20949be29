package dev.anneal.samples.custom.model;

import dev.anneal.loop.TrainingLoop;
import dev.anneal.loop.TrainingResult;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import java.io.PrintStream;
import java.util.Random;

/**
 * Trains {@link LayerwiseRegressor} on synthetic data {@code y = w.x + 0.5} with the plan the
 * processor generated from its annotations: the optimizer is {@code LayerwiseAdam}, the seed's
 * layer-adaptive Adam written in {@code dev.anneal.samples.custom} as a user's own and registered
 * with AutoService. Run it with {@code -Danneal.main=dev.anneal.samples.custom.model.CustomOptimizerSample}.
 */
public final class CustomOptimizerSample {
  static final int BATCH = 16;

  private final LayerwiseRegressor model = new LayerwiseRegressor();
  private final float[] trueWeight = {1.5f, -2f, 0.5f, 1f};

  /** The generated plan: {@code LayerwiseRegressorTraining.plan(model)}. */
  public TrainingPlan plan() {
    return LayerwiseRegressorTraining.plan(model);
  }

  public LayerwiseRegressor model() {
    return model;
  }

  /** One batch of mean squared error; the data depend only on (epoch, batch). */
  double train(int epoch, long batch, double lossScale) {
    Random data = new Random(epoch * 1_000_003L + batch);
    Parameter weight = model.weight();
    Parameter bias = model.bias();
    float[] gw = new float[LayerwiseRegressor.FEATURES];
    float gb = 0;
    double loss = 0;
    for (int n = 0; n < BATCH; n++) {
      float target = 0.5f;
      float prediction = bias.values().get(0);
      float[] x = new float[LayerwiseRegressor.FEATURES];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) data.nextGaussian();
        target += trueWeight[i] * x[i];
        prediction += weight.values().get(i) * x[i];
      }
      float error = prediction - target;
      loss += (double) error * error / BATCH;
      for (int i = 0; i < x.length; i++) {
        gw[i] += 2 * error * x[i] / BATCH;
      }
      gb += 2 * error / BATCH;
    }
    weight.setGrad(FloatStorage.wrap(scaled(gw, lossScale)));
    bias.setGrad(FloatStorage.wrap(scaled(new float[] {gb}, lossScale)));
    return loss;
  }

  private static float[] scaled(float[] grad, double scale) {
    for (int i = 0; i < grad.length; i++) {
      grad[i] = (float) (grad[i] * scale);
    }
    return grad;
  }

  /** Trains with the ready-made loop, printing one line per epoch to {@code console} (null: quiet). */
  public TrainingResult run(TrainingPlan plan, PrintStream console) {
    return TrainingLoop.of(plan).train(this::train).console(console).run();
  }

  public static void main(String[] args) {
    CustomOptimizerSample sample = new CustomOptimizerSample();
    TrainingPlan plan = sample.plan();
    TrainingResult result = sample.run(plan, System.out);
    System.out.println(result.status() + " after " + result.steps() + " steps of " + plan.optimizer().type());
  }
}
