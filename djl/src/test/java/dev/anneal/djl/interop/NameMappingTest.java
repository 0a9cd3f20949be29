package dev.anneal.djl.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameMappingTest {

  @Test
  void aMapRenamesWhatItHoldsKeepsTheRestAndIgnoresWhatItMapsToNull() {
    Map<String, String> renames = new HashMap<>();
    renames.put("classifier.weight", "head.weight");
    renames.put("classifier.bias", null);
    NameMapping mapping = NameMapping.of(renames);
    assertEquals("head.weight", mapping.blockName("classifier.weight"));
    assertNull(mapping.blockName("classifier.bias"));
    assertEquals("features.0.weight", mapping.blockName("features.0.weight"));
  }

  @Test
  void prefixesAreStrippedOrSelected() {
    assertEquals("0.weight", NameMapping.stripPrefix("module.").blockName("module.0.weight"));
    assertEquals("0.weight", NameMapping.stripPrefix("module.").blockName("0.weight"));
    assertEquals("conv1.weight", NameMapping.under("stem.").blockName("stem.conv1.weight"));
    assertNull(NameMapping.under("stem.").blockName("head.weight"), "names outside the prefix are ignored");
  }

  @Test
  void mappingsChainAndAnIgnoredNameStaysIgnored() {
    NameMapping mapping = NameMapping.stripPrefix("module.").andThen(NameMapping.ignoringBatchCounters());
    assertEquals("1.running_mean", mapping.blockName("module.1.running_mean"));
    assertNull(mapping.blockName("module.1.num_batches_tracked"));
    assertNull(NameMapping.under("stem.").andThen(name -> "never " + name).blockName("head.bias"));
  }
}
