package dev.anneal.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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
      // A repeated key is refused, not resolved by "last wins": files are untrusted, and a spec
      // pasted with a key twice is a mistake Python's own json module would hide.
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses a JSON object; numbers come back as Integer, Long or Double, arrays as lists. Refuses
   * anything else ({@code null} included), repeated keys, and nesting deeper than Jackson's limit.
   */
  public static Map<String, Object> readObject(String json) throws JsonProcessingException {
    Map<String, Object> object = MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {});
    if (object == null) {
      throw new JsonMappingException(null, "expected a JSON object, found null");
    }
    return object;
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
