package dev.anneal.param;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Anything that holds named parameters: a single parameter, a layer, a block, a list. A model's
 * field of such a type becomes the parameters of a group.
 */
@FunctionalInterface
public interface ParameterSource {

  /** {@return the parameters, in a stable order} */
  List<Parameter> parameters();

  /**
   * The source's buffers (state that is not trained, such as BatchNorm's running statistics), in
   * a stable order; a plan's checkpoint saves them with the parameters. None by default.
   */
  default List<Buffer> buffers() {
    return List.of();
  }

  static ParameterSource of(Parameter... parameters) {
    List<Parameter> list = List.of(parameters);
    return () -> list;
  }

  static ParameterSource of(Collection<? extends Parameter> parameters) {
    List<Parameter> list = List.copyOf(parameters);
    return () -> list;
  }

  /** Several sources as one, in order. */
  static ParameterSource concat(Collection<? extends ParameterSource> sources) {
    List<ParameterSource> copy = List.copyOf(sources);
    return new ParameterSource() {
      @Override
      public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (ParameterSource source : copy) {
          all.addAll(source.parameters());
        }
        return all;
      }

      @Override
      public List<Buffer> buffers() {
        List<Buffer> all = new ArrayList<>();
        for (ParameterSource source : copy) {
          all.addAll(source.buffers());
        }
        return all;
      }
    };
  }
}
