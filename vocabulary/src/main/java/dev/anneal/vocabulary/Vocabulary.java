package dev.anneal.vocabulary;

import dev.anneal.vocabulary.builtin.BuiltIns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every descriptor known: the built-in ones plus those of {@link DescriptorProvider}s found with
 * {@link ServiceLoader} on a class loader. A user's name that clashes with another is refused
 * when the vocabulary loads, so a name always means one thing.
 */
public final class Vocabulary {
  private static volatile Vocabulary builtIns;

  private final Map<Category, Map<String, Descriptor>> byCategory = new EnumMap<>(Category.class);
  private final Map<String, DescriptorProvider> providerOf = new LinkedHashMap<>();

  private Vocabulary() {
    for (Category c : Category.values()) {
      byCategory.put(c, new LinkedHashMap<>());
    }
  }

  /** {@return the built-in descriptors only} */
  public static Vocabulary builtIns() {
    Vocabulary v = builtIns;
    if (v == null) {
      v = new Vocabulary();
      v.addAll(new BuiltIns());
      builtIns = v;
    }
    return v;
  }

  /**
   * The built-ins plus every provider {@code loader} finds. The processor passes its own class
   * loader (the annotation processor path); the runtime the thread's context class loader.
   */
  public static Vocabulary load(ClassLoader loader) {
    Vocabulary v = new Vocabulary();
    v.addAll(new BuiltIns());
    for (DescriptorProvider provider : ServiceLoader.load(DescriptorProvider.class, loader)) {
      v.addAll(provider);
    }
    return v;
  }

  /** The built-ins plus these providers (for tests and for callers that find providers themselves). */
  public static Vocabulary of(List<? extends DescriptorProvider> providers) {
    Vocabulary v = new Vocabulary();
    v.addAll(new BuiltIns());
    providers.forEach(v::addAll);
    return v;
  }

  private void addAll(DescriptorProvider provider) {
    for (Descriptor d : provider.descriptors()) {
      Descriptor before = byCategory.get(d.category()).putIfAbsent(d.name(), d);
      if (before != null) {
        throw new IllegalStateException(d.category().noun() + " " + d.name() + " of " + provider.getClass().getName()
            + " clashes with one already registered" + (providerOf.containsKey(key(d)) ? " by "
            + providerOf.get(key(d)).getClass().getName() : "") + "; choose another name");
      }
      providerOf.put(key(d), provider);
    }
  }

  private static String key(Descriptor d) {
    return d.category() + ":" + d.name();
  }

  /** All descriptors of a category, built-ins first, in registration order. */
  public List<Descriptor> all(Category category) {
    return Collections.unmodifiableList(new ArrayList<>(byCategory.get(category).values()));
  }

  public Optional<Descriptor> find(Category category, String name) {
    return Optional.ofNullable(byCategory.get(category).get(name));
  }

  /** The descriptor, or an exception naming the known ones and the closest. */
  public Descriptor require(Category category, String name) {
    Descriptor d = byCategory.get(category).get(name);
    if (d == null) {
      throw new IllegalArgumentException(unknownMessage(category, name));
    }
    return d;
  }

  /** "unknown optimizer AdamX (did you mean AdamW or Adam?); known: [...]" */
  public String unknownMessage(Category category, String name) {
    List<String> names = new ArrayList<>(byCategory.get(category).keySet());
    return "unknown " + category.noun() + " " + name + Suggestions.didYouMean(name, names) + "; known: " + names;
  }

  /** The provider that registered a descriptor (the built-ins' own for built-in ones). */
  public DescriptorProvider providerOf(Descriptor descriptor) {
    return providerOf.get(key(descriptor));
  }
}
