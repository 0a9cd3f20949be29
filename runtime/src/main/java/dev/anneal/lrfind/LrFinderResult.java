package dev.anneal.lrfind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an lr range test recorded: per step the lr of the reference group (the group with the
 * largest lr; every other group moved in its ratio to it), the loss, and the loss smoothed as
 * fastai and Lightning smooth it; why it stopped; and the suggestions read from it.
 *
 * @param requestedSteps the steps asked for (fastai's window for {@code valley} and {@code minimum} is read from it)
 * @param stopReason {@code null} when every step ran, else why the test stopped early
 * @param ratios each group's lr divided by the reference group's, in group order
 */
public record LrFinderResult(SweepMode mode, int requestedSteps, String referenceGroup, Map<String, Double> ratios,
    double[] lrs, double[] rawLosses, double[] losses, String stopReason) {

  public LrFinderResult {
    ratios = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ratios));
    lrs = lrs.clone();
    rawLosses = rawLosses.clone();
    losses = losses.clone();
  }

  @Override
  public double[] lrs() {
    return lrs.clone();
  }

  @Override
  public double[] rawLosses() {
    return rawLosses.clone();
  }

  /** {@return the smoothed losses (what the suggestions and the plot read)} */
  @Override
  public double[] losses() {
    return losses.clone();
  }

  public int steps() {
    return lrs.length;
  }

  public boolean stoppedEarly() {
    return stopReason != null;
  }

  /** {@return Lightning's suggestion: where the smoothed loss falls fastest} */
  public Optional<Suggestion> steepest() {
    return Suggestions.steepest(lrs, losses);
  }

  /** {@return fastai's default suggestion: two thirds down the longest valley} */
  public Optional<Suggestion> valley() {
    return Suggestions.valley(lrs, losses, requestedSteps);
  }

  /** {@return fastai's {@code minimum}: a tenth of the lr at the lowest smoothed loss} */
  public Optional<Suggestion> minimum() {
    return Suggestions.minimum(lrs, losses, requestedSteps);
  }

  /** {@return every suggestion that could be made, in the order steepest, valley, minimum} */
  public List<Suggestion> suggestions() {
    List<Suggestion> all = new ArrayList<>();
    steepest().ifPresent(all::add);
    valley().ifPresent(all::add);
    minimum().ifPresent(all::add);
    return all;
  }

  /** The lr of every group when the reference group uses {@code referenceLr}: the groups keep their ratios. */
  public Map<String, Double> groupLrs(double referenceLr) {
    Map<String, Double> lrsByGroup = new LinkedHashMap<>();
    ratios.forEach((group, ratio) -> lrsByGroup.put(group, referenceLr * ratio));
    return lrsByGroup;
  }
}
