package dev.anneal.samples.custom.model;

import dev.anneal.annotations.Kwarg;
import dev.anneal.annotations.LearningRate;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.Training;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;

/**
 * A linear model trained with a user's own optimizer, named in the annotation by its registered
 * name: the processor finds {@code LayerwiseAdam}'s descriptor (a service on its path), checks
 * {@code trust_coefficient} against it and writes {@code LayerwiseRegressorTraining}, whose plan
 * builds the optimizer through {@code LayerwiseAdamProvider}.
 */
@Training(epochs = 12, stepsPerEpoch = 10)
@Optimizer(custom = "LayerwiseAdam", lr = 0.05, kwargs = @Kwarg(name = "trust_coefficient", value = "0.5"))
public final class LayerwiseRegressor {
  static final int FEATURES = 4;

  final Layer linear = new Layer("linear");
  @LearningRate(0.02) final Parameter bias = Parameter.zeros("bias", 1);

  public LayerwiseRegressor() {
    linear.add("weight", FEATURES);
  }

  /** The weight vector, {@code FEATURES} values. */
  public Parameter weight() {
    return linear.parameters().get(0);
  }

  public Parameter bias() {
    return bias;
  }
}
