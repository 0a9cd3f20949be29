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

  public Layer(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  public String name() {
    return name;
  }

  /** Adds a zero-filled heap parameter named {@code name + "." + localName}. */
  public Parameter add(String localName, int... shape) {
    Parameter parameter = Parameter.zeros(name + "." + localName, shape);
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
