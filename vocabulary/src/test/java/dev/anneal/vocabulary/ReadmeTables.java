package dev.anneal.vocabulary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the README's tables of optimizers, schedulers and losses from the descriptors, between
 * the markers {@code <!-- anneal:table optimizers -->} and {@code <!-- /anneal:table -->} (likewise
 * {@code schedulers}, {@code losses}): one row a descriptor, its PyTorch name, where it comes from
 * and every argument with its default as Python writes it. Implementation switches ({@code foreach},
 * {@code fused}, ...) and bookkeeping arguments are left out of the rows and said once below.
 */
final class ReadmeTables {
  private ReadmeTables() {}

  /** A table's marker pair; group 1 is the category's plural, group 2 the table between them. */
  static final Pattern TABLE = Pattern.compile("(?s)<!-- anneal:table (\\w+) -->\\n(.*?)<!-- /anneal:table -->");

  /** The README with every marked table rewritten from {@code vocabulary}. */
  static String rewrite(String readme, Vocabulary vocabulary) {
    Matcher m = TABLE.matcher(readme);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String table = table(vocabulary, category(m.group(1)));
      m.appendReplacement(out, Matcher.quoteReplacement("<!-- anneal:table " + m.group(1) + " -->\n" + table + "<!-- /anneal:table -->"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The categories whose tables the README marks. */
  static List<Category> marked(String readme) {
    List<Category> found = new ArrayList<>();
    Matcher m = TABLE.matcher(readme);
    while (m.find()) {
      found.add(category(m.group(1)));
    }
    return found;
  }

  static Category category(String plural) {
    return switch (plural) {
      case "optimizers" -> Category.OPTIMIZER;
      case "schedulers" -> Category.SCHEDULER;
      case "losses" -> Category.LOSS;
      default -> throw new IllegalArgumentException("README marks a table of " + plural
          + "; the tables are optimizers, schedulers and losses");
    };
  }

  /** The markdown table of one category, ending with a newline. */
  static String table(Vocabulary vocabulary, Category category) {
    boolean schedulers = category == Category.SCHEDULER;
    StringBuilder t = new StringBuilder();
    t.append("| ").append(category.noun()).append(" | from | arguments (default)")
        .append(schedulers ? " | steps | closed form |\n| --- | --- | --- | --- | --- |\n" : " |\n| --- | --- | --- |\n");
    for (Descriptor d : vocabulary.all(category)) {
      t.append("| `").append(d.name()).append("` | ").append(d.origin()).append(" | ");
      if (d.unsupported().isPresent()) {
        t.append("refused: ").append(d.unsupported().get());
      } else {
        t.append(arguments(d));
      }
      if (schedulers) {
        t.append(" | ").append(d.unsupported().isPresent() ? "" : stepping(d.stepping()))
            .append(" | ").append(d.closedForm().isPresent() ? "yes" : "no");
      }
      t.append(" |\n");
    }
    return t.toString();
  }

  private static String arguments(Descriptor d) {
    List<String> shown = new ArrayList<>();
    for (Argument a : d.arguments()) {
      if (a.role() != Role.HYPERPARAMETER) {
        continue;
      }
      shown.add("`" + a.name() + switch (a.presence()) {
        case OPTIONAL -> "=" + python(a, a.defaultValue()) + "`";
        case REQUIRED -> "` (required)";
        case DERIVED_FROM_LENGTH -> "` (from the training's length)";
      });
    }
    return shown.isEmpty() ? "none" : String.join(", ", shown).replace("|", "\\|");
  }

  private static String stepping(Stepping stepping) {
    return switch (stepping) {
      case EPOCH -> "per epoch";
      case STEP -> "per step";
      case METRIC -> "on a metric";
    };
  }

  /** A value as Python's {@code repr} writes it: {@code 1e-08}, {@code 0.001}, {@code (0.9, 0.999)}, {@code 'cos'}. */
  static String python(Argument a, Object value) {
    if (value instanceof Double d) {
      return pythonFloat(d);
    }
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        items.add(python(a, item));
      }
      boolean tuple = a.kind() == Kind.DOUBLE_TUPLE;
      return (tuple ? "(" : "[") + String.join(", ", items) + (tuple ? ")" : "]");
    }
    return Values.show(value);
  }

  static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exponent = exact.precision() - exact.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      String plain = exact.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = exact.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
  }
}
