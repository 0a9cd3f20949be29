package dev.anneal.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A steady-state step allocates nothing on the calling thread, on heap and direct storage. */
class OptimizerAllocationTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "SGD, heap", "SGD, direct", "Adam, heap", "Adam, direct", "AdamW, heap", "AdamW, direct", "Adagrad, heap",
      "RMSprop, direct", "Adadelta, heap", "Adamax, direct", "NAdam, heap", "RAdam, direct", "Rprop, heap",
      "ASGD, direct", "LAMB, heap", "LARS, direct", "LayerAdaptiveAdam, heap"})
  void steadyStateStepAllocatesNothing(String type, String storage) {
    boolean direct = storage.equals("direct");
    Spec spec = Spec.of(type);
    if (type.equals("SGD") || type.equals("LARS")) {
      spec = spec.with("momentum", 0.9).with("weight_decay", 0.01);
    }
    List<Parameter> params = new ArrayList<>();
    // One tensor above the threshold, so the split across the worker pool is measured too.
    for (int size : new int[] {5000, 333, Passes.parallelThreshold() + 1000}) {
      FloatStorage values = direct ? FloatStorage.direct(size) : FloatStorage.heap(size);
      FloatStorage grad = direct ? FloatStorage.direct(size) : FloatStorage.heap(size);
      for (int i = 0; i < size; i++) {
        values.set(i, (float) Math.sin(i));
        grad.set(i, (float) Math.cos(i) * 0.01f);
      }
      Parameter p = new Parameter("p" + size, new int[] {size}, values);
      p.setGrad(grad);
      params.add(p);
    }
    Optimizer optimizer = Optimizers.create(spec, List.of(new ParamGroup("g", params)));
    for (int i = 0; i < 20; i++) {
      optimizer.step();
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    // The fewest bytes over several windows: a per-step allocation (16 bytes or more, every step)
    // shows in every window, while one-offs (the bean's lazy set-up, class loading, a JIT
    // transition delayed by a loaded machine) do not recur. Stop at the first clean window.
    long allocated = Long.MAX_VALUE;
    for (int window = 0; window < 20 && allocated != 0; window++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 50; i++) {
        optimizer.step();
      }
      allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
    }
    assertEquals(0, allocated, type + " allocated " + allocated + " bytes in 50 steps");
  }
}
