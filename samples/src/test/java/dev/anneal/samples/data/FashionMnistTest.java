package dev.anneal.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
  @TempDir Path dir;

  private static byte[] idx(int type, int[] dims, byte[] values) {
    ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length);
    header.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
    for (int d : dims) {
      header.putInt(d);
    }
    byte[] out = new byte[header.capacity() + values.length];
    System.arraycopy(header.array(), 0, out, 0, header.capacity());
    System.arraycopy(values, 0, out, header.capacity(), values.length);
    return out;
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(raw);
    }
    return bytes.toByteArray();
  }

  /** Two 2x2 images per split, labels 3 and 9; pixel 255 normalizes to (1 - mean) / std. */
  private void writeTinySet(byte[] trainLabels) throws IOException {
    byte[] pixels = {0, 0, 0, (byte) 255, 1, 2, 3, 4};
    for (String prefix : new String[] {"train", "t10k"}) {
      Files.write(dir.resolve(prefix + "-images-idx3-ubyte.gz"), gzip(idx(8, new int[] {2, 2, 2}, pixels)));
      Files.write(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), gzip(idx(8, new int[] {trainLabels.length}, trainLabels)));
    }
  }

  @Test
  void readsADirectoryAndNormalizes() throws IOException {
    writeTinySet(new byte[] {3, 9});
    FashionMnist data = FashionMnist.fromDirectory(dir);
    assertEquals(2, data.train().count());
    assertArrayEquals(new int[] {3, 9}, data.test().labels());
    assertEquals(2, data.train().rows());
    assertEquals((1f - Split.MEAN) / Split.STD, data.train().images()[3], 1e-6f);
    assertEquals(-Split.MEAN / Split.STD, data.train().images()[0], 1e-6f);
  }

  @Test
  void bundledSliceHoldsThreeHundredImagesPerClass() {
    FashionMnist slice = FashionMnist.bundledSlice();
    assertEquals(3000, slice.train().count());
    assertEquals(1000, slice.test().count());
    assertEquals(28 * 28, slice.train().pixels());
    int[] perClass = new int[10];
    for (int label : slice.train().labels()) {
      perClass[label]++;
    }
    for (int c = 0; c < 10; c++) {
      assertEquals(300, perClass[c], "class " + c);
    }
  }

  @Test
  void fullSetWhenInstalled() {
    assumeTrue(FashionMnist.fullSetInstalled(), "dataset-fashion-mnist is not installed");
    FashionMnist full = FashionMnist.load((String) null);
    assertEquals(3000, FashionMnist.load(FashionMnist.SLICE_OPTION).train().count());
    assertEquals(60000, full.train().count());
    assertEquals(10000, full.test().count());
  }

  @Test
  void missingFileNamesTheFileAndTheFix() throws IOException {
    writeTinySet(new byte[] {3, 9});
    Files.delete(dir.resolve(FashionMnist.TEST_LABELS));
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> FashionMnist.fromDirectory(dir));
    assertTrue(e.getMessage().contains(FashionMnist.TEST_LABELS) && e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
  }

  @Test
  void missingDirectoryIsAClearError() {
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> FashionMnist.fromDirectory(dir.resolve("nope")));
    assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("--data"), e.getMessage());
  }

  @Test
  void notGzipIsAClearError() throws IOException {
    writeTinySet(new byte[] {3, 9});
    Files.write(dir.resolve(FashionMnist.TRAIN_IMAGES), new byte[] {1, 2, 3, 4, 5});
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> FashionMnist.fromDirectory(dir));
    assertTrue(e.getMessage().contains(FashionMnist.TRAIN_IMAGES) && e.getMessage().contains("gzip"), e.getMessage());
  }

  @Test
  void truncatedFileIsAClearError() throws IOException {
    writeTinySet(new byte[] {3, 9});
    Files.write(dir.resolve(FashionMnist.TRAIN_IMAGES), gzip(idx(8, new int[] {3, 2, 2}, new byte[8])));
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> FashionMnist.fromDirectory(dir));
    assertTrue(e.getMessage().contains("declares 12 values but holds 8"), e.getMessage());
  }

  @Test
  void wrongMagicIsAClearError() throws IOException {
    writeTinySet(new byte[] {3, 9});
    Files.write(dir.resolve(FashionMnist.TRAIN_LABELS), gzip(idx(0x0D, new int[] {2}, new byte[8])));
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> FashionMnist.fromDirectory(dir));
    assertTrue(e.getMessage().contains(FashionMnist.TRAIN_LABELS) && e.getMessage().contains("0xd"), e.getMessage());
  }

  @Test
  void countMismatchAndBadLabelsAreClearErrors() throws IOException {
    writeTinySet(new byte[] {3});
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> FashionMnist.fromDirectory(dir));
    assertTrue(e.getMessage().contains("2 images") && e.getMessage().contains("1 labels"), e.getMessage());
    writeTinySet(new byte[] {3, 12});
    e = assertThrows(MalformedDataException.class, () -> FashionMnist.fromDirectory(dir));
    assertTrue(e.getMessage().contains("label 12"), e.getMessage());
  }

  @Test
  void filterShiftAndHoldOut() {
    Split slice = FashionMnist.bundledSlice().train();
    Split upper = slice.filter("upper", label -> label >= 5).shiftLabels(5);
    assertEquals(1500, upper.count());
    assertTrue(java.util.Arrays.stream(upper.labels()).allMatch(l -> l >= 0 && l < 5));
    Split[] parts = slice.holdOut(0.1, 7);
    assertEquals(2700, parts[0].count());
    assertEquals(300, parts[1].count());
  }
}
