package dev.anneal.samples.recipes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One optimizer step of a recipe trace: per parameter, what the reference's step was taken with. */
record TraceStep(
    @JsonProperty(value = "epoch", required = true) int epoch,
    @JsonProperty(value = "lr", required = true) List<Double> lr,
    @JsonProperty("momentum") List<Double> momentum,
    @JsonProperty("beta1") List<Double> beta1,
    @JsonProperty(value = "weight_decay", required = true) List<Double> weightDecay,
    @JsonProperty(value = "frozen", required = true) List<Boolean> frozen) {}
