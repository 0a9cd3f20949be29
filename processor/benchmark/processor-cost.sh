#!/bin/sh
# What the Anneal processor costs a build: javac on a generated workload (one @Training model with
# FIELDS annotated fields, and CLASSES ordinary classes), timed RUNS times each, in alternation:
# without annotation processing (-proc:none); with a processor that does nothing (what javac charges
# for running any processor); with one that only writes the source the Anneal processor generates
# (what javac charges for a second round and for compiling that code); and with the Anneal
# processor. Prints the medians and their ratios to javac alone, and the load average before and
# after. Needs JDK 17 and Maven; builds the jars first (mvn package, nothing is installed).
#
#   processor/benchmark/processor-cost.sh [FIELDS] [CLASSES] [RUNS]      # defaults: 200 100 11
#
# Run it on an idle machine: the ratio of two javac runs is only as steady as the machine.
set -eu
FIELDS=${1:-200}
CLASSES=${2:-100}
RUNS=${3:-11}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# every module of the reactor writes its classpath to deps.txt in turn; the processor, built last, wins
(cd "$ROOT" && mvn -B -q -pl processor -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$WORK/deps.txt" >/dev/null)
PROCESSOR_PATH="$ROOT/processor/target/classes:$(cat "$WORK/deps.txt")"
CLASSPATH_JARS="$ROOT/annotations/target/classes:$ROOT/runtime/target/classes:$ROOT/vocabulary/target/classes"

# the workload
mkdir -p "$WORK/src/bench"
{
  echo "package bench;"
  echo "import dev.anneal.annotations.*;"
  echo "import dev.anneal.param.Layer;"
  echo "@Training(epochs = 12, stepsPerEpoch = 100)"
  echo "@Optimizer(type = OptimizerType.ADAMW, lr = 1e-3, weightDecay = 0.05)"
  echo "@Warmup(epochs = 1, startFactor = 0.01)"
  echo "@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP, etaMin = 1e-6)"
  echo "@ClipGradNorm(1.0)"
  echo "public class Big {"
  i=0
  while [ $i -lt "$FIELDS" ]; do
    case $((i % 4)) in
      0) echo "  @LearningRate(1e-4) @Freeze(untilEpoch = 2) Layer f$i;" ;;
      1) echo "  @LearningRate(3e-4) @WeightDecay(0) Layer f$i;" ;;
      2) echo "  @Hyperparameter(name = \"weight_decay\", value = \"0.01\") Layer f$i;" ;;
      *) echo "  Layer f$i;" ;;
    esac
    i=$((i + 1))
  done
  echo "}"
} > "$WORK/src/bench/Big.java"
i=0
while [ $i -lt "$CLASSES" ]; do
  cat > "$WORK/src/bench/Plain$i.java" <<JAVA
package bench;
import java.util.ArrayList;
import java.util.List;
public class Plain$i {
  private final List<String> names = new ArrayList<>();
  public int add(String name) { names.add(name); return names.size(); }
  public String describe() { StringBuilder b = new StringBuilder(); for (String n : names) { b.append(n).append(','); } return b.toString(); }
  public static int sum(int[] values) { int s = 0; for (int v : values) { s += v; } return s + $i; }
}
JAVA
  i=$((i + 1))
done
find "$WORK/src" -name '*.java' > "$WORK/sources.txt"

# javac's own floors, with one processor for the same annotations: without an option it does
# nothing (what javac charges for running any processor); with -Areplay=FILE it only writes FILE,
# the source the Anneal processor generated on a first run, as bench.BigTraining (what javac charges
# for a second round and for compiling that code, the processor's work aside)
mkdir -p "$WORK/replay-src/replay" "$WORK/replay"
cat > "$WORK/replay-src/replay/Replay.java" <<'JAVA'
package replay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
@SupportedAnnotationTypes("dev.anneal.annotations.*")
@SupportedOptions("replay")
public class Replay extends AbstractProcessor {
  private boolean written;
  @Override public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }
  @Override public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    String source = processingEnv.getOptions().get("replay");
    if (source != null && !written) {
      written = true;
      try (Writer out = processingEnv.getFiler().createSourceFile("bench.BigTraining").openWriter()) {
        out.write(Files.readString(Path.of(source)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }
}
JAVA
javac -d "$WORK/replay" "$WORK/replay-src/replay/Replay.java"

millis() { date +%s%3N; }
run() { # $1: out dir, rest: javac options
  out=$1; shift
  rm -rf "$out"; mkdir -p "$out"
  start=$(millis)
  javac -d "$out" -cp "$CLASSPATH_JARS" "$@" @"$WORK/sources.txt"
  echo $(( $(millis) - start ))
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run "$WORK/warm" -proc:none >/dev/null   # file caches
run "$WORK/generated" -processorpath "$PROCESSOR_PATH" -processor dev.anneal.processor.AnnealProcessor >/dev/null
: > "$WORK/plain.txt"; : > "$WORK/noop.txt"; : > "$WORK/replay.txt"; : > "$WORK/processed.txt"
r=0
while [ $r -lt "$RUNS" ]; do
  run "$WORK/out-plain" -proc:none >> "$WORK/plain.txt"
  run "$WORK/out-noop" -processorpath "$WORK/replay" -processor replay.Replay >> "$WORK/noop.txt"
  run "$WORK/out-replay" -processorpath "$WORK/replay" -processor replay.Replay -Areplay="$WORK/generated/bench/BigTraining.java" >> "$WORK/replay.txt"
  run "$WORK/out-proc" -processorpath "$PROCESSOR_PATH" -processor dev.anneal.processor.AnnealProcessor >> "$WORK/processed.txt"
  r=$((r + 1))
done
test -f "$WORK/out-proc/bench/BigTraining.class" || { echo "the processor did not generate BigTraining" >&2; exit 1; }
PLAIN=$(median < "$WORK/plain.txt")
NOOP=$(median < "$WORK/noop.txt")
REPLAY=$(median < "$WORK/replay.txt")
PROCESSED=$(median < "$WORK/processed.txt")
echo "javac alone:                   $PLAIN ms (median of $RUNS)"
echo "javac with a no-op processor:  $NOOP ms (median of $RUNS)"
echo "javac with a replay processor: $REPLAY ms (median of $RUNS; writes the generated source, nothing else)"
echo "javac with the processor:      $PROCESSED ms (median of $RUNS)"
awk -v a="$NOOP" -v b="$PLAIN" 'BEGIN { printf "no-op processor / javac alone:  %.2fx\n", a / b }'
awk -v a="$REPLAY" -v b="$PLAIN" 'BEGIN { printf "replay processor / javac alone: %.2fx\n", a / b }'
awk -v a="$PROCESSED" -v b="$PLAIN" 'BEGIN { printf "ratio: %.2fx (%d fields, %d ordinary classes)\n", a / b, '"$FIELDS"', '"$CLASSES"' }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
