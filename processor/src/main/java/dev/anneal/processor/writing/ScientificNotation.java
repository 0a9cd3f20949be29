package dev.anneal.processor.writing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A double as {@code String.format(Locale.ROOT, "%.4e", value)} writes it ({@code 1.2346e-05}),
 * without {@link java.util.Formatter}: in a cold javac the formatter loads the locale data and
 * compiles its pattern, which cost the preview more than its arithmetic. Like the formatter, it
 * rounds half up on the shortest decimal form of the double ({@link Double#toString}).
 */
final class ScientificNotation {
  private static final int DIGITS = 5;
  private static final MathContext ROUNDING = new MathContext(DIGITS, RoundingMode.HALF_UP);

  private ScientificNotation() {}

  static String of(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    String sign = value < 0 || value == 0 && 1 / value < 0 ? "-" : "";
    if (value == 0) {
      return sign + "0.0000e+00";
    }
    BigDecimal rounded = BigDecimal.valueOf(Math.abs(value)).round(ROUNDING);
    String digits = rounded.unscaledValue().toString();
    int exponent = digits.length() - 1 - rounded.scale();
    digits = (digits + "0000").substring(0, DIGITS);
    int magnitude = Math.abs(exponent);
    return new StringBuilder(12).append(sign).append(digits.charAt(0)).append('.').append(digits, 1, DIGITS)
        .append(exponent < 0 ? "e-" : "e+").append(magnitude < 10 ? "0" : "").append(magnitude).toString();
  }
}
