package dev.anneal.processor.validation;

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
  Object parse(String literal) {
    String text = literal.trim();
    try {
      switch (this) {
        case NUMBER:
          return parseNumber(text);
        case INT:
          return Integer.valueOf(text);
        case BOOL:
          String lower = text.toLowerCase(Locale.ROOT);
          return lower.equals("true") ? Boolean.TRUE : lower.equals("false") ? Boolean.FALSE : null;
        case TUPLE:
        case INT_LIST:
          if (text.length() < 2 || !(text.startsWith("(") && text.endsWith(")") || text.startsWith("[") && text.endsWith("]"))) {
            return null;
          }
          List<Object> items = new ArrayList<>();
          for (String item : text.substring(1, text.length() - 1).split(",")) {
            if (item.isBlank()) {
              continue;
            }
            items.add(this == TUPLE ? parseNumber(item.trim()) : Integer.valueOf(item.trim()));
          }
          return items.isEmpty() ? null : items;
        case WORD:
          String word = text.replaceAll("^['\"]|['\"]$", "");
          return word.matches("[A-Za-z_][A-Za-z0-9_]*") ? word : null;
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
