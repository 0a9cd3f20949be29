package dev.anneal.djl.loss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the loss fixtures ("Loss cases" in shared/conformance/SCHEMA.md), replays a case on the
 * engine (forward, then backward of {@code output.sum()}) and lists every value that differs from
 * PyTorch's beyond {@code 1e-5 + 1e-4 |expected|} (NaN where NaN is expected).
 */
final class LossFixtures {
  static final String FOLDER = "conformance/losses";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LossFixtures() {}

  /** What the engine gave for a case: the output and one gradient per input (null where none is wanted). */
  record Result(long[] outputShape, float[] output, List<long[]> gradShapes, List<float[]> grads) {}

  static List<Path> files() {
    try {
      Path dir = Path.of(LossFixtures.class.getClassLoader().getResource(FOLDER).toURI());
      try (Stream<Path> list = Files.list(dir)) {
        return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<JsonNode> cases(Path file) {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      List<JsonNode> cases = new ArrayList<>();
      root.forEach(cases::add);
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case's keyword arguments as the loss factory takes them (PyTorch names, JSON values). */
  static Map<String, Object> kwargs(JsonNode c) {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    c.get("kwargs").fields().forEachRemaining(e -> kwargs.put(e.getKey(), value(e.getValue())));
    return kwargs;
  }

  private static Object value(JsonNode v) {
    if (v.isArray()) {
      List<Object> items = new ArrayList<>();
      v.forEach(item -> items.add(value(item)));
      return items;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      return v.intValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    return v.asText();
  }

  static double number(JsonNode v) {
    if (v.isTextual()) {
      return switch (v.asText()) {
        case "nan" -> Double.NaN;
        case "inf" -> Double.POSITIVE_INFINITY;
        case "-inf" -> Double.NEGATIVE_INFINITY;
        default -> throw new IllegalArgumentException("not a number: " + v);
      };
    }
    return v.asDouble();
  }

  static long[] shape(JsonNode tensor) {
    long[] shape = new long[tensor.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = tensor.get("shape").get(i).asLong();
    }
    return shape;
  }

  private static NDArray array(NDManager manager, JsonNode input) {
    JsonNode data = input.get("data");
    Shape shape = new Shape(shape(input));
    if (input.get("dtype").asText().equals("int64")) {
      long[] values = new long[data.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = data.get(i).asLong();
      }
      return manager.create(values, shape);
    }
    float[] values = new float[data.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) number(data.get(i));
    }
    return manager.create(values, shape);
  }

  /** Runs the case on the engine. */
  static Result replay(JsonNode c) {
    try (NDManager manager = NDManager.newBaseManager()) {
      TorchLoss loss = Losses.create(c.get("loss").asText(), kwargs(c));
      JsonNode inputs = c.get("inputs");
      NDArray[] arrays = new NDArray[inputs.size()];
      boolean anyGrad = false;
      for (int i = 0; i < arrays.length; i++) {
        arrays[i] = array(manager, inputs.get(i));
        if (inputs.get(i).get("requires_grad").asBoolean()) {
          arrays[i].setRequiresGradient(true);
          anyGrad = true;
        }
      }
      NDArray output;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        output = loss.forward(arrays);
        if (anyGrad) {
          collector.backward(output.sum());
        }
      }
      List<long[]> gradShapes = new ArrayList<>();
      List<float[]> grads = new ArrayList<>();
      for (int i = 0; i < arrays.length; i++) {
        if (inputs.get(i).get("requires_grad").asBoolean()) {
          NDArray g = arrays[i].getGradient();
          gradShapes.add(g.getShape().getShape());
          grads.add(g.toType(DataType.FLOAT32, false).toFloatArray());
        } else {
          gradShapes.add(null);
          grads.add(null);
        }
      }
      return new Result(output.getShape().getShape(), output.toType(DataType.FLOAT32, false).toFloatArray(), gradShapes, grads);
    }
  }

  /** Every difference between the engine's result and the case's expectations; empty when it conforms. */
  static List<String> mismatches(JsonNode c, Result result) {
    List<String> out = new ArrayList<>();
    compare("output", c.get("output"), result.outputShape(), result.output(), out);
    JsonNode grads = c.get("grads");
    for (int i = 0; i < grads.size(); i++) {
      if (!grads.get(i).isNull()) {
        compare("grad of input " + i, grads.get(i), result.gradShapes().get(i), result.grads().get(i), out);
      }
    }
    return out;
  }

  private static void compare(String what, JsonNode expected, long[] shape, float[] actual, List<String> out) {
    long[] wantShape = shape(expected);
    if (!java.util.Arrays.equals(wantShape, shape)) {
      out.add(what + ": shape " + java.util.Arrays.toString(shape) + ", expected " + java.util.Arrays.toString(wantShape));
      return;
    }
    JsonNode data = expected.get("data");
    for (int i = 0; i < data.size(); i++) {
      double want = number(data.get(i));
      double got = actual[i];
      if (!close(want, got)) {
        out.add(what + "[" + i + "]: expected " + want + ", got " + got);
      }
    }
  }

  /** The schema's tolerance: {@code |actual - expected| <= 1e-5 + 1e-4 |expected|}, NaN where NaN is expected. */
  static boolean close(double expected, double actual) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual);
    }
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      return expected == actual;
    }
    return Math.abs(actual - expected) <= 1e-5 + 1e-4 * Math.abs(expected);
  }
}
