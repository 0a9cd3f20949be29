package dev.anneal.samples.recipes;

import dev.anneal.param.Parameter;
import java.util.List;

/**
 * A tiny YOLOv5 network's parameters, named as {@code named_parameters()} names them (two Conv
 * blocks, conv + BatchNorm, and a Detect conv with bias), sorted into {@code smart_optimizer}'s
 * groups by the rule it applies to each module: a {@code bias}, a normalization layer's
 * {@code weight}, any other weight.
 */
final class YoloV5Parameters {
  private final Parameter conv0 = Parameter.zeros("model.0.conv.weight", 2, 1, 1, 1);
  private final Parameter bn0Weight = Parameter.zeros("model.0.bn.weight", 2);
  private final Parameter bn0Bias = Parameter.zeros("model.0.bn.bias", 2);
  private final Parameter conv1 = Parameter.zeros("model.1.conv.weight", 1, 2, 1, 1);
  private final Parameter bn1Weight = Parameter.zeros("model.1.bn.weight", 1);
  private final Parameter bn1Bias = Parameter.zeros("model.1.bn.bias", 1);
  private final Parameter detect = Parameter.zeros("model.2.m.0.weight", 2, 1, 1, 1);
  private final Parameter detectBias = Parameter.zeros("model.2.m.0.bias", 2);

  /** smart_optimizer's g[2]: the biases. */
  List<Parameter> biases() {
    return List.of(bn0Bias, bn1Bias, detectBias);
  }

  /** g[0]: weights with decay. */
  List<Parameter> weights() {
    return List.of(conv0, conv1, detect);
  }

  /** g[1]: normalization weights. */
  List<Parameter> normWeights() {
    return List.of(bn0Weight, bn1Weight);
  }
}
