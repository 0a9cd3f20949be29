package dev.anneal.djl.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A block whose parameters are given arrays ({@code p0}, {@code p1}, ..., each requiring a gradient)
 * and whose forward pass returns its input: for driving DjlPlan as DJL does without a model.
 */
final class ArraysBlock extends AbstractBlock {
  final List<Parameter> tensors = new ArrayList<>();

  ArraysBlock(List<NDArray> arrays) {
    for (int i = 0; i < arrays.size(); i++) {
      Parameter p = addParameter(Parameter.builder().setName("p" + i).setType(Parameter.Type.WEIGHT).build());
      p.setArray(arrays.get(i));
      arrays.get(i).setRequiresGradient(true);
      tensors.add(p);
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return inputs;
  }

  /** Its arrays are given, not initialized from input shapes. */
  @Override
  public boolean isInitialized() {
    return true;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
