package dev.anneal.samples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST from one of three places: a directory given with {@code --data}, Debian's
 * {@code dataset-fashion-mnist} package ({@value #SYSTEM_DIR}) when it is installed, or else the
 * small slice that ships inside the samples (300 training images per class, 1,000 test images).
 */
public record FashionMnist(String source, Split train, Split test) {
  public static final String SYSTEM_DIR = "/usr/share/datasets/fashion-mnist";
  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
  public static final String[] CLASS_NAMES = {
      "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
  private static final String SLICE = "/dev/anneal/samples/data/fashion-mnist-slice/";

  /** The {@code --data} value that picks the bundled slice even when the full set is installed. */
  public static final String SLICE_OPTION = "slice";

  /**
   * {@code data} names a directory, or {@value #SLICE_OPTION} for the bundled slice; {@code null}
   * means the full set when installed, else the bundled slice.
   */
  public static FashionMnist load(String data) {
    if (SLICE_OPTION.equals(data)) {
      return bundledSlice();
    }
    if (data != null) {
      return fromDirectory(Path.of(data));
    }
    if (fullSetInstalled()) {
      return fromDirectory(Path.of(SYSTEM_DIR));
    }
    return bundledSlice();
  }

  /** Whether Debian's package put the four files in {@value #SYSTEM_DIR}. */
  public static boolean fullSetInstalled() {
    Path system = Path.of(SYSTEM_DIR);
    for (String file : new String[] {TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS}) {
      if (!Files.isRegularFile(system.resolve(file))) {
        return false;
      }
    }
    return true;
  }

  /** The four IDX gzip files from a directory; a missing or malformed one is a clear error. */
  public static FashionMnist fromDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new MalformedDataException("Fashion-MNIST directory " + dir + " does not exist; pass --data with the folder that holds "
          + TRAIN_IMAGES + ", " + TRAIN_LABELS + ", " + TEST_IMAGES + " and " + TEST_LABELS);
    }
    return new FashionMnist(dir.toAbsolutePath().toString(),
        split("train", dir, TRAIN_IMAGES, TRAIN_LABELS), split("test", dir, TEST_IMAGES, TEST_LABELS));
  }

  /** The slice inside the samples' jar. */
  public static FashionMnist bundledSlice() {
    return new FashionMnist("bundled slice (300 training images per class, 1000 test images)",
        split("train", null, TRAIN_IMAGES, TRAIN_LABELS), split("test", null, TEST_IMAGES, TEST_LABELS));
  }

  private static Split split(String name, Path dir, String imagesFile, String labelsFile) {
    Idx.Array images = read(dir, imagesFile, 3);
    Idx.Array labels = read(dir, labelsFile, 1);
    String where = dir == null ? "the bundled slice" : dir.toString();
    if (images.count() != labels.count()) {
      throw new MalformedDataException(imagesFile + " holds " + images.count() + " images but " + labelsFile + " holds "
          + labels.count() + " labels (in " + where + ")");
    }
    int[] outLabels = new int[labels.count()];
    for (int i = 0; i < outLabels.length; i++) {
      outLabels[i] = labels.values()[i] & 0xFF;
      if (outLabels[i] > 9) {
        throw new MalformedDataException(labelsFile + " has label " + outLabels[i] + " at index " + i + "; Fashion-MNIST labels are 0-9");
      }
    }
    byte[] pixels = images.values();
    float[] normalized = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      normalized[i] = ((pixels[i] & 0xFF) / 255f - Split.MEAN) / Split.STD;
    }
    return new Split(name, normalized, outLabels, images.dims()[1], images.dims()[2]);
  }

  private static Idx.Array read(Path dir, String file, int dims) {
    try (InputStream in = open(dir, file)) {
      return Idx.readGzip(in, dir == null ? file : dir.resolve(file).toString(), dims);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(Path dir, String file) throws IOException {
    if (dir == null) {
      InputStream in = FashionMnist.class.getResourceAsStream(SLICE + file);
      if (in == null) {
        throw new MalformedDataException("the bundled Fashion-MNIST slice lacks " + file + "; rebuild the samples");
      }
      return in;
    }
    Path path = dir.resolve(file);
    if (!Files.isRegularFile(path)) {
      throw new MalformedDataException("Fashion-MNIST file " + file + " is missing in " + dir
          + "; the folder must hold " + TRAIN_IMAGES + ", " + TRAIN_LABELS + ", " + TEST_IMAGES + " and " + TEST_LABELS
          + " (Debian: apt-get install dataset-fashion-mnist)");
    }
    return Files.newInputStream(path);
  }
}
