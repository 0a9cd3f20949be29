package com.example.consumer;

import dev.anneal.loop.TrainingLoop;
import dev.anneal.loop.TrainingResult;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains {@link LinearModel} on synthetic data ({@code y = 2 x0 - x1 + 0.5 x2 + 0.3}) with the
 * plan its annotations declare, through the runtime's training loop; gradients of the mean squared
 * error are written by hand, so no native engine is needed. {@code mvn compile exec:java} runs it.
 */
public final class Train {
  private static final float[] TRUE_WEIGHT = {2f, -1f, 0.5f};
  private static final float TRUE_BIAS = 0.3f;
  private static final int BATCH = 32;

  private Train() {}

  public static void main(String[] args) {
    LinearModel model = new LinearModel();
    TrainingPlan plan = LinearModelTraining.plan(model);     // written by the Anneal processor
    TrainingResult result = TrainingLoop.of(plan)
        .train((epoch, batch, lossScale) -> trainBatch(model, epoch, batch, lossScale))
        .validate(epoch -> Map.of("val_loss", validationLoss(model)))
        .run();
    System.out.printf(Locale.ROOT, "consumer: %d/%d epochs, %d optimizer steps%n", result.epochs(), plan.epochs(),
        result.steps());
    System.out.printf(Locale.ROOT, "consumer: validation loss %.3e, w = [%.3f, %.3f, %.3f], b = %.3f%n",
        validationLoss(model), model.weight.values().get(0), model.weight.values().get(1), model.weight.values().get(2),
        model.bias.values().get(0));
    if (!result.completed()) {
      System.err.println(result.message());
      System.exit(1);
    }
  }

  /** One mini-batch of mean squared error: the loss, and its gradient added to each parameter that wants one. */
  static double trainBatch(LinearModel model, int epoch, long batch, double lossScale) {
    Random data = new Random(epoch * 1_000L + batch);
    float[] gradWeight = new float[LinearModel.FEATURES];
    float gradBias = 0;
    double loss = 0;
    float[] x = new float[LinearModel.FEATURES];
    for (int n = 0; n < BATCH; n++) {
      float target = sample(data, x);
      float error = model.predict(x) - target;
      loss += (double) error * error / BATCH;
      for (int i = 0; i < x.length; i++) {
        gradWeight[i] += 2 * error * x[i] / BATCH;
      }
      gradBias += 2 * error / BATCH;
    }
    addGradient(model.weight, gradWeight, lossScale);
    addGradient(model.bias, new float[] {gradBias}, lossScale);
    return loss;
  }

  /** Frozen parameters get no gradient, as an engine would compute none for them. */
  private static void addGradient(Parameter p, float[] grad, double scale) {
    if (!p.requiresGrad()) {
      return;
    }
    FloatStorage g = p.gradOrZeros();
    for (int i = 0; i < grad.length; i++) {
      g.set(i, g.get(i) + (float) scale * grad[i]);
    }
  }

  static double validationLoss(LinearModel model) {
    Random data = new Random(-1);
    float[] x = new float[LinearModel.FEATURES];
    double loss = 0;
    for (int n = 0; n < 1_000; n++) {
      float target = sample(data, x);
      float error = model.predict(x) - target;
      loss += (double) error * error / 1_000;
    }
    return loss;
  }

  /** Fills {@code x} with a standard normal draw and returns its target. */
  private static float sample(Random data, float[] x) {
    float y = TRUE_BIAS;
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) data.nextGaussian();
      y += TRUE_WEIGHT[i] * x[i];
    }
    return y;
  }
}
