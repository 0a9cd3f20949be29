package dev.anneal.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.anneal.annotations.Training;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Count;
import dev.anneal.processor.model.EmaModel;
import dev.anneal.processor.model.FieldRef;
import dev.anneal.processor.model.Freeze;
import dev.anneal.processor.model.ParamSplits;
import dev.anneal.processor.model.GroupModel;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.processor.model.TrainingModel;
import dev.anneal.processor.model.Value;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Model>Training}: one static {@code plan} method made of exactly the calls of the
 * runtime's {@code TrainingPlan} DSL, so reading it teaches the DSL. No reflection, no timestamps.
 */
public final class PlanWriter {
  static final ClassName TRAINING_PLAN = ClassName.get("dev.anneal.plan", "TrainingPlan");
  static final ClassName INTERVAL = ClassName.get("dev.anneal.schedule", "Interval");
  static final ClassName UNFREEZE_POLICY = ClassName.get("dev.anneal.plan", "UnfreezePolicy");
  static final ClassName BATCH_NORM_POLICY = ClassName.get("dev.anneal.plan", "BatchNormPolicy");
  static final ClassName PARAM_RULE = ClassName.get("dev.anneal.plan", "ParamRule");
  static final ClassName LAYER_INDEX = ClassName.get("dev.anneal.plan", "LayerIndex");
  static final ClassName LR_SCALE = ClassName.get("dev.anneal.plan", "LrScale");
  static final ClassName PARAMETER_SOURCE = ClassName.get("dev.anneal.param", "ParameterSource");
  static final ClassName BLOCK_PARAMETERS = ClassName.get("dev.anneal.djl", "BlockParameters");
  static final ClassName GROUP_SOURCE = ClassName.get("dev.anneal.schedule", "GroupSource");
  static final ClassName MARKER = ClassName.get("dev.anneal.annotations", "AnnealGenerated");
  static final ClassName GROUP_CONFIG = ClassName.get("dev.anneal.plan", "GroupConfig");
  static final ClassName CONSUMER = ClassName.get("java.util.function", "Consumer");
  static final ClassName ACCUMULATION = ClassName.get("dev.anneal.plan", "Accumulation");
  static final ClassName MODEL_EMA = ClassName.get("dev.anneal.swa", "ModelEma");
  static final ClassName MODEL_SWA = ClassName.get("dev.anneal.swa", "ModelSwa");
  static final ClassName LOSS_SCALE = ClassName.get("dev.anneal.plan", "LossScale");

  private PlanWriter() {}

  /** The source of {@code <Model>Training}; {@code generator} names the processor in {@code @Generated}. */
  public static JavaFile write(TrainingModel model, ProcessingEnvironment env, String generator) {
    ClassName modelType = ClassName.get(model.type());
    int spe = model.stepsPerEpoch();
    MethodSpec.Builder plan = MethodSpec.methodBuilder("plan")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TRAINING_PLAN)
        .addParameter(modelType, "model")
        .addParameter(int.class, Literals.STEPS_PER_EPOCH)
        .addJavadoc("Builds the training plan of {@code model}: $L epochs of {@code stepsPerEpoch} optimizer steps.\n",
            model.epochs())
        .addJavadoc(model.accumulate() > 1 ? CodeBlock.of("\n<p>{@code stepsPerEpoch} counts optimizer steps: with {@code @Accumulate($L)},\n"
            + "{@code stepsPerEpoch(microBatches)} = {@code ceil(microBatches / $L)}; scale each loss by\n"
            + "{@code plan.lossScale(microBatches)}$L.\n", model.accumulate(), model.accumulate(),
            model.windowLossScale() ? " (one over the micro-batches of its window)" : "")
            : CodeBlock.of(""))
        .addJavadoc(spe > 0 ? CodeBlock.of("\n<p>Every length counted in steps is derived from {@code stepsPerEpoch}, not from the\n"
            + "declared $L; the compile-time checks and the preview are for $L.\n", spe, spe) : CodeBlock.of(""))
        .addJavadoc(groupsDoc(model))
        .addCode(body(model));
    TypeSpec.Builder type = TypeSpec.classBuilder(model.generatedName())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addOriginatingElement(model.type())
        .addAnnotation(generated(env, generator))
        .addAnnotation(AnnotationSpec.builder(MARKER).addMember("from", "$L", Literals.string(model.type().getQualifiedName().toString())).build())
        .addJavadoc("The training plan declared by the annotations of {@link $T}, written by the Anneal processor.\n",
            modelType)
        .addJavadoc("A schedule preview is next to this class as {@code $L.preview.txt}.\n", model.generatedName())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(plan.build());
    if (spe > 0) {
      type.addMethod(MethodSpec.methodBuilder("plan")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(TRAINING_PLAN)
          .addParameter(modelType, "model")
          .addJavadoc("Builds the training plan of {@code model} with the declared $L optimizer steps per epoch.\n", spe)
          .addStatement("return plan(model, $L)", spe)
          .build());
    }
    if (model.accumulate() > 1) {
      type.addMethod(MethodSpec.methodBuilder("stepsPerEpoch")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(int.class)
          .addParameter(long.class, "microBatchesPerEpoch")
          .addJavadoc("The optimizer steps of an epoch of {@code microBatchesPerEpoch} micro-batches with the declared\n"
              + "{@code @Accumulate($L)}: {@code ceil(microBatchesPerEpoch / $L)}, the last over a partial window (Java's\n"
              + "{@code /} rounds down); what {@code plan(model, stepsPerEpoch)} takes.\n", model.accumulate(), model.accumulate())
          .addStatement("return $T.stepsPerEpoch(microBatchesPerEpoch, $L)", ACCUMULATION, model.accumulate())
          .build());
    }
    if (model.loss() != null) {
      type.addMethod(LossWriter.method(model.loss()));
    }
    return JavaFile.builder(model.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  /** Which fields feed which group, so a run-time message naming a group leads back to the fields. */
  private static CodeBlock groupsDoc(TrainingModel model) {
    CodeBlock.Builder doc = CodeBlock.builder().add("\n<p>Groups and the fields they hold:\n<ul>\n");
    for (GroupModel group : model.groups()) {
      List<String> names = group.fields().stream().map(FieldRef::name).toList();
      doc.add("  <li>{@code $L}: $L</li>\n", Literals.doc(group.name()), String.join(", ", names)
          + (group.unannotated() ? " (fields without annotations)" : ""));
    }
    return doc.add("</ul>\n").build();
  }

  private static AnnotationSpec generated(ProcessingEnvironment env, String generator) {
    boolean modern = env.getSourceVersion().compareTo(SourceVersion.RELEASE_8) > 0
        && env.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
    ClassName generated = modern
        ? ClassName.get("javax.annotation.processing", "Generated")
        : ClassName.get("javax.annotation", "Generated");
    return AnnotationSpec.builder(generated).addMember("value", "$L", Literals.string(generator)).build();
  }

  private static CodeBlock body(TrainingModel model) {
    // Every length is an expression of the method's stepsPerEpoch, also when @Training declares it:
    // plan(model, n) derives num_training_steps, T_max, total_steps, ... from n, and plan(model) passes
    // the declared value (folding the declared value in here would give plan(model, n) the declared lengths).
    int spe = Training.AT_RUN_TIME;
    // Groups configured alike share one lambda, named once, as a user with many such fields would write it:
    // javac then compiles (and the JVM links) one lambda per configuration, not one per field.
    // each group's config text, by position in model.groups() (a CodeBlock's text is emitted anew at
    // every toString()), and one CodeBlock per distinct text
    List<String> texts = new ArrayList<>();
    Map<String, CodeBlock> configs = new LinkedHashMap<>();
    Map<String, Integer> uses = new LinkedHashMap<>();
    for (GroupModel group : model.groups()) {
      CodeBlock config = lambda(groupConfig(group, model.optimizer(), planSchedule(model), spe), group.schedule() != null);
      String text = config == null ? null : config.toString();
      texts.add(text);
      if (text != null) {
        configs.putIfAbsent(text, config);
        uses.merge(text, 1, Integer::sum);
      }
    }
    CodeBlock.Builder code = CodeBlock.builder();
    Map<String, String> shared = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> use : uses.entrySet()) {
      if (use.getValue() > 1) {
        String name = "sharedConfig" + (shared.size() + 1);
        shared.put(use.getKey(), name);
        code.add("$T<$T> $L = $L;\n", CONSUMER, GROUP_CONFIG, name, configs.get(use.getKey()));
      }
    }
    code.add("return $T.builder()\n$>$>", TRAINING_PLAN);
    code.add(".epochs($L)\n", model.epochs());
    code.add(".stepsPerEpoch($L)\n", Literals.STEPS_PER_EPOCH);
    code.add(".optimizer($L)\n", TypedCalls.of(model.optimizer(), model.optimizerKwargs(), spe));
    for (int i = 0; i < model.groups().size(); i++) {
      GroupModel group = model.groups().get(i);
      code.add(".group($L, $L", Literals.string(group.name()), source(group.fields()));
      String text = texts.get(i);
      if (text != null) {
        String name = shared.get(text);
        code.add(", $L", name != null ? CodeBlock.of("$L", name) : configs.get(text));
      }
      code.add(")\n");
    }
    if (model.schedule() instanceof ScheduleNode.Warmup warmup && warmup.isStepsBeforeEpochs()) {
      code.add(".stepWarmup($L)\n", warmupSpec(warmup, List.of(), spe));
    }
    ScheduleNode main = planSchedule(model);
    if (main != null) {
      code.add(".schedule($L, $T.$L)\n", schedule(main, spe), INTERVAL, main.interval());
    }
    if (model.plateauOnTop() != null) {
      // a second scheduler on the optimizer: stepped with the metric at every epoch's end, after the one above
      code.add(".schedule($L, $T.EPOCH)\n", schedule(model.plateauOnTop(), spe), INTERVAL);
    }
    if (model.monitor() != null) {
      code.add(".monitor($L)\n", Literals.string(model.monitor()));
    }
    if (model.clipNorm() != null) {
      TrainingModel.Clip clip = model.clipNorm();
      if (clip.defaults()) {
        code.add(".clipGradNorm($L)\n", Literals.number(clip.maxNorm()));
      } else {
        code.add(".clipGradNorm($L, $L, $L)\n", Literals.number(clip.maxNorm()), Literals.number(clip.normType()),
            clip.errorIfNonfinite());
      }
    }
    if (model.clipValue() != null) {
      code.add(".clipGradValue($L)\n", Literals.number(model.clipValue()));
    }
    if (model.accumulate() > 1) {
      if (model.windowLossScale()) {
        code.add(".accumulate($L, $T.WINDOW)\n", model.accumulate(), LOSS_SCALE);
      } else {
        code.add(".accumulate($L)\n", model.accumulate());
      }
    }
    if (model.ema() != null) {
      code.add(".ema($L)\n", ema(model.ema()));
    }
    if (model.swaFromEpoch() != null) {
      code.add(".swa($T.fromEpoch($L))\n", MODEL_SWA, model.swaFromEpoch());
    }
    return code.add(".build();\n$<$<").build();
  }

  /**
   * The plan-wide schedule as declared with {@code schedule(spec, interval)}: the model's, less a
   * warmup counted in steps before a per-epoch schedule, which the plan applies as {@code stepWarmup}.
   */
  private static ScheduleNode planSchedule(TrainingModel model) {
    return model.schedule() instanceof ScheduleNode.Warmup warmup && warmup.isStepsBeforeEpochs() ? warmup.after() : model.schedule();
  }

  /** {@code g -> g.lr(...)}, one call per line when there are several (as a user formats a longer lambda); null for none. */
  private static CodeBlock lambda(List<CodeBlock> calls, boolean hasSchedule) {
    if (calls.isEmpty()) {
      return null;
    }
    if (calls.size() == 1 && !hasSchedule) {
      return CodeBlock.of("g -> g$L", calls.get(0));
    }
    CodeBlock.Builder lambda = CodeBlock.builder().add("g -> g$>$>");
    calls.forEach(call -> lambda.add("\n$L", call));
    return lambda.add("$<$<").build();
  }

  private static List<CodeBlock> groupConfig(GroupModel group, Descriptor optimizer, ScheduleNode planSchedule, int spe) {
    List<CodeBlock> calls = new ArrayList<>();
    Map<String, Arg> others = new LinkedHashMap<>();
    for (Map.Entry<String, Arg> override : group.overrides().entrySet()) {
      Value value = override.getValue().value();
      if (override.getKey().equals("lr") && value instanceof Value.Real) {
        calls.add(CodeBlock.of(".lr($L)", Literals.of(value, spe)));
      } else if (override.getKey().equals("weight_decay") && value instanceof Value.Real) {
        calls.add(CodeBlock.of(".weightDecay($L)", Literals.of(value, spe)));
      } else {
        others.put(override.getKey(), override.getValue());
      }
    }
    if (!others.isEmpty() && TypedCalls.typed(optimizer, others)) {
      // the group's other hyperparameters through the optimizer's typed builder, as a user writes them
      calls.add(CodeBlock.of(".set($L)", TypedCalls.of(optimizer, others, spe)));
    } else {
      others.forEach((name, arg) -> calls.add(CodeBlock.of(".set($L, $L)", Literals.string(name), Literals.of(arg.value(), spe))));
    }
    Freeze freeze = group.freeze();
    if (freeze != null) {
      calls.add(freeze.untilEpoch() >= 0
          ? CodeBlock.of(".freezeUntilEpoch($L)", freeze.untilEpoch())
          : CodeBlock.of(".freezeUntilStep($L)", freeze.untilStep()));
      if (freeze.resetState()) {
        calls.add(CodeBlock.of(".onUnfreeze($T.RESET_STATE)", UNFREEZE_POLICY));
      }
      if (freeze.rewarmupSteps() > 0) {
        calls.add(CodeBlock.of(".rewarmup($L)", freeze.rewarmupSteps()));
      }
      if (freeze.holdBatchNorm()) {
        calls.add(CodeBlock.of(".frozenBatchNorm($T.HOLD)", BATCH_NORM_POLICY));
      }
      if (freeze.trainNorm()) {
        calls.add(CodeBlock.of(".trainNorm(true)"));
      }
    }
    ParamSplits splits = group.splits();
    if (splits.layerDecay() != null) {
      ParamSplits.LayerDecayRule layers = splits.layerDecay();
      CodeBlock index = switch (layers.ids()) {
        case "VIT_TIMM" -> CodeBlock.of("$T.vitTimm()", LAYER_INDEX);
        case "VIT_BEIT" -> CodeBlock.of("$T.vitBeit()", LAYER_INDEX);
        default -> layers.pattern().isEmpty()
            ? CodeBlock.of("$T.blockIndex()", LAYER_INDEX)
            : CodeBlock.of("$T.pattern($L)", LAYER_INDEX, Literals.string(layers.pattern()));
      };
      calls.add(layers.scale().equals("SCHEDULED_LR")
          ? CodeBlock.of(".layerDecay($L, $L, $T.SCHEDULED_LR)", Value.showNumber(layers.decay()), index, LR_SCALE)
          : CodeBlock.of(".layerDecay($L, $L)", Value.showNumber(layers.decay()), index));
    }
    for (ParamSplits.KindRule kind : splits.kinds()) {
      // s -> s.lrFactor(2.0).weightDecay(0.0): the kind's part of the group, as GroupConfig.split writes it
      CodeBlock.Builder configure = CodeBlock.builder().add("s -> s");
      if (kind.lrFactor() != 1.0) {
        configure.add(".lrFactor($L)", Literals.number(kind.lrFactor()));
      }
      if (kind.weightDecay() != null) {
        configure.add(".weightDecay($L)", Literals.number(kind.weightDecay()));
      }
      calls.add(CodeBlock.of(".split($L, $L, $L)", Literals.string(kind.suffix()), kindRule(kind.kind()), configure.build()));
    }
    if (splits.noDecay() != null) {
      calls.add(CodeBlock.of(".noDecay($L)", noDecayRule(splits.noDecay())));
    }
    ScheduleNode own = group.schedule();
    if (own instanceof ScheduleNode.Warmup warmup && warmup.isStepsBeforeEpochs()) {
      calls.add(CodeBlock.of(".stepWarmup($L)", warmupSpec(warmup, List.of(), spe)));
      // a warmup of its own before the plan's schedule: the group keeps following the plan's schedule
      own = warmup.after() == null || warmup.after().equals(planSchedule) ? null : warmup.after();
    }
    if (own != null) {
      calls.add(CodeBlock.of(".schedule($L, $T.$L)", schedule(own, spe), INTERVAL, own.interval()));
    }
    return calls;
  }

  /** {@code @NoDecay} as the runtime's rule: {@code ParamRule.biasAndNorm().or(ParamRule.names("*.pos_embed"))}. */
  private static CodeBlock noDecayRule(ParamSplits.NoDecayRule rule) {
    CodeBlock names = null;
    if (!rule.names().isEmpty()) {
      CodeBlock.Builder b = CodeBlock.builder().add("$T.names(", PARAM_RULE);
      for (int i = 0; i < rule.names().size(); i++) {
        b.add(i == 0 ? "$L" : ", $L", Literals.string(rule.names().get(i)));
      }
      names = b.add(")").build();
    }
    CodeBlock kind = rule.kind().equals("NONE") ? null : kindRule(rule.kind());
    if (kind == null) {
      return names;
    }
    return names == null ? kind : CodeBlock.of("$L.or($L)", kind, names);
  }

  /**
   * {@code @Ema} as {@code ModelEma.decay(0.99998).everySteps(32).adjustedForBatch(1024).copyDuringEpochs(5)}, defaults
   * left out, or YOLOv5's {@code ModelEma.ramp(0.9999, 2000)}.
   */
  private static CodeBlock ema(EmaModel ema) {
    if (ema.ramped()) {
      return CodeBlock.of("$T.ramp($L, $L)", MODEL_EMA, Literals.number(ema.decay()), Literals.number(ema.rampTau()));
    }
    CodeBlock.Builder code = CodeBlock.builder().add("$T.decay($L)", MODEL_EMA, Literals.number(ema.decay()));
    if (ema.everySteps() != 1) {
      code.add(".everySteps($L)", ema.everySteps());
    }
    if (ema.adjustedForBatch() != 0) {
      code.add(".adjustedForBatch($L)", ema.adjustedForBatch());
    }
    if (ema.copyDuringEpochs() != 0) {
      code.add(".copyDuringEpochs($L)", ema.copyDuringEpochs());
    }
    return code.build();
  }

  /** A {@code ParamKind} (other than NONE) as the runtime's rule. */
  private static CodeBlock kindRule(String kind) {
    return switch (kind) {
      case "BIAS_AND_NORM" -> CodeBlock.of("$T.biasAndNorm()", PARAM_RULE);
      case "ONE_DIMENSIONAL" -> CodeBlock.of("$T.ndimAtMost(1)", PARAM_RULE);
      case "NORM" -> CodeBlock.of("$T.normLayers()", PARAM_RULE);
      case "BIAS" -> CodeBlock.of("$T.bias()", PARAM_RULE);
      default -> throw new IllegalArgumentException("no rule for ParamKind " + kind);
    };
  }

  /** A field's value as a ParameterSource; several fields (the default group) are concatenated. */
  private static CodeBlock source(List<FieldRef> fields) {
    if (fields.size() == 1) {
      return source(fields.get(0));
    }
    CodeBlock.Builder code = CodeBlock.builder().add("$T.concat($T.of(", PARAMETER_SOURCE, List.class);
    for (int i = 0; i < fields.size(); i++) {
      code.add(i == 0 ? "$L" : ", $L", source(fields.get(i)));
    }
    return code.add("))").build();
  }

  private static CodeBlock source(FieldRef field) {
    CodeBlock read = field.viaMethod() ? CodeBlock.of("model.$N()", field.accessor()) : CodeBlock.of("model.$N", field.accessor());
    return switch (field.kind()) {
      case SOURCE -> read;
      case PARAMETER_COLLECTION -> CodeBlock.of("$T.of($L)", PARAMETER_SOURCE, read);
      case SOURCE_COLLECTION -> CodeBlock.of("$T.concat($L)", PARAMETER_SOURCE, read);
      case SOURCE_ARRAY -> CodeBlock.of("$T.concat($T.of($L))", PARAMETER_SOURCE, List.class, read);
      case DJL_BLOCK -> CodeBlock.of("$T.of($L, $L)", BLOCK_PARAMETERS, Literals.string(field.name()), read);
    };
  }

  /**
   * A schedule as the typed DSL writes it (a {@code Spec} for a registered one), or for a Java
   * function a CustomSchedule lambda: {@code (optimizer, groups) -> new LambdaLR(...)}.
   */
  private static CodeBlock schedule(ScheduleNode node, int spe) {
    if (node instanceof ScheduleNode.Lambda lambda) {
      return CodeBlock.of("(optimizer, groups) -> new $T($T.fixed(groups), new $T())",
          ClassName.get("dev.anneal.schedule", lambda.typeName()), GROUP_SOURCE, ClassName.get(lambda.function().type()));
    }
    if (node instanceof ScheduleNode.Single single) {
      return TypedCalls.of(single.descriptor(), single.kwargs(), spe);
    }
    if (node instanceof ScheduleNode.Warmup warmup) {
      return warmupSpec(warmup, warmup.children(), spe);
    }
    if (node instanceof ScheduleNode.Sequential sequence) {
      return withChildren(TypedCalls.of(builtIn("SequentialLR"), Map.of("milestones", sequence.milestones()), spe),
          ".schedulers(", sequence.phases(), spe);
    }
    if (node instanceof ScheduleNode.Chained chain) {
      return withChildren(TypedCalls.of(builtIn("ChainedScheduler"), Map.of(), spe), ".schedulers(", chain.members(), spe);
    }
    return TypedCalls.of(builtIn("ReduceLROnPlateau"), ((ScheduleNode.Plateau) node).kwargs(), spe);
  }

  private static CodeBlock warmupSpec(ScheduleNode.Warmup warmup, List<ScheduleNode> children, int spe) {
    Map<String, Arg> kwargs = new LinkedHashMap<>();
    kwargs.put("warmup_steps", new Arg(warmup.steps(), warmup.where()));
    if (warmup.factor() != null) {
      kwargs.put("warmup_factor", warmup.factor());
    }
    kwargs.putAll(warmup.stepOnly());
    Map<String, CodeBlock> given = warmup.minSteps() == null ? Map.of() : Map.of("warmup_steps", CodeBlock.of("$T.max($L, $L)",
        Math.class, Literals.count(warmup.steps(), spe), ((Count) warmup.minSteps().value()).constant()));
    return withChildren(TypedCalls.of(builtIn(warmup.shape().pytorchName()), kwargs, spe, given), ".then(", children, spe);
  }

  private static Descriptor builtIn(String scheduler) {
    return Vocabulary.builtIns().require(Category.SCHEDULER, scheduler);
  }

  /** {@code head} followed by {@code call} with the children, one per line, as a user would format them. */
  private static CodeBlock withChildren(CodeBlock head, String call, List<ScheduleNode> children, int spe) {
    if (children.isEmpty()) {
      return head;
    }
    CodeBlock.Builder code = CodeBlock.builder().add("$L$L", head, call);
    for (int i = 0; i < children.size(); i++) {
      code.add(i == 0 ? "\n$>$>$L" : ",\n$L", schedule(children.get(i), spe));
    }
    return code.add("$<$<)").build();
  }
}
