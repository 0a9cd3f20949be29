package dev.anneal.spec;

import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorProvider;
import dev.anneal.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The vocabulary the runtime uses: the built-in descriptors plus every {@link DescriptorProvider}
 * registered with {@link ServiceLoader} (by AutoService) on the runtime's class loader or the
 * thread's context class loader, loaded once.
 */
public final class Registry {
  private static volatile Registry instance;

  private final Vocabulary vocabulary;
  private final List<DescriptorProvider> providers;

  private Registry(List<DescriptorProvider> providers) {
    this.providers = List.copyOf(providers);
    this.vocabulary = Vocabulary.of(providers);
  }

  private static Registry get() {
    Registry r = instance;
    if (r == null) {
      synchronized (Registry.class) {
        r = instance;
        if (r == null) {
          r = new Registry(discover());
          instance = r;
        }
      }
    }
    return r;
  }

  private static List<DescriptorProvider> discover() {
    Map<Class<?>, DescriptorProvider> found = new LinkedHashMap<>();
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(Registry.class.getClassLoader());
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != Registry.class.getClassLoader()) {
      loaders.add(context);
    }
    for (ClassLoader loader : loaders) {
      for (DescriptorProvider p : ServiceLoader.load(DescriptorProvider.class, loader)) {
        found.putIfAbsent(p.getClass(), p);
      }
    }
    return new ArrayList<>(found.values());
  }

  /** {@return every descriptor the runtime knows} */
  public static Vocabulary vocabulary() {
    return get().vocabulary;
  }

  /** The descriptor of an optimizer or scheduler, or an exception with the did-you-mean and the known names. */
  public static Descriptor require(Category category, String name) {
    Descriptor d = vocabulary().require(category, name);
    d.unsupported().ifPresent(reason -> {
      throw new IllegalArgumentException(name + " is not supported: " + reason);
    });
    return d;
  }

  /** The provider of a user's descriptor that is also of {@code type} (an optimizer or scheduler factory), if any. */
  public static <T> T provider(Descriptor descriptor, Class<T> type) {
    DescriptorProvider p = vocabulary().providerOf(descriptor);
    return type.isInstance(p) ? type.cast(p) : null;
  }
}
