package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Splitting a group's parameters by rule: which parameter lands in which group with which lr and
 * weight decay, checked by hand against timm's {@code param_groups_weight_decay} (no decay when
 * {@code ndim <= 1 or name.endswith(".bias") or name in no_weight_decay_list}) and
 * {@code param_groups_layer_decay} (lr scale {@code decay^(layer_max - layer_id)}, names without a
 * layer at {@code layer_max}).
 */
class GroupSplitTest {
  @TempDir Path dir;

  /** A ViT-like model: patch embedding, two blocks, a head. */
  static Layer vit() {
    Layer m = new Layer("vit");
    m.add("pos_embed", 1, 5, 4);          // 3-D, no decay only through the name list
    m.add("patch.weight", 4, 3, 2, 2);
    m.add("patch.bias", 4);
    m.add("blocks.0.norm.weight", 4);     // 1-D: no decay
    m.add("blocks.0.fc.weight", 4, 4);
    m.add("blocks.0.fc.bias", 4);
    m.add("blocks.1.fc.weight", 4, 4);
    m.add("blocks.1.fc.bias", 4);
    m.add("head.weight", 2, 4);
    m.add("head.bias", 2);
    m.add("gate.bias", 2, 2);             // 2-D but named .bias: no decay (timm's name rule)
    return m;
  }

  private static Map<String, List<String>> members(TrainingPlan plan) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ParamGroup g : plan.groups()) {
      out.put(g.name(), g.params().stream().map(Parameter::name).toList());
    }
    return out;
  }

  @Test
  void noDecayForBiasesAndNormsAsTimm() {
    TrainingPlan plan = TrainingPlan.builder().epochs(1)
        .optimizer(Spec.of("AdamW").with("lr", 1e-3).with("weight_decay", 0.05))
        .group("model", vit(), g -> g.noDecay(ParamRule.biasAndNorm().or(ParamRule.names("*.pos_embed"))))
        .build();
    assertEquals(Map.of(
            "model", List.of("vit.patch.weight", "vit.blocks.0.fc.weight", "vit.blocks.1.fc.weight", "vit.head.weight"),
            "model.no_decay", List.of("vit.pos_embed", "vit.patch.bias", "vit.blocks.0.norm.weight", "vit.blocks.0.fc.bias",
                "vit.blocks.1.fc.bias", "vit.head.bias", "vit.gate.bias")),
        members(plan));
    assertEquals(List.of("model.no_decay", "model"), plan.groups().stream().map(ParamGroup::name).toList(),
        "groups in the order of their first parameter, as timm's");
    assertEquals(0.0, plan.group("model.no_decay").get("weight_decay"));
    assertEquals(0.05, ((Number) plan.group("model").get("weight_decay")).doubleValue());
    assertEquals(1e-3, plan.group("model.no_decay").lr());
  }

  @Test
  void thePlanWideRuleSplitsEveryGroupAndKeepsEachGroupsSettings() {
    Layer a = new Layer("a");
    a.add("weight", 3, 3);
    a.add("bias", 3);
    Layer b = new Layer("b");
    b.add("weight", 2, 3);
    TrainingPlan plan = TrainingPlan.builder().epochs(3)
        .optimizer(Spec.of("SGD").with("lr", 0.1).with("weight_decay", 1e-4))
        .noDecay(ParamRule.biasAndNorm())
        .group("a", a, g -> g.lr(0.01).freezeUntilEpoch(1))
        .group("b", b)
        .build();
    assertEquals(List.of("a", "a.no_decay", "b"), plan.groups().stream().map(ParamGroup::name).toList());
    assertEquals(0.01, plan.group("a.no_decay").lr());
    assertTrue(plan.isFrozen("a.no_decay"), "the split part keeps its group's freezing");
    assertEquals(0.0, plan.group("a.no_decay").get("weight_decay"));
  }

  @Test
  void layerDecayByBlockIndexAsTimm() {
    // timm: layer_max = 1 (blocks.0, blocks.1); names without a block (head, patch, pos_embed) at layer_max.
    TrainingPlan plan = TrainingPlan.builder().epochs(1)
        .optimizer(Spec.of("AdamW").with("lr", 1e-3).with("weight_decay", 0.05))
        .group("vit", vit(), g -> g.layerDecay(0.75, LayerIndex.blockIndex()).noDecay(ParamRule.ndimAtMost(1)))
        .build();
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("vit.layer_1", List.of("vit.pos_embed", "vit.patch.weight", "vit.blocks.1.fc.weight", "vit.head.weight",
        "vit.gate.bias"));
    expected.put("vit.layer_1.no_decay", List.of("vit.patch.bias", "vit.blocks.1.fc.bias", "vit.head.bias"));
    expected.put("vit.layer_0.no_decay", List.of("vit.blocks.0.norm.weight", "vit.blocks.0.fc.bias"));
    expected.put("vit.layer_0", List.of("vit.blocks.0.fc.weight"));
    assertEquals(expected, members(plan));
    assertEquals(1e-3, plan.group("vit.layer_1").lr());
    assertEquals(1e-3 * 0.75, plan.group("vit.layer_0").lr());
    assertEquals(1e-3 * 0.75, plan.group("vit.layer_0.no_decay").lr());
    assertEquals(0.0, plan.group("vit.layer_0.no_decay").get("weight_decay"));
    assertEquals(0.05, ((Number) plan.group("vit.layer_0").get("weight_decay")).doubleValue());
  }

  @Test
  void aPatternNamesTheLayer() {
    Layer m = new Layer("bert");
    m.add("encoder.layer.0.w", 2, 2);
    m.add("encoder.layer.1.w", 2, 2);
    m.add("encoder.layer.2.w", 2, 2);
    TrainingPlan plan = TrainingPlan.builder().epochs(1).optimizer(Spec.of("SGD").with("lr", 1.0))
        .group("enc", m, g -> g.layerDecay(0.5, LayerIndex.pattern(".*encoder\\.layer\\.(\\d+)\\..*")))
        .build();
    assertEquals(List.of(0.25, 0.5, 1.0), plan.groups().stream().map(ParamGroup::lr).toList());
  }

  @Test
  void aCheckpointOfAnotherSplitIsRefused() throws Exception {
    Path file = dir.resolve("split.ckpt");
    TrainingPlan.builder().epochs(1).optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("m", vit(), g -> g.noDecay(ParamRule.biasAndNorm())).build().save(file);
    TrainingPlan other = TrainingPlan.builder().epochs(1).optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("m", vit(), g -> g.noDecay(ParamRule.ndimAtMost(1))).build();
    Exception e = assertThrows(Exception.class, () -> other.load(file));
    assertTrue(e.getMessage().contains("differently configured"), e.getMessage());
  }

  @Test
  void badSplitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder().epochs(1).optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("m", vit(), g -> g.split("a.b", ParamRule.biasAndNorm(), s -> {})));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainingPlan.builder().epochs(1).optimizer(Spec.of("SGD").with("lr", 0.1))
            .group("m", vit(), g -> g.layerDecay(1.5, LayerIndex.blockIndex())));
    assertTrue(e.getMessage().contains("layerDecay must be in (0, 1], was 1.5"), e.getMessage());
  }

  @Test
  void anAddedGroupCannotSplit() {
    Layer a = new Layer("a");
    a.add("w", 2, 2);
    Layer b = new Layer("b");
    b.add("w", 2, 2);
    b.add("bias", 2);
    TrainingPlan plan = TrainingPlan.builder().epochs(1).optimizer(Spec.of("SGD").with("lr", 0.1)).group("a", a).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plan.addGroup("b", b, g -> g.noDecay(ParamRule.biasAndNorm())));
    assertTrue(e.getMessage().contains("group b is added during training and cannot split its parameters"), e.getMessage());
    assertEquals(1, plan.groups().size(), "nothing was added");
  }

  @Test
  void globsMatchWholeNames() {
    assertTrue(ParamRule.glob("*.pos_embed").matcher("vit.pos_embed").matches());
    assertTrue(!ParamRule.glob("*.pos_embed").matcher("vit.pos_embed2").matches());
    assertTrue(ParamRule.glob("a?c").matcher("abc").matches());
    assertTrue(!ParamRule.glob("a.c").matcher("abc").matches(), "a dot is literal");
  }
}
