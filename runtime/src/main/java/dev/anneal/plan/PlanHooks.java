package dev.anneal.plan;

import dev.anneal.param.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The hooks of one {@link TrainingPlan} ({@code plan.hooks()}), each removable through the
 * {@link HookHandle} its registration returns, run in registration order:
 *
 * <ul>
 *   <li>{@link #beforeStep}: once the micro-batches of a step are accumulated and the frozen
 *       groups' gradients dropped, before the plan's non-finite check, its clipping and the
 *       optimizer step. The place for gradient surgery, custom clipping, logging gradient norms:
 *       PyTorch's {@code Optimizer.register_step_pre_hook}, Lightning's
 *       {@code on_before_optimizer_step} (which Lightning also calls before clipping). A hook that
 *       leaves a NaN in a gradient makes the plan skip the step, as any NaN does.
 *   <li>{@link #afterStep}: right after the optimizer updated the parameters, before the
 *       gradients are dropped and the step-interval schedules advance (the groups still show the
 *       lr the step used): PyTorch's {@code register_step_post_hook}. Not run for a skipped step.
 *   <li>{@link #beforeSave}, {@link #afterSave}, {@link #beforeLoad}, {@link #afterLoad}: around
 *       {@link TrainingPlan#save} and {@link TrainingPlan#load}, with the checkpoint's path, as
 *       Lightning's {@code on_save_checkpoint} / {@code on_load_checkpoint}. {@code afterLoad} runs
 *       only when the plan was restored.
 * </ul>
 *
 * With no hook registered the plan's step does one array-length test per kind and nothing else.
 */
public final class PlanHooks {
  private static final StepHook[] NO_STEP_HOOKS = {};
  private static final CheckpointHook[] NO_CHECKPOINT_HOOKS = {};

  // Copied on write: a hook may remove itself (or add another) while the hooks run.
  private StepHook[] beforeStep = NO_STEP_HOOKS;
  private StepHook[] afterStep = NO_STEP_HOOKS;
  private CheckpointHook[] beforeSave = NO_CHECKPOINT_HOOKS;
  private CheckpointHook[] afterSave = NO_CHECKPOINT_HOOKS;
  private CheckpointHook[] beforeLoad = NO_CHECKPOINT_HOOKS;
  private CheckpointHook[] afterLoad = NO_CHECKPOINT_HOOKS;

  PlanHooks() {}

  public HookHandle beforeStep(StepHook hook) {
    beforeStep = added(beforeStep, hook, "hook");
    return once(() -> beforeStep = removed(beforeStep, hook));
  }

  public HookHandle afterStep(StepHook hook) {
    afterStep = added(afterStep, hook, "hook");
    return once(() -> afterStep = removed(afterStep, hook));
  }

  public HookHandle beforeSave(CheckpointHook hook) {
    beforeSave = added(beforeSave, hook, "hook");
    return once(() -> beforeSave = removed(beforeSave, hook));
  }

  public HookHandle afterSave(CheckpointHook hook) {
    afterSave = added(afterSave, hook, "hook");
    return once(() -> afterSave = removed(afterSave, hook));
  }

  public HookHandle beforeLoad(CheckpointHook hook) {
    beforeLoad = added(beforeLoad, hook, "hook");
    return once(() -> beforeLoad = removed(beforeLoad, hook));
  }

  public HookHandle afterLoad(CheckpointHook hook) {
    afterLoad = added(afterLoad, hook, "hook");
    return once(() -> afterLoad = removed(afterLoad, hook));
  }

  // ---------------------------------------------------------------- called by the plan

  void runBeforeStep(TrainingPlan plan, List<Parameter> trainable) {
    StepHook[] hooks = beforeStep;
    if (hooks.length != 0) {
      for (StepHook hook : hooks) {
        hook.run(plan, trainable);
      }
    }
  }

  void runAfterStep(TrainingPlan plan, List<Parameter> trainable) {
    StepHook[] hooks = afterStep;
    if (hooks.length != 0) {
      for (StepHook hook : hooks) {
        hook.run(plan, trainable);
      }
    }
  }

  void runBeforeSave(TrainingPlan plan, Path file) throws IOException {
    run(beforeSave, plan, file);
  }

  void runAfterSave(TrainingPlan plan, Path file) throws IOException {
    run(afterSave, plan, file);
  }

  void runBeforeLoad(TrainingPlan plan, Path file) throws IOException {
    run(beforeLoad, plan, file);
  }

  void runAfterLoad(TrainingPlan plan, Path file) throws IOException {
    run(afterLoad, plan, file);
  }

  private static void run(CheckpointHook[] hooks, TrainingPlan plan, Path file) throws IOException {
    for (CheckpointHook hook : hooks) {
      hook.run(plan, file);
    }
  }

  /** A handle whose second and later removals do nothing. */
  private static HookHandle once(Runnable removal) {
    boolean[] removed = {false};
    return () -> {
      if (!removed[0]) {
        removed[0] = true;
        removal.run();
      }
    };
  }

  private static <T> T[] added(T[] hooks, T hook, String name) {
    Objects.requireNonNull(hook, name);
    T[] copy = Arrays.copyOf(hooks, hooks.length + 1);
    copy[hooks.length] = hook;
    return copy;
  }

  /** Without one registration of {@code hook} (registered twice, it runs twice until both handles remove it). */
  private static <T> T[] removed(T[] hooks, T hook) {
    for (int i = 0; i < hooks.length; i++) {
      if (hooks[i] == hook) {
        T[] copy = Arrays.copyOf(hooks, hooks.length - 1);
        System.arraycopy(hooks, i + 1, copy, i, hooks.length - i - 1);
        return copy;
      }
    }
    return hooks;
  }
}
