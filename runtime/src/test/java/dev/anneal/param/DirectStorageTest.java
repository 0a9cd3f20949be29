package dev.anneal.param;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectStorageTest {

  /** Sizes around the fill's block of 4096 floats: the last partial block must be written too. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4095, 4096, 4097, 10_000})
  void fillWritesEveryValueOfTheViewAndNothingAroundIt(int size) {
    ByteBuffer memory = ByteBuffer.allocateDirect((size + 2) * Float.BYTES).order(ByteOrder.nativeOrder());
    for (int i = 0; i < size + 2; i++) {
      memory.putFloat(i * Float.BYTES, i + 1f);
    }
    DirectStorage view = FloatStorage.view(memory.duplicate().position(Float.BYTES).limit((size + 1) * Float.BYTES));

    view.fill(0f);
    for (int i = 0; i < size; i++) {
      assertEquals(0, Float.floatToRawIntBits(view.get(i)), "value " + i);
    }
    view.fill(-0f);
    for (int i = 0; i < size; i++) {
      assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(view.get(i)), "value " + i);
    }
    view.fill(2.5f);
    for (int i = 0; i < size; i++) {
      assertEquals(2.5f, view.get(i), "value " + i);
    }

    assertEquals(1f, memory.getFloat(0), "the float before the view");
    assertEquals(size + 2f, memory.getFloat((size + 1) * Float.BYTES), "the float after the view");
  }
}
