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
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A multilayer perceptron: {@code hidden} (784 to 256 to 128, ReLU) and {@code head} (128 to 10). */
public final class FashionMlp extends AbstractBlock {
  public final Block hidden;
  public final Block head;

  public FashionMlp() {
    hidden = addChildBlock("hidden", new SequentialBlock()
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(256).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(128).build())
        .add(Activation::relu));
    head = addChildBlock("head", Linear.builder().setUnits(10).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return head.forward(store, hidden.forward(store, inputs, training), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return head.getOutputShapes(hidden.getOutputShapes(inputShapes));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    hidden.initialize(manager, dataType, inputShapes);
    head.initialize(manager, dataType, hidden.getOutputShapes(inputShapes));
  }
}
