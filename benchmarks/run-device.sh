#!/usr/bin/env bash
# The step where the tensors live (issue 23), on the engine's default device, whatever DJL finds:
# the CPU here, a GPU where there is one (then put the CUDA native library on the class path in
# place of the CPU one). Run from anywhere:   benchmarks/run-device.sh [--force]
#  1. DevicePathBenchmark: one optimizer step over ResNet-50's and BERT-base's parameter shapes by
#     the engine path, the Java kernels on CPU views, DJL's own optimizer and the host-copy path,
#     with the host-device bytes of one step (printed per trial as "[host-device bytes per step]").
#  2. EasyTrainEpochTime: the CNN's epoch under EasyTrain, DJL's AdamW against DjlPlan.
# Refuses to start when the 1-minute load average is 1.5 or more, unless --force.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/device
jar=benchmarks/target/benchmarks.jar
lib=${ANNEAL_NATIVE_JAR:-benchmarks/target/lib/pytorch-native-cpu-linux-x86_64.jar}
# shellcheck source=benchmarks/idle.sh
. benchmarks/idle.sh
require_idle "${1:-}"

mvn -B -q -pl benchmarks -am package -DskipTests
rm -rf "$out" && mkdir -p "$out"
echo "== step paths (DevicePathBenchmark)"
java -Dai.djl.offline=true -cp "$jar:$lib" org.openjdk.jmh.Main 'optim.DevicePathBenchmark' \
  ${RUN_OPTS:--wi 2 -w 1s -i 10 -r 1s -f 1} -rf json -rff "$out/paths.json" \
  | grep -E '^(Benchmark|DevicePathBenchmark\.|\[host-device)' | tee "$out/paths.txt"
echo "== epoch under EasyTrain (EasyTrainEpochTime)"
java -Dai.djl.offline=true -cp "$jar:$lib" dev.anneal.benchmarks.djl.EasyTrainEpochTime 12800 128 2>/dev/null \
  | tee "$out/easytrain.txt"
sleep 60
echo "load a minute after: $(uptime)"
