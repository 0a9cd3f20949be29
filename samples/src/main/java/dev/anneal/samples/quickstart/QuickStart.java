package dev.anneal.samples.quickstart;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.Sgd;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import dev.anneal.samples.cli.Cli;
import java.util.List;
import java.util.Map;
import java.util.Random;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The smallest Anneal program: fits {@code y = 3x - 2} with plain runtime parameters, two
 * parameter groups and SGD with momentum, no engine needed.
 */
@Command(name = "QuickStart", mixinStandardHelpOptions = true, version = "Anneal quick start",
    description = "Fits y = 3x - 2 with SGD (momentum 0.9), weight and bias in separate groups.")
public final class QuickStart implements Runnable {
  @Option(names = "--steps", defaultValue = "300", description = "optimizer steps (default: ${DEFAULT-VALUE})")
  int steps;

  public static void main(String[] args) {
    Cli.main(new QuickStart(), args);
  }

  @Override
  public void run() {
    Cli.positive("--steps", steps);
    Layer linear = new Layer("linear");
    Parameter weight = linear.add("weight", 1);
    Parameter bias = linear.add("bias", 1);
    Optimizer sgd = new Sgd(
        List.of(new ParamGroup("weight", List.of(weight)), new ParamGroup("bias", List.of(bias)).with("lr", 0.05)),
        Map.of("lr", 0.02, "momentum", 0.9));

    Random random = new Random(0);
    for (int step = 1; step <= steps; step++) {
      float gw = 0;
      float gb = 0;
      double loss = 0;
      for (int i = 0; i < 32; i++) {
        float x = (float) random.nextGaussian();
        float error = weight.values().get(0) * x + bias.values().get(0) - (3 * x - 2);
        loss += error * error / 32;
        gw += 2 * error * x / 32;
        gb += 2 * error / 32;
      }
      weight.setGrad(FloatStorage.wrap(new float[] {gw}));
      bias.setGrad(FloatStorage.wrap(new float[] {gb}));
      sgd.step();
      sgd.zeroGrad();
      if (step % 50 == 0) {
        System.out.printf("step %3d  loss %.6f  w %.4f  b %.4f%n", step, loss, weight.values().get(0), bias.values().get(0));
      }
    }
  }
}
