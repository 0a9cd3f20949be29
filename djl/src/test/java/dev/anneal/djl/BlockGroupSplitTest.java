package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Buffer;
import dev.anneal.param.Parameter;
import dev.anneal.plan.LayerIndex;
import dev.anneal.plan.ParamRule;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Layer-wise decay by block index inside one DJL block, with no decay for biases and norm
 * weights: the groups timm's {@code param_groups_layer_decay} builds (worked out by hand), the
 * BatchNorm buffers with the group's first part.
 */
class BlockGroupSplitTest extends EngineTest {

  @Test
  void sequentialChildrenAreLayers() {
    SequentialBlock blocks = new SequentialBlock()
        .add(Linear.builder().setUnits(4).build())
        .add(BatchNorm.builder().build())
        .add(Linear.builder().setUnits(2).build());
    blocks.initialize(manager, DataType.FLOAT32, new Shape(3, 5));
    BlockParameters params = BlockParameters.of("blocks", blocks);
    TrainingPlan plan = TrainingPlan.builder().epochs(1)
        .optimizer(Spec.of("AdamW").with("lr", 0.01).with("weight_decay", 0.1))
        .group("blocks", params, g -> g.layerDecay(0.5, LayerIndex.blockIndex()).noDecay(ParamRule.biasAndNorm()))
        .build();
    List<String> groups = new ArrayList<>();
    for (ParamGroup g : plan.groups()) {
      groups.add(g.name() + " " + g.params().stream().map(Parameter::name).toList() + " lr=" + g.lr() + " wd="
          + ((Number) g.get("weight_decay")).doubleValue());
    }
    // layer_max = 2: scales 0.25, 0.5, 1; the BatchNorm's gamma and beta are 1-D, so no decay.
    assertEquals(List.of(
        "blocks.layer_0 [blocks.0.weight] lr=0.0025 wd=0.1",
        "blocks.layer_0.no_decay [blocks.0.bias] lr=0.0025 wd=0.0",
        "blocks.layer_1.no_decay [blocks.1.gamma, blocks.1.beta] lr=0.005 wd=0.0",
        "blocks.layer_2 [blocks.2.weight] lr=0.01 wd=0.1",
        "blocks.layer_2.no_decay [blocks.2.bias] lr=0.01 wd=0.0"), groups);
    assertEquals(List.of("blocks.1.runningMean", "blocks.1.runningVar"), plan.buffers().stream().map(Buffer::name).toList());
  }

  @Test
  void normLayersAreRecognizedByBlockClass() {
    SequentialBlock blocks = new SequentialBlock()
        .add(Linear.builder().setUnits(4).build())
        .add(BatchNorm.builder().build())
        .add(Linear.builder().setUnits(2).build());
    blocks.initialize(manager, DataType.FLOAT32, new Shape(3, 5));
    BlockParameters params = BlockParameters.of("blocks", blocks);
    assertEquals(List.of("Linear", "Linear", "BatchNorm", "BatchNorm", "Linear", "Linear"),
        params.parameters().stream().map(Parameter::moduleType).toList());
    TrainingPlan plan = TrainingPlan.builder().epochs(1)
        .optimizer(Spec.of("SGD").with("lr", 0.1).with("weight_decay", 1e-4))
        .group("blocks", params, g -> g.noDecay(ParamRule.normLayers()))
        .build();
    List<String> groups = new ArrayList<>();
    for (ParamGroup g : plan.groups()) {
      groups.add(g.name() + " " + g.params().stream().map(Parameter::name).toList());
    }
    // torchvision's norm_weight_decay: the Linear biases keep their decay, only the BatchNorm's gamma and beta lose it
    assertEquals(List.of("blocks [blocks.0.weight, blocks.0.bias, blocks.2.weight, blocks.2.bias]",
        "blocks.no_decay [blocks.1.gamma, blocks.1.beta]"), groups);
  }
}
