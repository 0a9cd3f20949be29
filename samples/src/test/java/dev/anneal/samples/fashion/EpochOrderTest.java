package dev.anneal.samples.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.samples.data.Split;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EpochOrderTest {
  private static Split examples(int count) {
    return new Split("test", new float[count * 4], new int[count], 2, 2);
  }

  /** The samples trained on this order before repeating epochs existed; sample 2's figures depend on it. */
  @Test
  void onePassIsTheSplitsShuffleOfTheEpoch() {
    Split train = examples(130);
    EpochOrder order = EpochOrder.onePass(train, 64, 42);
    assertEquals(3, order.batches());
    for (int epoch = 0; epoch < 3; epoch++) {
      assertArrayEquals(train.shuffledOrder(42 * 1_000_003L + epoch + 1), order.of(epoch), "epoch " + epoch);
    }
  }

  @Test
  void aRepeatingEpochIsFullBatchesOfWholeReshuffledPasses() {
    Split train = examples(50);
    EpochOrder order = EpochOrder.repeating(train, 25, 25, 7);
    assertEquals(25, order.batches());
    assertEquals(13, order.passes());
    int[] epoch = order.of(0);
    assertEquals(25 * 25, epoch.length, "25 full batches of 25");
    int[] counts = new int[50];
    for (int i : epoch) {
      counts[i]++;
    }
    for (int count : counts) {
      assertTrue(count == 12 || count == 13, "each example 12 or 13 times: " + Arrays.toString(counts));
    }
    int[] sorted = new int[50];
    for (int i = 0; i < 50; i++) {
      sorted[i] = i;
    }
    int[] firstPass = Arrays.copyOfRange(epoch, 0, 50);
    int[] secondPass = Arrays.copyOfRange(epoch, 50, 100);
    assertArrayEquals(sorted, Arrays.stream(secondPass).sorted().toArray(), "the second pass holds every example once");
    assertFalse(Arrays.equals(firstPass, secondPass), "each pass is shuffled anew");
    assertArrayEquals(epoch, EpochOrder.repeating(train, 25, 25, 7).of(0), "the same seed gives the same order");
    assertFalse(Arrays.equals(epoch, order.of(1)), "another epoch, another order");
  }

  @Test
  void aSetLargerThanTheEpochIsCutToTheEpochsBatches() {
    EpochOrder order = EpochOrder.repeating(examples(1000), 25, 10, 1);
    assertEquals(1, order.passes());
    assertEquals(250, order.of(0).length);
  }
}
