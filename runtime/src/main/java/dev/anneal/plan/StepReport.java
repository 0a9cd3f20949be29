package dev.anneal.plan;

import java.util.List;

/**
 * One optimizer step as it happened: its index (0-based), the epoch it was in, and per group the
 * lr it was taken with (including any re-warmup factor) and the momentum ({@code momentum}, or
 * {@code betas[0]}, or NaN when the optimizer has neither).
 */
public record StepReport(long step, int epoch, List<String> groups, double[] lrs, double[] momenta) {

  public StepReport {
    groups = List.copyOf(groups);
    lrs = lrs.clone();
    momenta = momenta.clone();
  }

  @Override
  public double[] lrs() {
    return lrs.clone();
  }

  @Override
  public double[] momenta() {
    return momenta.clone();
  }

  public double lr(String group) {
    return lrs[index(group)];
  }

  public double momentum(String group) {
    return momenta[index(group)];
  }

  private int index(String group) {
    int i = groups.indexOf(group);
    if (i < 0) {
      throw new IllegalArgumentException("no group " + group + " in " + groups);
    }
    return i;
  }
}
