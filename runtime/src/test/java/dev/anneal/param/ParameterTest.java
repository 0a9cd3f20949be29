package dev.anneal.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterTest {

  @Test
  void directStorageViewsTheBufferWithoutCopying() {
    ByteBuffer engineMemory = ByteBuffer.allocateDirect(3 * Float.BYTES).order(ByteOrder.nativeOrder());
    Parameter p = new Parameter("w", new int[] {3}, FloatStorage.view(engineMemory));

    p.values().set(1, 2.5f);
    engineMemory.putFloat(2 * Float.BYTES, -7f);

    assertEquals(2.5f, engineMemory.getFloat(Float.BYTES));
    assertEquals(-7f, p.values().get(2));
  }

  @Test
  void heapStorageWrapsTheArray() {
    float[] array = {1f, 2f};
    FloatStorage storage = FloatStorage.wrap(array);
    storage.set(0, 9f);
    assertEquals(9f, array[0]);
  }

  @Test
  void shapeMustMatchStorage() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new Parameter("w", new int[] {2, 3}, FloatStorage.heap(5)));
    assertTrue(error.getMessage().contains("w"), error.getMessage());
  }

  @Test
  void gradientMustMatchSize() {
    Parameter p = Parameter.zeros("w", 2, 2);
    assertThrows(IllegalArgumentException.class, () -> p.setGrad(FloatStorage.heap(3)));
  }

  @Test
  void gradOrZerosCreatesStorageOfTheSameKind() {
    Parameter direct = new Parameter("d", new int[] {2}, FloatStorage.direct(2));
    assertTrue(direct.gradOrZeros() instanceof DirectStorage);
    assertArrayEquals(new float[] {0f, 0f}, direct.grad().toArray());
  }

  @Test
  void layerNamesParametersByPath() {
    Layer layer = new Layer("stem");
    layer.add("weight", 4, 3);
    layer.add("bias", 4);
    List<String> names = layer.parameters().stream().map(Parameter::name).toList();
    assertEquals(List.of("stem.weight", "stem.bias"), names);
    assertEquals(12, layer.parameters().get(0).size());
  }
}
