package dev.anneal.optim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the optimizer fixtures (shared/conformance/SCHEMA.md) and replays them on the runtime. */
public final class OptimizerFixtures {
  public static final String FOLDER = "conformance/optimizers";
  private static final ObjectMapper JSON = new ObjectMapper();

  private OptimizerFixtures() {}

  /** Every .json file in the fixture folder, sorted by name. */
  public static List<Path> files() {
    try {
      URI uri = OptimizerFixtures.class.getClassLoader().getResource(FOLDER).toURI();
      Path dir = "jar".equals(uri.getScheme()) ? jarFolder(uri) : Path.of(uri);
      try (Stream<Path> list = Files.list(dir)) {
        return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The folder inside this test-jar, when another module replays the fixtures from it. */
  private static synchronized Path jarFolder(URI uri) throws IOException {
    try {
      return FileSystems.getFileSystem(uri).provider().getPath(uri);
    } catch (FileSystemNotFoundException e) {
      return FileSystems.newFileSystem(uri, Map.of()).provider().getPath(uri);
    }
  }

  public static List<JsonNode> cases(Path file) {
    try {
      JsonNode root = JSON.readTree(Files.readAllBytes(file));
      if (!root.isArray()) {
        throw new IllegalArgumentException(file + " must hold a JSON array of optimizer cases");
      }
      List<JsonNode> cases = new ArrayList<>();
      root.forEach(cases::add);
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parameters of a case, on storage of {@code kind}. */
  public static List<Parameter> parameters(JsonNode c, StorageKind kind) {
    List<Parameter> params = new ArrayList<>();
    JsonNode initial = c.get("initial");
    for (int i = 0; i < initial.size(); i++) {
      float[] values = floats(initial.get(i));
      int[] shape = shape(c, i, values.length);
      params.add(new Parameter("p" + i, shape, kind.create(values, shape)));
    }
    return params;
  }

  /** A parameter's shape: the case's optional {@code shapes} (Adafactor, Muon), else 1-D. */
  private static int[] shape(JsonNode c, int i, int size) {
    JsonNode shapes = c.get("shapes");
    if (shapes == null || shapes.isNull()) {
      return new int[] {size};
    }
    JsonNode shape = shapes.get(i);
    int[] dims = new int[shape.size()];
    for (int k = 0; k < dims.length; k++) {
      dims[k] = shape.get(k).asInt();
    }
    return dims;
  }

  @SuppressWarnings("unchecked")
  public static Optimizer optimizer(JsonNode c, List<Parameter> params) {
    Map<String, Object> kwargs = JSON.convertValue(c.get("kwargs"), Map.class);
    JsonNode groupKwargs = c.get("group_kwargs");
    List<ParamGroup> groups = new ArrayList<>();
    if (groupKwargs == null || groupKwargs.isNull()) {
      groups.add(new ParamGroup("default", params));
    } else {
      for (int i = 0; i < params.size(); i++) {
        ParamGroup group = new ParamGroup("g" + i, List.of(params.get(i)));
        Map<String, Object> overrides = JSON.convertValue(groupKwargs.get(i), Map.class);
        overrides.forEach(group::set);
        groups.add(group);
      }
    }
    return Optimizers.create(Spec.fromMap(withType(c.get("optimizer").asText(), kwargs)), groups);
  }

  private static Map<String, Object> withType(String type, Map<String, Object> kwargs) {
    Map<String, Object> map = new java.util.LinkedHashMap<>(kwargs);
    map.put("type", type);
    return map;
  }

  /** Sets every parameter's gradient for {@code step} (null where the fixture says none). */
  public static void setGrads(JsonNode c, int step, List<Parameter> params, StorageKind kind) {
    JsonNode row = c.get("grads").get(step);
    for (int i = 0; i < params.size(); i++) {
      JsonNode g = row.get(i);
      if (g == null || g.isNull()) {
        params.get(i).setGrad(null);
      } else {
        params.get(i).setGrad(kind.create(floats(g), params.get(i).shape()));
      }
    }
  }

  /** Runs one optimizer step of a case: with its closure (LBFGS) or with the recorded gradients. */
  public static void step(JsonNode c, int step, Optimizer optimizer, List<Parameter> params, StorageKind kind) {
    JsonNode closure = c.get("closure");
    if (closure != null && !closure.isNull()) {
      optimizer.step(new QuarticClosure(closure, params, kind));
    } else {
      setGrads(c, step, params, kind);
      optimizer.step();
    }
  }

  public static int steps(JsonNode c) {
    return c.get("params_after_each_step").size();
  }

  public static float[] floats(JsonNode array) {
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) array.get(i).asDouble();
    }
    return values;
  }

  static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  /**
   * The fixture's loss {@code sum 0.5*a*(x-c)^2 + 0.1*(x-c)^4} (see the recording script): sets
   * each parameter's gradient and returns the loss, evaluated in double from the float values.
   */
  static final class QuarticClosure implements Closure {
    private final List<double[]> a = new ArrayList<>();
    private final List<double[]> c = new ArrayList<>();
    private final List<Parameter> params;
    private final StorageKind kind;

    QuarticClosure(JsonNode spec, List<Parameter> params, StorageKind kind) {
      if (!"quartic".equals(spec.get("kind").asText())) {
        throw new IllegalArgumentException("unknown closure kind " + spec.get("kind"));
      }
      spec.get("a").forEach(n -> a.add(doubles(n)));
      spec.get("c").forEach(n -> c.add(doubles(n)));
      this.params = params;
      this.kind = kind;
    }

    @Override
    public double evaluate() {
      double loss = 0;
      for (int p = 0; p < params.size(); p++) {
        Parameter param = params.get(p);
        float[] grad = new float[param.size()];
        for (int i = 0; i < grad.length; i++) {
          double d = param.values().get(i) - c.get(p)[i];
          loss += 0.5 * a.get(p)[i] * d * d + 0.1 * d * d * d * d;
          grad[i] = (float) (a.get(p)[i] * d + 0.4 * d * d * d);
        }
        param.setGrad(kind.create(grad, param.shape()));
      }
      return loss;
    }
  }
}
