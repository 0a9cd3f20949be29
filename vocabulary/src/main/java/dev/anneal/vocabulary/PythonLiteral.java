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
 * Reading takes time linear in the text, and nesting deeper than {@link #MAX_DEPTH} is refused.
 */
public final class PythonLiteral {
  /** Deeper tuples than any hyperparameter needs; the limit keeps a pasted or forged value off the stack's end. */
  public static final int MAX_DEPTH = 32;
  private final String text;
  private int pos;
  private int depth;

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
    if (++depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
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
    depth--;
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
    if (isInteger(digits)) {
      try {
        long v = Long.parseLong(digits);
        return v == (int) v ? (Object) (int) v : (Object) v;
      } catch (NumberFormatException e) {
        throw error("integer " + abbreviate(word) + " is out of range (at most " + Long.MAX_VALUE + " in size)");
      }
    }
    if (isDecimal(digits)) {
      return Double.parseDouble(digits);
    }
    if (isBareWord(word)) {
      return word;
    }
    throw error("cannot read " + abbreviate(word));
  }

  /** {@code [-+]?\d+}, scanned once (a regular expression with alternatives backtracks on long input). */
  private static boolean isInteger(String s) {
    int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    int digits = skipDigits(s, i);
    return digits > i && digits == s.length();
  }

  /** {@code [-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?}, scanned once. */
  private static boolean isDecimal(String s) {
    int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    int afterInt = skipDigits(s, i);
    boolean mantissa = afterInt > i;
    i = afterInt;
    if (i < s.length() && s.charAt(i) == '.') {
      int afterFraction = skipDigits(s, i + 1);
      mantissa |= afterFraction > i + 1;
      i = afterFraction;
    }
    if (!mantissa) {
      return false;
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int afterExponent = skipDigits(s, i);
      if (afterExponent == i) {
        return false;
      }
      i = afterExponent;
    }
    return i == s.length();
  }

  private static int skipDigits(String s, int i) {
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** {@code [A-Za-z_][A-Za-z0-9_.-]*}: an identifier such as {@code cos} or {@code triangular2}. */
  private static boolean isBareWord(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) && s.charAt(0) < 128 || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "... (" + s.length() + " characters)";
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private Unreadable error(String what) {
    return new Unreadable(abbreviate(text), what + " at character " + pos);
  }

  /** Text that is not a Python literal; {@link #reason()} says what is wrong and where, without the (maybe long) text. */
  public static final class Unreadable extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    Unreadable(String text, String reason) {
      super("not a Python literal: " + text + " (" + reason + ")");
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
