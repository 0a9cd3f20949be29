package dev.anneal.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The few-shot sets of sample 3, drawn from the bundled slice's classes 5-9 (300 training images each). */
class ClassBalancedSubsetTest {
  private static Split train;
  private static Split test;

  @BeforeAll
  static void load() {
    FashionMnist slice = FashionMnist.bundledSlice();
    train = slice.train().filter("train 5-9", label -> label >= 5).shiftLabels(5);
    test = slice.test().filter("test 5-9", label -> label >= 5).shiftLabels(5);
  }

  @Test
  void takesExactlyTheAskedNumberOfEveryClass() {
    for (int perClass : new int[] {1, 10, 20, 50, 300}) {
      Split subset = ClassBalancedSubset.draw(train, perClass, 42);
      assertEquals(5 * perClass, subset.count());
      Map<Integer, Integer> counts = new TreeMap<>();
      for (int label : subset.labels()) {
        counts.merge(label, 1, Integer::sum);
      }
      assertEquals(Map.of(0, perClass, 1, perClass, 2, perClass, 3, perClass, 4, perClass), counts, "per class, " + perClass);
    }
  }

  @Test
  void holdsTrainingImagesWithTheirLabelsAndNoTestImage() {
    Split subset = ClassBalancedSubset.draw(train, 50, 7);
    Map<String, Integer> trainLabels = new java.util.HashMap<>();
    for (int i = 0; i < train.count(); i++) {
      trainLabels.put(key(train, i), train.labels()[i]);
    }
    Set<String> testImages = new HashSet<>();
    for (int i = 0; i < test.count(); i++) {
      testImages.add(key(test, i));
    }
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < subset.count(); i++) {
      String image = key(subset, i);
      assertEquals(trainLabels.get(image), subset.labels()[i], "image " + i + " is a training image with its own label");
      assertFalse(testImages.contains(image), "image " + i + " is a test image");
      distinct.add(image);
    }
    assertEquals(subset.count(), distinct.size(), "no image is drawn twice");
  }

  @Test
  void theSameSeedDrawsTheSameImagesAndAnotherSeedOthers() {
    Split a = ClassBalancedSubset.draw(train, 10, 42);
    Split b = ClassBalancedSubset.draw(train, 10, 42);
    Split c = ClassBalancedSubset.draw(train, 10, 43);
    assertTrue(Arrays.equals(a.images(), b.images()) && Arrays.equals(a.labels(), b.labels()));
    Set<String> first = images(a);
    Set<String> other = images(c);
    assertNotEquals(first, other);
    first.retainAll(other);
    assertTrue(first.size() < 10, first.size() + " of 50 images shared by seeds 42 and 43");
  }

  @Test
  void aSmallerSetOfOneSeedIsPartOfALargerOne() {
    assertTrue(images(ClassBalancedSubset.draw(train, 50, 3)).containsAll(images(ClassBalancedSubset.draw(train, 20, 3))));
  }

  @Test
  void refusesMoreImagesPerClassThanAClassHolds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassBalancedSubset.draw(train, 301, 1));
    assertEquals("train 5-9 holds 300 images of class 0, fewer than the 301 per class asked for", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClassBalancedSubset.draw(train, 0, 1));
  }

  private static Set<String> images(Split split) {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < split.count(); i++) {
      keys.add(key(split, i));
    }
    return keys;
  }

  private static String key(Split split, int i) {
    return Arrays.toString(Arrays.copyOfRange(split.images(), i * split.pixels(), (i + 1) * split.pixels()));
  }
}
