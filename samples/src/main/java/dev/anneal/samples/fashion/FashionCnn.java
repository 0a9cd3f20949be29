package dev.anneal.samples.fashion;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A small CNN for 28x28 grey images in three parts, so that each can be its own parameter group:
 * {@code stem} (conv 32, BatchNorm, ReLU, max-pool: 28 to 14), {@code body} (conv 64, BatchNorm,
 * ReLU, max-pool: 14 to 7) and {@code head} (flatten, linear 128, ReLU, dropout, linear to the
 * classes). About 420,000 parameters, most of them in the head's first layer.
 */
public final class FashionCnn extends AbstractBlock {
  public static final Shape INPUT = new Shape(1, 1, 28, 28);

  public final Block stem;
  public final Block body;
  public Block head;
  private final int classes;

  public FashionCnn(int classes) {
    this.classes = classes;
    stem = addChildBlock("stem", convBlock(32));
    body = addChildBlock("body", convBlock(64));
    head = addChildBlock("head", newHead(classes));
  }

  private static Block convBlock(int filters) {
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build())
        .add(BatchNorm.builder().build())
        .add(Activation::relu)
        .add(Pool.maxPool2dBlock(new Shape(2, 2)));
  }

  private static Block newHead(int classes) {
    return new SequentialBlock()
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(128).build())
        .add(Activation::relu)
        .add(Dropout.builder().optRate(0.25f).build())
        .add(Linear.builder().setUnits(classes).build());
  }

  public int classes() {
    return classes;
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList x = stem.forward(store, inputs, training);
    x = body.forward(store, x, training);
    return head.forward(store, x, training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return head.getOutputShapes(body.getOutputShapes(stem.getOutputShapes(inputShapes)));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    stem.initialize(manager, dataType, inputShapes);
    Shape[] afterStem = stem.getOutputShapes(inputShapes);
    body.initialize(manager, dataType, afterStem);
    head.initialize(manager, dataType, body.getOutputShapes(afterStem));
  }
}
