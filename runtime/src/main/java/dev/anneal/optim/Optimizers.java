package dev.anneal.optim;

import dev.anneal.spec.Registry;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecSource;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Builds an optimizer from its PyTorch class name and keyword arguments: the built-in classes,
 * and users' own through their {@link OptimizerProvider}. Names, defaults and ranges are the
 * descriptors' ({@link Registry}).
 */
public final class Optimizers {
  private static final Map<String, BiFunction<List<ParamGroup>, Map<String, Object>, Optimizer>> BUILT_IN = builtIn();

  private Optimizers() {}

  /** {@return which class implements each built-in descriptor} */
  private static Map<String, BiFunction<List<ParamGroup>, Map<String, Object>, Optimizer>> builtIn() {
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
    f.put(Adafactor.TYPE, Adafactor::new);
    f.put(Muon.TYPE, Muon::new);
    return f;
  }

  /** {@return the type names {@link #create} builds: every supported optimizer descriptor, built-in or registered} */
  public static List<String> types() {
    return Registry.vocabulary().all(Category.OPTIMIZER).stream()
        .filter(d -> d.unsupported().isEmpty())
        .map(Descriptor::name)
        .filter(name -> BUILT_IN.containsKey(name) || provider(name) != null)
        .toList();
  }

  /** {@return the built-in class names with an implementation here (what "every descriptor builds" is checked against)} */
  static java.util.Set<String> builtInTypes() {
    return BUILT_IN.keySet();
  }

  /**
   * {@code Optimizers.create(AdamW.spec().lr(1e-3), groups)} or
   * {@code Optimizers.create(Spec.of("AdamW").with("lr", 1e-3), groups)}: the spec's kwargs are the
   * optimizer's defaults under PyTorch names; unknown types (with the closest names), SparseAdam
   * (with the reason) and bad kwargs are refused.
   */
  public static Optimizer create(SpecSource source, List<ParamGroup> groups) {
    Spec spec = source.toSpec();
    Descriptor descriptor = Registry.require(Category.OPTIMIZER, spec.type());
    var builtIn = BUILT_IN.get(descriptor.name());
    if (builtIn != null) {
      return builtIn.apply(groups, spec.kwargs());
    }
    OptimizerProvider provider = provider(descriptor.name());
    if (provider == null) {
      throw new IllegalArgumentException("optimizer " + spec.type() + " has a descriptor but no implementation: register an "
          + OptimizerProvider.class.getName() + " for it");
    }
    descriptor.resolve(spec.kwargs());
    return provider.create(groups, spec.kwargs());
  }

  private static OptimizerProvider provider(String name) {
    return Registry.vocabulary().find(Category.OPTIMIZER, name)
        .map(d -> Registry.provider(d, OptimizerProvider.class)).orElse(null);
  }
}
