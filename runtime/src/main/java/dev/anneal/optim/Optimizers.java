package dev.anneal.optim;

import dev.anneal.spec.Spec;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.LinkedHashMap;

/** Builds an optimizer from its PyTorch class name and keyword arguments. */
public final class Optimizers {
  private static final Map<String, BiFunction<List<ParamGroup>, Map<String, Object>, Optimizer>> FACTORIES = factories();

  private Optimizers() {}

  private static Map<String, BiFunction<List<ParamGroup>, Map<String, Object>, Optimizer>> factories() {
    Map<String, BiFunction<List<ParamGroup>, Map<String, Object>, Optimizer>> f = new LinkedHashMap<>();
    f.put(Sgd.TYPE, Sgd::new);
    f.put(Adam.TYPE, Adam::new);
    f.put(AdamW.TYPE, AdamW::new);
    f.put(Adagrad.TYPE, Adagrad::new);
    f.put(RmsProp.TYPE, RmsProp::new);
    f.put(Adadelta.TYPE, Adadelta::new);
    f.put(Adamax.TYPE, Adamax::new);
    f.put(NAdam.TYPE, NAdam::new);
    f.put(RAdam.TYPE, RAdam::new);
    f.put(Rprop.TYPE, Rprop::new);
    f.put(Asgd.TYPE, Asgd::new);
    f.put(Lamb.TYPE, Lamb::new);
    f.put(Lars.TYPE, Lars::new);
    f.put(LayerAdaptiveAdam.TYPE, LayerAdaptiveAdam::new);
    f.put(Lbfgs.TYPE, Lbfgs::new);
    return f;
  }

  /** The type names {@link #create} knows, PyTorch's class names plus LAMB, LARS and LayerAdaptiveAdam. */
  public static List<String> types() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * {@code Optimizers.create(Spec.of("AdamW").with("lr", 1e-3), groups)}: the spec's kwargs are the
   * optimizer's defaults under PyTorch names; unknown types and unknown kwargs are refused.
   */
  public static Optimizer create(Spec spec, List<ParamGroup> groups) {
    var factory = FACTORIES.get(spec.type());
    if (factory == null) {
      throw new IllegalArgumentException("unknown optimizer " + spec.type() + "; known: " + FACTORIES.keySet());
    }
    return factory.apply(groups, spec.kwargs());
  }
}
