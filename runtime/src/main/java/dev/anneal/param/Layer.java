package dev.anneal.param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A named set of parameters, the runtime's own building block for models that need no engine.
 * Parameters added to a layer are named {@code layerName.localName}, as PyTorch's
 * {@code named_parameters()} does.
 */
public final class Layer implements ParameterSource {
  private final String name;
  private final List<Parameter> parameters = new ArrayList<>();
  private final String moduleType;

  public Layer(String name) {
    this(name, "");
  }

  /**
   * A layer standing for a PyTorch module of class {@code moduleType} ({@code "BatchNorm2d"},
   * {@code "LayerNorm"}, {@code "Linear"}): the parameters it adds carry that type
   * ({@link Parameter#moduleType()}), so rules that select normalization layers by module kind
   * (detectron2's {@code WEIGHT_DECAY_NORM}, torchvision's {@code norm_weight_decay}) find them.
   *
   * @param name the module's name in {@code named_parameters()}
   * @param moduleType the module's PyTorch class name, or {@code ""} for unknown
   */
  public Layer(String name, String moduleType) {
    this.name = Objects.requireNonNull(name, "name");
    this.moduleType = Objects.requireNonNull(moduleType, "moduleType");
  }

  /** {@return the PyTorch class name of the module this layer stands for, or {@code ""}} */
  public String moduleType() {
    return moduleType;
  }

  public String name() {
    return name;
  }

  /** Adds a zero-filled heap parameter named {@code name + "." + localName}, of this layer's module type. */
  public Parameter add(String localName, int... shape) {
    Parameter parameter = Parameter.zeros(name + "." + localName, shape).moduleType(moduleType);
    parameters.add(parameter);
    return parameter;
  }

  /** Adds a parameter made elsewhere, under its own name. */
  public Parameter add(Parameter parameter) {
    parameters.add(Objects.requireNonNull(parameter, "parameter"));
    return parameter;
  }

  @Override
  public List<Parameter> parameters() {
    return Collections.unmodifiableList(parameters);
  }
}
