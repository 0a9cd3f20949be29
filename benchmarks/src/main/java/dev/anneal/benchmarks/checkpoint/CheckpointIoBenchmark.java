package dev.anneal.benchmarks.checkpoint;

import dev.anneal.checkpoint.CheckpointReader;
import dev.anneal.checkpoint.CheckpointWriter;
import dev.anneal.checkpoint.TensorRef;
import dev.anneal.param.FloatStorage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Checkpoint save and load of 256 MB of tensors (16 heap tensors of 4M floats: a 21M-parameter
 * model with Adam state) against a plain copy of the same bytes: {@code plainWrite} writes one
 * prepared buffer to a temporary file, forces it and renames it (what an atomic save cannot do
 * less than); {@code plainRead} reads the file into one prepared buffer. The ratio
 * save/plainWrite and load/plainRead is the figure to read; the goal is at least one half.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class CheckpointIoBenchmark {
  private static final int TENSORS = 16;
  private static final int SIZE = 4 << 20;

  private Path dir;
  private Path checkpoint;
  private Path plain;
  private final Map<String, TensorRef> tensors = new LinkedHashMap<>();
  private final Map<String, FloatStorage> targets = new LinkedHashMap<>();
  private ByteBuffer bytes;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("anneal-checkpoint-bench");
    checkpoint = dir.resolve("bench.ckpt");
    plain = dir.resolve("plain.bin");
    SplittableRandom random = new SplittableRandom(42);
    bytes = ByteBuffer.allocateDirect(TENSORS * SIZE * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int t = 0; t < TENSORS; t++) {
      float[] values = new float[SIZE];
      for (int i = 0; i < SIZE; i++) {
        values[i] = (float) random.nextDouble(-1, 1);
      }
      tensors.put("layer" + t + ".w", TensorRef.of(new int[] {SIZE}, values));
      targets.put("layer" + t + ".w", FloatStorage.heap(SIZE));
      bytes.asFloatBuffer().put(values);
      bytes.position(bytes.position() + SIZE * Float.BYTES);
    }
    bytes.flip();
    save();
    plainWrite();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(checkpoint);
    Files.deleteIfExists(plain);
    Files.deleteIfExists(dir);
  }

  @Benchmark
  public void save() throws IOException {
    CheckpointWriter.write(checkpoint, tensors, Map.of("step", 1));
  }

  @Benchmark
  public void plainWrite() throws IOException {
    Path temp = dir.resolve("plain.tmp");
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer all = bytes.duplicate().clear();
      long position = 0;
      while (all.hasRemaining()) {
        position += channel.write(all, position);
      }
      channel.force(true);
    }
    Files.move(temp, plain, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Benchmark
  public Map<String, FloatStorage> load() throws IOException {
    try (CheckpointReader reader = CheckpointReader.open(checkpoint)) {
      reader.verify(e -> targets.get(e.name()));
    }
    return targets;
  }

  @Benchmark
  public ByteBuffer plainRead() throws IOException {
    ByteBuffer into = bytes.duplicate().clear();
    try (FileChannel channel = FileChannel.open(plain, StandardOpenOption.READ)) {
      long position = 0;
      while (into.hasRemaining()) {
        int n = channel.read(into, position);
        if (n < 0) {
          break;
        }
        position += n;
      }
    }
    return into;
  }
}
