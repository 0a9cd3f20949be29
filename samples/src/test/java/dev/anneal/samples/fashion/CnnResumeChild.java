package dev.anneal.samples.fashion;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.anneal.djl.DjlTrainer;
import dev.anneal.param.Buffer;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.samples.cnn.CnnClassifier;
import dev.anneal.samples.cnn.CnnClassifierTraining;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * One run of sample 2's CNN ({@link FashionCnn} with {@code CnnClassifierTraining}'s plan) through
 * {@link DjlTrainer}, in a JVM of its own, for {@link CnnResumeTest}:
 *
 * <ul>
 *   <li>{@code full <dump>}: all {@link #EPOCHS} epochs, then the dump;
 *   <li>{@code first <checkpoint>}: up to optimizer step {@link #SAVE_AT_STEP} (mid-epoch), then
 *       {@code plan.save};
 *   <li>{@code resume <checkpoint> <dump>}: a fresh model (other initial weights), {@code plan.load},
 *       the rest of the run, then the dump.
 * </ul>
 *
 * Batches are a function of (epoch, batch in epoch), and the engine is seeded with that position
 * before every forward pass, so dropout draws the same masks in every run (the checkpoint holds no
 * random-number-generator state). The dump holds every parameter, every buffer (BatchNorm's running
 * statistics) and the logits of an evaluation batch in inference mode, as raw float bits.
 */
public final class CnnResumeChild {
  static final int EPOCHS = 2;
  static final int STEPS_PER_EPOCH = 4;
  /** The plan's declared length: its 200 warmup steps need at least 41 steps per epoch; the run stops early. */
  private static final int DECLARED_STEPS_PER_EPOCH = 60;
  static final int SAVE_AT_STEP = 6;
  private static final int BATCH = 8;

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    Path file = Path.of(args[1]);
    try (NDManager manager = NDManager.newBaseManager()) {
      // Another seed when resuming: every weight and statistic must come from the checkpoint.
      Engine.getInstance().setRandomSeed(mode.equals("resume") ? 99 : 1);
      FashionCnn model = new FashionCnn(10);
      model.initialize(manager, DataType.FLOAT32, FashionCnn.INPUT);
      TrainingPlan plan = CnnClassifierTraining.plan(new CnnClassifier(model), DECLARED_STEPS_PER_EPOCH);
      DjlTrainer trainer = new DjlTrainer(model, CnnClassifierTraining.loss(), plan);
      if (mode.equals("resume")) {
        plan.load(file);
      }
      while (plan.clock().epoch() < EPOCHS) {
        if (!plan.clock().inEpoch()) {
          plan.startEpoch();
        }
        while (plan.clock().batchInEpoch() < STEPS_PER_EPOCH) {
          int epoch = plan.clock().epoch();
          long batch = plan.clock().batchInEpoch();
          try (NDManager scope = manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(1000 + 100 * epoch + (int) batch);
            trainer.trainBatch(images(scope, 100 * epoch + batch), labels(scope, 100 * epoch + batch));
          }
          if (mode.equals("first") && plan.clock().step() == SAVE_AT_STEP) {
            plan.save(file);
            System.out.println("saved at epoch " + plan.clock().epoch() + ", batch " + plan.clock().batchInEpoch());
            return;
          }
        }
        plan.finishEpochSteps();
        plan.endEpoch();
      }
      dump(plan, trainer, manager, Path.of(args[args.length - 1]));
      System.out.println("dumped after step " + plan.clock().step());
    }
  }

  private static NDList images(NDManager manager, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[BATCH * 28 * 28];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextGaussian();
    }
    // manager.create wraps Java memory whose alignment follows the JVM's allocation history, which
    // differs between the runs; a copy lives in the engine's own 64-byte-aligned memory, so no
    // kernel can round by alignment.
    try (NDArray wrapped = manager.create(pixels, new Shape(BATCH, 1, 28, 28))) {
      return new NDList(wrapped.duplicate());
    }
  }

  private static NDList labels(NDManager manager, long seed) {
    Random random = new Random(~seed);
    long[] labels = new long[BATCH];
    for (int i = 0; i < BATCH; i++) {
      labels[i] = random.nextInt(10);
    }
    return new NDList(manager.create(labels));
  }

  private static void dump(TrainingPlan plan, DjlTrainer trainer, NDManager manager, Path out) throws IOException {
    try (DataOutputStream data = new DataOutputStream(Files.newOutputStream(out))) {
      for (Parameter p : plan.parameters()) {
        write(data, "parameter " + p.name(), p.values().toArray());
      }
      for (Buffer b : plan.buffers()) {
        b.pull();
        write(data, "buffer " + b.name(), b.values().toArray());
      }
      try (NDManager scope = manager.newSubManager()) {
        NDArray logits = trainer.evaluateBatch(images(scope, 777), labels(scope, 777)).outputs().singletonOrThrow();
        write(data, "evaluation logits", logits.toFloatArray());
      }
    }
  }

  private static void write(DataOutputStream data, String name, float[] values) throws IOException {
    data.writeUTF(name);
    data.writeInt(values.length);
    for (float v : values) {
      data.writeInt(Float.floatToRawIntBits(v));
    }
  }
}
