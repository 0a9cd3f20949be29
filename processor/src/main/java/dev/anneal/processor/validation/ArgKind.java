package dev.anneal.processor.validation;

import dev.anneal.processor.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The type of a PyTorch keyword argument, and how its Python-like literal in a {@code @Kwarg} is read. */
enum ArgKind {
  NUMBER("a number"),
  INT("a whole number"),
  BOOL("true or false"),
  TUPLE("a tuple of numbers such as (0.9, 0.999)"),
  INT_LIST("a list of whole numbers such as [30, 60]"),
  WORD("a word such as 'cos'");

  private final String description;

  ArgKind(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  /** The value as generated code passes it, or {@code null} if the literal is not of this kind. */
  Value parse(String literal) {
    String text = literal.trim();
    try {
      switch (this) {
        case NUMBER: {
          Double number = parseNumber(text);
          return number == null ? null : Value.of(number);
        }
        case INT:
          return Value.of(Long.parseLong(text));
        case BOOL:
          String lower = text.toLowerCase(Locale.ROOT);
          return lower.equals("true") ? Value.of(true) : lower.equals("false") ? Value.of(false) : null;
        case TUPLE:
        case INT_LIST:
          if (text.length() < 2 || !(text.startsWith("(") && text.endsWith(")") || text.startsWith("[") && text.endsWith("]"))) {
            return null;
          }
          List<Double> reals = new ArrayList<>();
          List<Long> wholes = new ArrayList<>();
          for (String item : text.substring(1, text.length() - 1).split(",")) {
            if (item.isBlank()) {
              continue;
            }
            if (this == TUPLE) {
              Double number = parseNumber(item.trim());
              if (number == null) {
                return null;
              }
              reals.add(number);
            } else {
              wholes.add(Long.parseLong(item.trim()));
            }
          }
          if (reals.isEmpty() && wholes.isEmpty()) {
            return null;
          }
          return this == TUPLE ? new Value.Reals(reals) : new Value.Wholes(wholes);
        case WORD:
          String word = text.replaceAll("^['\"]|['\"]$", "");
          return word.matches("[A-Za-z_][A-Za-z0-9_]*") ? new Value.Word(word) : null;
        default:
          return null;
      }
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseNumber(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("inf") || lower.equals("float('inf')")) {
      return Double.POSITIVE_INFINITY;
    }
    double value = Double.parseDouble(text);
    return Double.isNaN(value) ? null : value;
  }
}
