package dev.anneal.processor.model;

import dev.anneal.vocabulary.Descriptor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The checked {@code @Loss}: the loss's descriptor and the keyword arguments written (PyTorch names; the rest default). */
public record LossModel(Descriptor descriptor, Map<String, Arg> kwargs) {
  public LossModel {
    kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
  }
}
