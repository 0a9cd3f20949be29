package dev.anneal.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * JSON for checkpoint state. Doubles round-trip exactly (shortest representation); NaN and the
 * infinities (ReduceLROnPlateau's initial best is inf) are written as bare {@code NaN} /
 * {@code Infinity} tokens, as Python's json module does, and read back as doubles.
 */
public final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses a JSON object; numbers come back as Integer, Long or Double, arrays as lists. */
  public static Map<String, Object> readObject(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {});
  }

  /** The value as it will read back from a file (double[] becomes a list, and so on). */
  public static Object normalize(Object value) {
    try {
      return MAPPER.readValue(MAPPER.writeValueAsString(value), Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
