package dev.anneal.schedule;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;

/** Reads the scheduler fixtures of the conformance schema and drives schedules through them. */
final class SchedulerFixtures {
  static final String FOLDER = "conformance/schedulers";
  static final ObjectMapper JSON = new ObjectMapper();

  /** The custom CyclicLR scale functions the recording script names (same names, same math). */
  static final Map<String, DoubleUnaryOperator> SCALE_FNS = Map.of(
      "half_power", x -> Math.pow(0.5, x),
      "inverse", x -> 1.0 / (1.0 + x));

  /** The LambdaLR / MultiplicativeLR functions the recording script names (same names, same math). */
  static final Map<String, IntToDoubleFunction> LR_LAMBDAS = Map.of(
      "decay_95", e -> Math.pow(0.95, e),
      "inverse", e -> 1.0 / (1.0 + e),
      "halve_every_3", e -> Math.pow(0.5, Math.floorDiv(e, 3)),
      "constant_95", e -> 0.95,
      "alternate", e -> e % 2 == 1 ? 0.9 : 1.0);

  private SchedulerFixtures() {}

  /** One case: the schema's keys. */
  record Case(String file, String name, Map<String, Object> spec, List<Double> initialLrs, String optimizer,
      Map<String, Object> optimizerKwargs, List<Double> metrics, List<Double> epochs, List<Map<String, List<Double>>> trace) {
    int steps() {
      return trace.size() - 1;
    }

    Spec scheduleSpec() {
      return Spec.fromMap(resolveScaleFns(spec));
    }

    /**
     * The optimizer the case's scheduler is built on. A spec with {@code last_epoch = k >= 0} resumes
     * by position, as the recording script does: the same spec built at -1 first drives the groups
     * for {@code k} steps, leaving them as a checkpointed optimizer holds them ({@code initial_lr},
     * the lr after step k).
     */
    Optimizer newOptimizer() {
      Optimizer created = FixtureOptimizers.create(optimizer, optimizerKwargs, initialLrs);
      if (resumed()) {
        Map<String, Object> fresh = new LinkedHashMap<>(spec);
        int k = ((Number) fresh.remove("last_epoch")).intValue();
        LrScheduler earlier = Schedulers.create(Spec.fromMap(resolveScaleFns(fresh)), created);
        for (int i = 0; i < k; i++) {
          earlier.step();
        }
      }
      return created;
    }

    /** Whether the spec is built at {@code last_epoch = k >= 0}. */
    boolean resumed() {
      return spec.get("last_epoch") instanceof Number k && k.intValue() >= 0;
    }

    /** Takes step {@code i} (0-based) the way the case says: plain, with a metric, or to an explicit epoch. */
    void step(LrScheduler scheduler, int i) {
      if (metrics != null) {
        ((MetricScheduler) scheduler).step(metrics.get(i));
      } else if (epochs != null) {
        ((AbstractLrScheduler) scheduler).stepTo(epochs.get(i));
      } else {
        scheduler.step();
      }
    }
  }

  static Path folder() {
    URL url = SchedulerFixtures.class.getClassLoader().getResource(FOLDER);
    if (url == null) {
      throw new IllegalStateException("fixture folder " + FOLDER + " is not on the test classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @SuppressWarnings("unchecked")
  static List<Case> read(Path file) throws IOException {
    List<Map<String, Object>> raw = JSON.readValue(file.toFile(), new TypeReference<>() {});
    List<Case> cases = new ArrayList<>();
    for (Map<String, Object> c : raw) {
      cases.add(new Case(file.getFileName().toString(), (String) c.get("name"), (Map<String, Object>) c.get("spec"),
          doubles(c.get("initial_lrs")), (String) c.get("optimizer"),
          c.get("optimizer_kwargs") == null ? Map.of() : (Map<String, Object>) c.get("optimizer_kwargs"),
          doubles(c.get("metrics")), doubles(c.get("epochs")), trace(c.get("trace"))));
    }
    return cases;
  }

  static List<Case> all() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (Path file : files()) {
      cases.addAll(read(file));
    }
    return cases;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, List<Double>>> trace(Object value) {
    List<Map<String, List<Double>>> out = new ArrayList<>();
    for (Object entry : (List<Object>) value) {
      Map<String, List<Double>> values = new LinkedHashMap<>();
      ((Map<String, Object>) entry).forEach((k, v) -> values.put(k, doubles(v)));
      out.add(values);
    }
    return out;
  }

  private static List<Double> doubles(Object value) {
    if (value == null) {
      return null;
    }
    return ((List<?>) value).stream().map(v -> ((Number) v).doubleValue()).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolveScaleFns(Map<String, Object> spec) {
    Map<String, Object> copy = new LinkedHashMap<>(spec);
    if (copy.get("scale_fn") instanceof String name) {
      DoubleUnaryOperator fn = SCALE_FNS.get(name);
      if (fn == null) {
        throw new IllegalArgumentException("fixture names scale_fn " + name + ", unknown to the runner; known: " + SCALE_FNS.keySet());
      }
      copy.put("scale_fn", fn);
    }
    Object lambdas = copy.get("lr_lambda");
    if (lambdas instanceof String name) {
      copy.put("lr_lambda", lrLambda(name));
    } else if (lambdas instanceof List<?> names) {
      copy.put("lr_lambda", names.stream().map(n -> lrLambda((String) n)).toList());
    }
    if (copy.get("schedulers") instanceof List<?> children) {
      copy.put("schedulers", children.stream().map(c -> resolveScaleFns((Map<String, Object>) c)).toList());
    }
    return copy;
  }

  private static IntToDoubleFunction lrLambda(String name) {
    IntToDoubleFunction fn = LR_LAMBDAS.get(name);
    if (fn == null) {
      throw new IllegalArgumentException("fixture names lr_lambda " + name + ", unknown to the runner; known: " + LR_LAMBDAS.keySet());
    }
    return fn;
  }

  /** The values the schema records for one group: lr, and momentum / beta1 where the group has them. */
  static double value(ParamGroup group, String key) {
    return switch (key) {
      case "lr" -> group.lr();
      case "momentum" -> group.getDouble("momentum");
      case "beta1" -> group.getDouble("betas", 0);
      default -> throw new IllegalArgumentException("unknown trace key " + key);
    };
  }
}
