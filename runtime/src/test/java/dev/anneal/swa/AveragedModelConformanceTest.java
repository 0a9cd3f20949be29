package dev.anneal.swa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays conformance/swa/averaged_model.json (recorded by runtime/src/test/python/record_swa_fixtures.py
 * from torch.optim.swa_utils.AveragedModel and timm's ModelEmaV3): after every update the
 * averaged parameters and buffers match the recorded ones.
 */
class AveragedModelConformanceTest {

  @TestFactory
  Stream<DynamicTest> averagesAsPyTorchAndTimm() throws IOException {
    JsonNode fixture;
    try (InputStream in = getClass().getResourceAsStream("/conformance/swa/averaged_model.json")) {
      fixture = new ObjectMapper().readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : fixture.get("cases")) {
      tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> replay(c)));
    }
    return tests.stream();
  }

  private static void replay(JsonNode c) {
    Map<String, Parameter> params = new LinkedHashMap<>();
    params.put("w", Parameter.zeros("w", 2, 2));
    params.put("b", Parameter.zeros("b", 3));
    Map<String, Parameter> buffers = new LinkedHashMap<>();
    for (JsonNode b : c.get("buffers")) {
      buffers.put(b.asText(), Parameter.zeros(b.asText(), 2));
    }
    assign(params, buffers, c.get("initial"));
    ParameterSource model = ParameterSource.of(List.copyOf(params.values()));
    AveragedModel averaged = switch (c.get("kind").asText()) {
      case "swa" -> AveragedModel.swa(model);
      case "ema" -> AveragedModel.ema(model, c.get("decay").asDouble());
      case "ema_v3" -> AveragedModel.emaV3(model, new EmaDecay(c.get("decay").asDouble(), c.get("min_decay").asDouble(),
          c.get("update_after_step").asInt(), c.get("use_warmup").asBoolean(), c.get("warmup_gamma").asDouble(),
          c.get("warmup_power").asDouble()));
      default -> throw new IllegalArgumentException(c.get("kind").asText());
    };
    if (!buffers.isEmpty()) {
      averaged.buffers(ParameterSource.of(List.copyOf(buffers.values())), c.get("use_buffers").asBoolean());
    }
    for (JsonNode update : c.get("updates")) {
      assign(params, buffers, update.get("model"));
      averaged.update(update.get("step").asLong());
      var expected = update.get("averaged").fields();
      while (expected.hasNext()) {
        var entry = expected.next();
        float[] actual = averaged.averaged(entry.getKey());
        for (int i = 0; i < actual.length; i++) {
          double e = entry.getValue().get(i).asDouble();
          assertEquals(e, actual[i], 1e-6 + 1e-6 * Math.abs(e),
              entry.getKey() + "[" + i + "] after update " + update.get("step").asLong());
        }
      }
    }
  }

  private static void assign(Map<String, Parameter> params, Map<String, Parameter> buffers, JsonNode values) {
    var fields = values.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      Parameter p = params.containsKey(entry.getKey()) ? params.get(entry.getKey()) : buffers.get(entry.getKey());
      float[] v = new float[entry.getValue().size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) entry.getValue().get(i).asDouble();
      }
      p.values().copyFrom(v);
    }
  }
}
