package dev.anneal.spec;

import dev.anneal.fuzz.FuzzTally;
import dev.anneal.fuzz.FuzzTally.Verdict;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.PythonLiteral;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 25's spec-string fuzz, fixed seeds, a few seconds. Generated calls know what they mean:
 * each is refused by name when Python would refuse it or Anneal cannot read it (a repeated
 * keyword, a positional argument after a keyword or past the signature, unpacking, nesting past
 * {@link PythonLiteral#MAX_DEPTH}), and otherwise must give exactly the keyword arguments written,
 * positional ones under their signature names. Mutated calls (characters inserted, deleted,
 * repeated) have a weaker oracle: an accepted one names only keywords its text holds.
 */
class SpecFuzzTest {
  private static final long SEED = 25_003;

  @Test
  void generatedCallsAreReadAsWrittenOrRefusedByName() {
    List<Descriptor> descriptors = new ArrayList<>();
    descriptors.addAll(Registry.vocabulary().all(Category.OPTIMIZER));
    descriptors.addAll(Registry.vocabulary().all(Category.SCHEDULER));
    descriptors.removeIf(d -> d.unsupported().isPresent());
    Random random = new Random(SEED);
    FuzzTally tally = new FuzzTally("Spec.parse generated calls", 10_000);
    for (int i = 0; i < 10_000; i++) {
      Descriptor d = descriptors.get(random.nextInt(descriptors.size()));
      Call call = generate(d, random);
      tally.run(call.text, () -> {
        Spec spec = Spec.parse(call.text);
        return call.valid && spec.type().equals(d.name()) && normalized(spec.kwargs()).equals(normalized(call.expected))
            ? Verdict.RIGHT : Verdict.WRONG;
      });
    }
    tally.report();
  }

  @Test
  void mutatedCallsAreRefusedOrNameOnlyWhatTheyHold() {
    Random random = new Random(SEED + 1);
    FuzzTally tally = new FuzzTally("Spec.parse mutated calls", 10_000);
    String[] seeds = {"torch.optim.SGD(model.parameters(), 0.1, momentum=0.9, nesterov=True)",
        "AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)",
        "lr_scheduler.MultiStepLR(optimizer, milestones=[30, 60], gamma=0.1)",
        "OneCycleLR(opt, max_lr=0.1, total_steps=1000, anneal_strategy='cos')",
        "nn.CrossEntropyLoss(label_smoothing=0.1, ignore_index=-100)"};
    String alphabet = "()[]{},=*'\"._-+eE0123456789 abxNoneTrue\u2028\\";
    for (int i = 0; i < 10_000; i++) {
      StringBuilder text = new StringBuilder(seeds[random.nextInt(seeds.length)]);
      for (int edits = 1 + random.nextInt(4); edits > 0 && text.length() > 0; edits--) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(4)) {
          case 0 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> text.deleteCharAt(at);
          case 2 -> text.insert(at, String.valueOf(text.charAt(at)).repeat(1 + random.nextInt(2000)));
          default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String call = text.toString();
      tally.run(call, () -> {
        Spec spec = Spec.parse(call);
        Descriptor d = descriptorOf(spec.type());
        for (String key : spec.kwargs().keySet()) {
          boolean written = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(key) + "[ \t\n\r\f]*=").matcher(call).find();
          boolean positional = d != null && d.positional().contains(key);
          if (!written && !positional) {
            return Verdict.WRONG;
          }
        }
        return Verdict.RIGHT;
      });
    }
    tally.report();
  }

  private static Descriptor descriptorOf(String name) {
    for (Category c : Category.values()) {
      var found = Registry.vocabulary().find(c, name);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }

  /** A call, whether Anneal should read it, and the keyword arguments it means. */
  private record Call(String text, boolean valid, Map<String, Object> expected) {}

  private static Call generate(Descriptor d, Random random) {
    boolean valid = true;
    List<String> args = new ArrayList<>();
    Map<String, Object> expected = new LinkedHashMap<>();
    String[] prefixes = d.category() == Category.OPTIMIZER ? new String[] {"", "torch.optim.", "optim."}
        : new String[] {"", "torch.optim.lr_scheduler.", "lr_scheduler."};
    String name = prefixes[random.nextInt(prefixes.length)] + d.name();
    args.add(d.category() == Category.OPTIMIZER ? (random.nextBoolean() ? "model.parameters()" : "params") : "optimizer");
    List<String> positional = d.positional();
    int byPosition = random.nextInt(positional.size() + 2);
    if (byPosition > positional.size()) {
      valid = false; // one past the signature
    }
    for (int k = 0; k < byPosition; k++) {
      Object value = value(random);
      args.add(render(value));
      if (k < positional.size()) {
        expected.put(positional.get(k), value);
      }
      valid &= depth(value) <= PythonLiteral.MAX_DEPTH;
    }
    List<Argument> arguments = new ArrayList<>(d.arguments());
    int keywords = random.nextInt(4);
    boolean keywordSeen = false;
    for (int k = 0; k < keywords && !arguments.isEmpty(); k++) {
      Argument a = arguments.get(random.nextInt(arguments.size()));
      Object value = value(random);
      if (expected.containsKey(a.name())) {
        valid = false; // repeated, or given by position and by keyword
      }
      expected.put(a.name(), value);
      args.add(a.name() + (random.nextBoolean() ? "=" : " = ") + render(value));
      keywordSeen = true;
      valid &= depth(value) <= PythonLiteral.MAX_DEPTH;
    }
    switch (random.nextInt(12)) {
      case 0 -> {
        args.add("**{'lr': 0.5}");
        valid = false;
      }
      case 1 -> {
        if (keywordSeen) {
          args.add("0.5");
          valid = false;
        }
      }
      default -> { }
    }
    return new Call(name + "(" + String.join(random.nextBoolean() ? ", " : ",", args) + ")", valid, expected);
  }

  private static Object value(Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> random.nextInt(1000) - 10;
      case 1 -> random.nextDouble();
      case 2 -> Math.pow(10, -random.nextInt(9));
      case 3 -> random.nextBoolean();
      case 4 -> null;
      case 5 -> List.of(random.nextDouble(), random.nextDouble());
      case 6 -> nested(random.nextInt(40));
      case 7 -> random.nextBoolean() ? "cos" : "triangular2";
      default -> List.of(random.nextInt(50), 50 + random.nextInt(50));
    };
  }

  private static Object nested(int depth) {
    Object v = 0.5;
    for (int i = 0; i < depth; i++) {
      v = List.of(v);
    }
    return v;
  }

  private static int depth(Object value) {
    return value instanceof List<?> list ? 1 + list.stream().mapToInt(SpecFuzzTest::depth).max().orElse(0) : 0;
  }

  private static String render(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("(");
      for (Object item : list) {
        out.append(render(item)).append(", ");
      }
      return out.append(")").toString();
    }
    return value.toString();
  }

  /** Numbers compared as doubles (a Python int and float of one value are one value for a hyperparameter). */
  private static Object normalized(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, normalized(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return Arrays.asList(list.stream().map(SpecFuzzTest::normalized).toArray());
    }
    return value instanceof Number n ? (Object) n.doubleValue() : value;
  }
}
