package dev.anneal.samples.recipes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One case of a recipe trace file, as {@code conformance/recipes/README.md} describes it. */
record RecipeCase(
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty(value = "recipe", required = true) String recipe,
    @JsonProperty(value = "reference", required = true) String reference,
    @JsonProperty(value = "epochs", required = true) int epochs,
    @JsonProperty(value = "batches_per_epoch", required = true) int batchesPerEpoch,
    @JsonProperty(value = "parameters", required = true) List<String> parameters,
    @JsonProperty("initial") List<List<Double>> initial,
    @JsonProperty("grads") List<List<List<Double>>> grads,
    @JsonProperty("metrics") Map<String, List<Double>> metrics,
    @JsonProperty(value = "trace", required = true) List<TraceStep> trace,
    @JsonProperty("ema") List<List<List<Double>>> ema) {}
