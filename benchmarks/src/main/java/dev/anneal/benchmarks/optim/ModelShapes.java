package dev.anneal.benchmarks.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameter shapes the optimizer benchmarks step over, written out from each model's
 * architecture: a uniform 10 x 1M, torchvision's ResNet-50 (161 tensors, 25,557,032 floats: the
 * convolutions, two BatchNorm tensors each, the classifier) and Hugging Face's bert-base-uncased
 * encoder with pooler (199 tensors, 109,482,240 floats, half of them 768-float biases and
 * LayerNorm tensors). The constructor checks the counts, so a typo cannot go unnoticed.
 */
final class ModelShapes {
  private ModelShapes() {}

  static List<int[]> of(String name) {
    return switch (name) {
      case "10x1M" -> Collections.nCopies(10, new int[] {1_000_000});
      case "resnet50" -> checked(resnet50(), 161, 25_557_032L, name);
      case "bert-base" -> checked(bertBase(), 199, 109_482_240L, name);
      default -> throw new IllegalArgumentException("unknown shapes " + name + "; one of 10x1M, resnet50, bert-base");
    };
  }

  static long floats(List<int[]> shapes) {
    long total = 0;
    for (int[] shape : shapes) {
      total += size(shape);
    }
    return total;
  }

  static int size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return Math.toIntExact(n);
  }

  private static List<int[]> checked(List<int[]> shapes, int tensors, long floats, String name) {
    if (shapes.size() != tensors || floats(shapes) != floats) {
      throw new IllegalStateException(name + " has " + shapes.size() + " tensors of " + floats(shapes) + " floats, expected "
          + tensors + " and " + floats);
    }
    return shapes;
  }

  /** torchvision.models.resnet50: stem, bottleneck stages [3, 4, 6, 3] (expansion 4), fc 2048 -> 1000. */
  static List<int[]> resnet50() {
    List<int[]> shapes = new ArrayList<>();
    conv(shapes, 64, 3, 7);
    int in = 64;
    int[] blocks = {3, 4, 6, 3};
    for (int stage = 0; stage < 4; stage++) {
      int planes = 64 << stage;
      for (int b = 0; b < blocks[stage]; b++) {
        conv(shapes, planes, in, 1);
        conv(shapes, planes, planes, 3);
        conv(shapes, planes * 4, planes, 1);
        if (b == 0) {
          conv(shapes, planes * 4, in, 1); // downsample
        }
        in = planes * 4;
      }
    }
    shapes.add(new int[] {1000, 2048});
    shapes.add(new int[] {1000});
    return shapes;
  }

  /** A bias-free convolution and its BatchNorm's weight and bias. */
  private static void conv(List<int[]> shapes, int out, int in, int kernel) {
    shapes.add(new int[] {out, in, kernel, kernel});
    shapes.add(new int[] {out});
    shapes.add(new int[] {out});
  }

  /** bert-base-uncased: embeddings (30522 words, 512 positions, 2 types) + LayerNorm, 12 layers, pooler. */
  static List<int[]> bertBase() {
    int hidden = 768;
    int inner = 3072;
    List<int[]> shapes = new ArrayList<>();
    shapes.add(new int[] {30522, hidden});
    shapes.add(new int[] {512, hidden});
    shapes.add(new int[] {2, hidden});
    shapes.add(new int[] {hidden});
    shapes.add(new int[] {hidden});
    for (int layer = 0; layer < 12; layer++) {
      for (int k = 0; k < 4; k++) { // query, key, value, attention output
        shapes.add(new int[] {hidden, hidden});
        shapes.add(new int[] {hidden});
      }
      shapes.add(new int[] {hidden});
      shapes.add(new int[] {hidden});
      shapes.add(new int[] {inner, hidden});
      shapes.add(new int[] {inner});
      shapes.add(new int[] {hidden, inner});
      shapes.add(new int[] {hidden});
      shapes.add(new int[] {hidden});
      shapes.add(new int[] {hidden});
    }
    shapes.add(new int[] {hidden, hidden});
    shapes.add(new int[] {hidden});
    return shapes;
  }
}
