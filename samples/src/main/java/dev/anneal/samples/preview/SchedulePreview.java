package dev.anneal.samples.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.reporting.LineChart;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints (or plots) what a schedule does, step by step: lr per group, and momentum or beta1 where
 * the optimizer has them. The spec is the conformance schema's {@code spec} JSON, PyTorch names, so
 * a Python config can be pasted. Run with {@code --help}.
 */
public final class SchedulePreview {
  static final String USAGE = """
      Usage: SchedulePreview --spec <json|file> [options]
        --spec JSON|FILE        the schedule: {"type": "<PyTorch class>", <kwargs>..., "schedulers": [...]},
                                inline (starting with '{') or a file holding it
        --lrs A,B,...           initial lr of each parameter group (default 0.1: one group)
        --optimizer NAME        PyTorch optimizer class (default SGD)
        --optimizer-kwargs JSON its keyword arguments, e.g. '{"momentum": 0.9}' or '{"betas": [0.9, 0.999]}'
        --steps N               number of scheduler steps after construction (default 20)
        --metrics A,B,...|FILE  one monitored value per step, for ReduceLROnPlateau (a file: one per line)
        --format table|csv      output on stdout (default table)
        --png FILE              also write a plot of lr per group (and FILE-momentum.png when momentum/beta1 moves)
        --help                  this text
      Row 0 is the state right after construction (PyTorch's step 0); row i is after the i-th step().
      Example:
        --spec '{"type": "LinearWarmup", "warmup_steps": 5, "warmup_factor": 0.01,
                 "schedulers": [{"type": "CosineAnnealingLR", "T_max": 45, "eta_min": 1e-5}]}' --lrs 0.1,0.01 --steps 50
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private SchedulePreview() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the tool; returns the exit code (0 ok, 2 bad arguments). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (options.containsKey("help")) {
      out.print(USAGE);
      return 0;
    }
    try {
      ScheduleTrace trace = trace(options);
      String format = options.getOrDefault("format", "table");
      switch (format) {
        case "csv" -> out.print(csv(trace));
        case "table" -> out.print(table(trace));
        default -> throw new IllegalArgumentException("--format must be table or csv, was " + format);
      }
      if (options.containsKey("png")) {
        writePng(trace, Path.of(options.get("png")), options.get("spec-type"));
      }
      return 0;
    } catch (IllegalArgumentException | IllegalStateException | IOException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> valued = List.of("spec", "lrs", "optimizer", "optimizer-kwargs", "steps", "metrics", "format", "png");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        options.put("help", "");
        continue;
      }
      String name = arg.startsWith("--") ? arg.substring(2) : null;
      if (name == null || !valued.contains(name)) {
        throw new IllegalArgumentException("unknown argument " + arg);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      options.put(name, args[++i]);
    }
    if (!options.containsKey("help") && !options.containsKey("spec")) {
      throw new IllegalArgumentException("--spec is required");
    }
    return options;
  }

  private static ScheduleTrace trace(Map<String, String> options) throws IOException {
    Map<String, Object> specMap = readJson(options.get("spec"), "--spec");
    Spec spec = Spec.fromMap(specMap);
    options.put("spec-type", spec.type());
    List<Double> lrs = numbers(options.getOrDefault("lrs", "0.1"), "--lrs");
    Map<String, Object> kwargs = options.containsKey("optimizer-kwargs") ? readJson(options.get("optimizer-kwargs"), "--optimizer-kwargs") : Map.of();
    int steps;
    try {
      steps = Integer.parseInt(options.getOrDefault("steps", "20"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--steps must be an integer, was " + options.get("steps"));
    }
    List<Double> metrics = null;
    if (options.containsKey("metrics")) {
      String value = options.get("metrics");
      Path file = Path.of(value);
      metrics = Files.isRegularFile(file) ? numbers(String.join(",", Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList()),
          "--metrics file " + file) : numbers(value, "--metrics");
    }
    return ScheduleTrace.run(spec, lrs, ScheduleTrace.optimizerSpec(options.getOrDefault("optimizer", "SGD"), kwargs), steps, metrics);
  }

  private static Map<String, Object> readJson(String value, String option) throws IOException {
    String text = value.trim();
    if (!text.startsWith("{")) {
      Path file = Path.of(value);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(option + " is neither inline JSON (starting with '{') nor a readable file: " + value);
      }
      text = Files.readString(file);
    }
    try {
      return JSON.readValue(text, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(option + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static List<Double> numbers(String text, String option) {
    List<Double> values = new ArrayList<>();
    for (String part : text.split(",")) {
      try {
        values.add(Double.parseDouble(part.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " must be numbers separated by commas, found \"" + part.trim() + "\"");
      }
    }
    return values;
  }

  static String format(String column, double value) {
    return column.equals("step") ? Integer.toString((int) value) : Double.toString(value);
  }

  /** Comma-separated, with a header; numbers in full (round-trip) precision. */
  public static String csv(ScheduleTrace trace) {
    StringBuilder text = new StringBuilder(String.join(",", trace.columns())).append('\n');
    for (double[] row : trace.rows()) {
      for (int c = 0; c < row.length; c++) {
        text.append(c == 0 ? "" : ",").append(format(trace.columns().get(c), row[c]));
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** Right-aligned columns, same numbers as the CSV. */
  public static String table(ScheduleTrace trace) {
    List<String> columns = trace.columns();
    int[] widths = new int[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = columns.get(c).length();
      for (double[] row : trace.rows()) {
        widths[c] = Math.max(widths[c], format(columns.get(c), row[c]).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      text.append(c == 0 ? "" : "  ").append(pad(columns.get(c), widths[c]));
    }
    text.append('\n');
    for (double[] row : trace.rows()) {
      for (int c = 0; c < widths.length; c++) {
        text.append(c == 0 ? "" : "  ").append(pad(format(columns.get(c), row[c]), widths[c]));
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String pad(String text, int width) {
    char[] spaces = new char[Math.max(0, width - text.length())];
    Arrays.fill(spaces, ' ');
    return new String(spaces) + text;
  }

  /** lr per group in {@code file}; momentum/beta1 per group in {@code <name>-momentum.png} when it changes. */
  static void writePng(ScheduleTrace trace, Path file, String title) throws IOException {
    double[] steps = trace.column("step");
    LineChart lr = LineChart.titled(title + ": learning rate").xLabel("step").yLabel("lr");
    LineChart momentum = LineChart.titled(title + ": momentum / beta1").xLabel("step").yLabel("momentum");
    boolean momentumMoves = false;
    for (String column : trace.columns()) {
      if (column.startsWith("lr_")) {
        lr.series("group " + column.substring(3), steps, trace.column(column));
      } else if (!column.equals("step")) {
        double[] values = trace.column(column);
        momentum.series(column.replace('_', ' '), steps, values);
        momentumMoves |= Arrays.stream(values).distinct().count() > 1;
      }
    }
    lr.writePng(file);
    if (momentumMoves) {
      String name = file.getFileName().toString();
      String stem = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
      momentum.writePng(file.resolveSibling(stem + "-momentum.png"));
    }
  }
}
