package dev.anneal.samples.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line options of a sample: {@code --name value} pairs with defaults, and {@code --help}.
 * Unknown options and malformed values are refused with the usage text.
 */
public final class Options {
  private final String program;
  private final String description;
  private final Map<String, String[]> declared = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();

  private Options(String program, String description) {
    this.program = program;
    this.description = description;
  }

  public static Options of(String program, String description) {
    return new Options(program, description);
  }

  /** Declares {@code --name} with a default ({@code null}: none) and a help line. */
  public Options option(String name, String defaultValue, String help) {
    declared.put(name, new String[] {defaultValue, help});
    return this;
  }

  /** Declares the options every Fashion-MNIST sample has: --data, --out, --seed. */
  public Options dataOptions(String defaultOut) {
    option("data", null, "folder with the four Fashion-MNIST IDX .gz files, or \"slice\" for the slice bundled with the"
        + " samples (default: /usr/share/datasets/fashion-mnist when installed, else the slice)");
    option("out", defaultOut, "folder for the PNG plots");
    option("seed", "42", "random seed (initialization and shuffling)");
    return this;
  }

  /**
   * Reads the arguments; returns {@code false} after printing the usage when {@code --help} was
   * asked for. Throws {@link IllegalArgumentException} with the usage for bad arguments.
   */
  public boolean parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(usage());
        return false;
      }
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg + "\n" + usage());
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (!declared.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option --" + name + " needs a value\n" + usage());
        }
        value = args[++i];
      }
      values.put(name, value);
    }
    return true;
  }

  public String usage() {
    StringBuilder text = new StringBuilder("Usage: " + program + " [options]\n" + description + "\n\nOptions:\n");
    declared.forEach((name, spec) -> text.append(String.format("  --%-12s %s%s%n", name, spec[1],
        spec[0] == null ? "" : " (default: " + spec[0] + ")")));
    text.append(String.format("  --%-12s %s%n", "help", "print this text"));
    return text.toString();
  }

  public String string(String name) {
    if (!declared.containsKey(name)) {
      throw new IllegalStateException("option --" + name + " is not declared");
    }
    return values.getOrDefault(name, declared.get(name)[0]);
  }

  public int integer(String name) {
    String value = string(name);
    try {
      int parsed = Integer.parseInt(value);
      if (parsed <= 0) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a positive whole number, was " + value);
    }
  }

  /** A whole number that may be 0. */
  public int count(String name) {
    String value = string(name);
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < 0) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, 0 or more, was " + value);
    }
  }

  public long longValue(String name) {
    String value = string(name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, was " + value);
    }
  }

  public double number(String name) {
    String value = string(name);
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, was " + value);
    }
  }

  /** The option as a path, or {@code null} when it has no value. */
  public Path path(String name) {
    String value = string(name);
    return value == null ? null : Path.of(value);
  }
}
