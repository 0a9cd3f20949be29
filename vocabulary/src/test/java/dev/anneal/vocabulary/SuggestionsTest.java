package dev.anneal.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void closeNamesAreSuggestedClosestFirst() {
    List<String> names = List.of("lr", "weight_decay", "momentum", "dampening", "nesterov");
    assertEquals(List.of("weight_decay"), Suggestions.closest("weight_decy", names));
    assertEquals(List.of("momentum"), Suggestions.closest("momentun", names));
    assertEquals(List.of("nesterov"), Suggestions.closest("nestrov", names));
    assertEquals(List.of(), Suggestions.closest("amsgrad", names));
    assertEquals(" (did you mean lr?)", Suggestions.didYouMean("Lr", names));
    assertEquals("", Suggestions.didYouMean("xyz", names));
  }

  @Test
  void swapsCountOnce() {
    assertEquals(1, Suggestions.distance("betsa", "betas"));
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
  }
}
