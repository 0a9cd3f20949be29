package dev.anneal.optim;

import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorException;
import dev.anneal.vocabulary.Kind;
import dev.anneal.vocabulary.Role;
import dev.anneal.vocabulary.Values;
import dev.anneal.vocabulary.Vocabulary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer's hyperparameters as its {@link Descriptor} says: the defaults, overridden by the
 * user's keyword arguments, and each group's values checked when it joins. Names, defaults and
 * ranges live in the descriptor only.
 */
final class Hyper {
  private Hyper() {}

  /** A built-in optimizer's descriptor. */
  static Descriptor builtIn(String type) {
    return Vocabulary.builtIns().require(Category.OPTIMIZER, type);
  }

  /**
   * The optimizer's defaults under PyTorch names: the descriptor's, overridden by {@code overrides}
   * (checked; an unknown name gets a did-you-mean). Implementation switches ({@code foreach}, ...)
   * are checked and left out: they never change the numbers.
   */
  static Map<String, Object> defaults(Descriptor descriptor, Map<String, ?> overrides) {
    Values values = descriptor.resolve(overrides);
    Map<String, Object> defaults = new LinkedHashMap<>();
    for (Argument a : descriptor.arguments()) {
      if (a.role() == Role.HYPERPARAMETER) {
        defaults.put(a.name(), values.get(a.name()));
      }
    }
    return defaults;
  }

  /**
   * Checks a group's values of the descriptor's arguments (ranges, kinds, rules across arguments)
   * and stores whole numbers of float arguments as numbers ({@code lr=1} from JSON becomes 1.0, so
   * the per-step read is a plain double). Keys the descriptor does not know are left alone, as
   * PyTorch leaves extra keys of a param group.
   */
  static void check(Descriptor descriptor, ParamGroup group) {
    Map<String, Object> given = new LinkedHashMap<>();
    for (Argument a : descriptor.arguments()) {
      if (a.role() == Role.HYPERPARAMETER && group.has(a.name())) {
        given.put(a.name(), group.get(a.name()));
      }
    }
    try {
      descriptor.resolve(given);
    } catch (DescriptorException e) {
      throw new IllegalArgumentException(e.getMessage() + " (group " + group.name() + ")", e);
    }
    for (Argument a : descriptor.arguments()) {
      if (a.kind() == Kind.DOUBLE && group.has(a.name()) && group.get(a.name()) instanceof Number n) {
        group.set(a.name(), n.doubleValue());
      }
    }
  }
}
