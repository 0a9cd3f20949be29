package dev.anneal.vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Python literal as a pasted config or a {@code @Kwarg(value = ...)} writes it: {@code None},
 * {@code True}/{@code False} (also {@code true}/{@code false}), integers, floats ({@code 1e-3},
 * {@code inf}, {@code float('inf')}), strings in quotes, and tuples or lists of these. Integers
 * become {@link Integer} (or {@link Long}), floats {@link Double}, tuples and lists unmodifiable
 * {@link List}s; {@code null} is None. A bare word such as {@code cos} is read as a string.
 */
public final class PythonLiteral {
  private final String text;
  private int pos;

  private PythonLiteral(String text) {
    this.text = text;
  }

  /** The value of {@code literal}; throws {@link IllegalArgumentException} saying where it went wrong. */
  public static Object parse(String literal) {
    PythonLiteral p = new PythonLiteral(literal);
    Object value = p.value();
    p.skipSpace();
    if (p.pos != literal.length()) {
      throw p.error("unexpected text");
    }
    return value;
  }

  private Object value() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("a value is missing");
    }
    char c = text.charAt(pos);
    if (c == '(' || c == '[') {
      return sequence(c == '(' ? ')' : ']');
    }
    if (c == '\'' || c == '"') {
      int end = text.indexOf(c, pos + 1);
      if (end < 0) {
        throw error("unterminated string");
      }
      String s = text.substring(pos + 1, end);
      pos = end + 1;
      return s;
    }
    int start = pos;
    while (pos < text.length() && ",)]".indexOf(text.charAt(pos)) < 0) {
      if (text.startsWith("float(", pos)) {
        int close = text.indexOf(')', pos);
        pos = close < 0 ? text.length() : close + 1;
      } else {
        pos++;
      }
    }
    return atom(text.substring(start, pos).trim());
  }

  private Object sequence(char close) {
    pos++;
    List<Object> items = new ArrayList<>();
    skipSpace();
    while (pos < text.length() && text.charAt(pos) != close) {
      items.add(value());
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
        skipSpace();
      } else if (pos >= text.length() || text.charAt(pos) != close) {
        throw error("expected , or " + close);
      }
    }
    if (pos >= text.length()) {
      throw error("missing " + close);
    }
    pos++;
    return Collections.unmodifiableList(items);
  }

  private Object atom(String word) {
    switch (word) {
      case "None", "null":
        return null;
      case "True", "true":
        return Boolean.TRUE;
      case "False", "false":
        return Boolean.FALSE;
      default:
        break;
    }
    String lower = word.toLowerCase(Locale.ROOT).replace(" ", "");
    if (lower.equals("inf") || lower.equals("float('inf')") || lower.equals("float(\"inf\")") || lower.equals("math.inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (lower.equals("-inf") || lower.equals("-float('inf')") || lower.equals("float('-inf')")) {
      return Double.NEGATIVE_INFINITY;
    }
    String digits = word.replace("_", "");
    if (digits.matches("[-+]?\\d+")) {
      long v = Long.parseLong(digits);
      return v == (int) v ? (Object) (int) v : (Object) v;
    }
    if (digits.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
      return Double.parseDouble(digits);
    }
    if (word.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
      return word;
    }
    throw error("cannot read " + word);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("not a Python literal: " + text + " (" + what + " at character " + pos + ")");
  }
}
