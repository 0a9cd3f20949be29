/**
 * Famous training recipes declared with annotations alone, one model per recipe, each with a
 * {@code PlanFactory} of its name (so {@code SchedulePreview plan --model <Name>} previews it) and
 * a reference trace under {@code src/test/resources/conformance/recipes}, recorded from a float64
 * emulation of the recipe's reference code and replayed by {@code RecipeConformanceTest}.
 */
package dev.anneal.samples.recipes;
