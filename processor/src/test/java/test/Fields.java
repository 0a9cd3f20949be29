package test;

import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import java.util.List;

/** Field values for the random models of GeneratedPlansRunProperties: every field holds parameters of its own. */
public final class Fields {
  private Fields() {}

  /** A LambdaLR factor: halves the lr every step. */
  public static final class Halving implements java.util.function.IntToDoubleFunction {
    @Override
    public double applyAsDouble(int step) {
      return Math.pow(0.5, step);
    }
  }

  public static Layer layer(String name) {
    Layer layer = new Layer(name);
    layer.add("w", 2);
    return layer;
  }

  public static Parameter parameter(String name) {
    return Parameter.zeros(name, 2);
  }

  public static ParameterSource source(String name) {
    return parameter(name);
  }

  public static List<Parameter> parameterList(String name) {
    return List.of(parameter(name + ".a"), parameter(name + ".b"));
  }

  public static Layer[] layerArray(String name) {
    return new Layer[] {layer(name + ".a"), layer(name + ".b")};
  }

  public static List<Layer> layerList(String name) {
    return List.of(layer(name + ".a"), layer(name + ".b"));
  }
}
