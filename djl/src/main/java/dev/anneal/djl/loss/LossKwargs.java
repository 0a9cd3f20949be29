package dev.anneal.djl.loss;

import dev.anneal.spec.Registry;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorException;
import dev.anneal.vocabulary.Problem;
import dev.anneal.vocabulary.Values;
import dev.anneal.vocabulary.Vocabulary;
import java.util.Map;

/**
 * A loss's keyword arguments under PyTorch's names, checked against its descriptor in the shared
 * vocabulary ({@code dev.anneal.vocabulary.builtin.LossDescriptors}, where every name, default and
 * range is written) and completed with the defaults: what every loss constructor reads.
 */
public final class LossKwargs {
  private final String loss;
  private final Values values;

  private LossKwargs(String loss, Values values) {
    this.loss = loss;
    this.values = values;
  }

  /**
   * The descriptor of a built-in loss or of one a {@link LossProvider} registered; refuses an
   * unknown name with the known ones and the closest.
   */
  public static Descriptor descriptor(String loss) {
    Vocabulary vocabulary = Registry.vocabulary();
    return vocabulary.find(Category.LOSS, loss)
        .orElseThrow(() -> new LossInputException(loss, "type", vocabulary.unknownMessage(Category.LOSS, loss)));
  }

  /** Checks {@code given} against {@code loss}'s descriptor and fills in the defaults. */
  public static LossKwargs resolve(String loss, Map<String, ?> given) {
    try {
      LossKwargs kwargs = new LossKwargs(loss, descriptor(loss).resolve(given));
      for (var a : kwargs.values.descriptor().arguments()) {
        if (a.kind() == dev.anneal.vocabulary.Kind.TENSOR && kwargs.values.get(a.name()) != null && kwargs.tensor(a.name()) == null) {
          throw new LossInputException(loss, a.name(), "must be a rectangular array of numbers (float[], double[], int[], "
              + "float[][], double[][] or nested lists), was " + kwargs.values.get(a.name()));
        }
      }
      return kwargs;
    } catch (DescriptorException e) {
      Problem first = e.problems().get(0);
      throw LossInputException.of(loss, first.argument(), e.getMessage());
    }
  }

  /** {@return the loss's PyTorch class name} */
  public String loss() {
    return loss;
  }

  /** Whether the loss's descriptor has this argument. */
  public boolean takes(String name) {
    return values.descriptor().argument(name).isPresent();
  }

  public Map<String, Object> asMap() {
    return values.asMap();
  }

  public double number(String name) {
    return values.number(name);
  }

  public int integer(String name) {
    return values.integer(name);
  }

  public boolean flag(String name) {
    return values.flag(name);
  }

  public String string(String name) {
    return values.string(name);
  }

  /** {@return the loss's {@code reduction}} */
  public Reduction reduction() {
    return Reduction.of(loss, string("reduction"));
  }

  /** A tensor argument ({@code weight}, {@code pos_weight}) with its shape, or null for None. */
  public TensorArgument tensor(String name) {
    return TensorArgument.of(values.get(name));
  }
}
