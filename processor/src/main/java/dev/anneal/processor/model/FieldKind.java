package dev.anneal.processor.model;

/** How a field's value becomes a {@code ParameterSource} in generated code. */
public enum FieldKind {
  /** A ParameterSource already (Layer, Parameter, any subtype): used as is. */
  SOURCE,
  /** A collection of parameters: {@code ParameterSource.of(collection)}. */
  PARAMETER_COLLECTION,
  /** A collection of sources: {@code ParameterSource.concat(collection)}. */
  SOURCE_COLLECTION,
  /** An array of sources (parameters included): {@code ParameterSource.concat(List.of(array))}. */
  SOURCE_ARRAY,
  /** A DJL {@code ai.djl.nn.Block}: {@code BlockParameters.of("name", block)}. */
  DJL_BLOCK
}
