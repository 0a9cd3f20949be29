package dev.anneal.djl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A step on the engine uploads its scalars once per group, and copies no tensor to the host. */
class StepScalarsTest {

  @Test
  void oneUploadPerGroupAndStepAndNoHostCopies() {
    try (NDManager manager = NDManager.newBaseManager()) {
      List<ParamGroup> groups = new ArrayList<>();
      for (int g = 0; g < 2; g++) {
        List<Parameter> params = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          Parameter p = new Parameter("g" + g + "p" + i, new int[] {4},
              new NdStorage(manager.create(new float[] {1, 2, 3, 4}, new Shape(4))));
          p.setGrad(new NdStorage(manager.create(new float[] {0.1f, -0.2f, 0.3f, -0.4f}, new Shape(4))));
          params.add(p);
        }
        ParamGroup group = new ParamGroup("g" + g, params);
        group.set("lr", 0.01 * (g + 1));
        groups.add(group);
      }
      Optimizer adam = Optimizers.create(Spec.of("AdamW").with("weight_decay", 0.01), groups);
      for (int step = 0; step < 3; step++) {
        long uploads = StepScalars.uploads;
        long hostBytes = EngineStorage.hostBytes();
        adam.step();
        assertEquals(2, StepScalars.uploads - uploads, "scalar uploads in step " + (step + 1) + " of two groups");
        assertEquals(0, EngineStorage.hostBytes() - hostBytes, "bytes copied to or from the host in step " + (step + 1));
      }
    }
  }
}
