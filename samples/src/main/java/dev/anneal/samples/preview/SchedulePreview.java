package dev.anneal.samples.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.reporting.LineChart;
import dev.anneal.samples.cli.Cli;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Prints (or plots) what a schedule does, step by step: lr per group, and momentum or beta1 where
 * the optimizer has them. The spec is the conformance schema's {@code spec} JSON, PyTorch names, so
 * a Python config can be pasted. Run with {@code --help}.
 */
@Command(name = "SchedulePreview", mixinStandardHelpOptions = true, version = "Anneal schedule preview",
    subcommands = WholePlanPreview.class,
    description = "Prints the lr per group (and momentum or beta1) after each scheduler step; row 0 is the state right after"
        + " construction (PyTorch's step 0), row i the state after the i-th step(). The subcommand 'plan' previews a"
        + " whole plan: an annotated model's, with freezing, per-group schedules, re-warmup, accumulation and warmup.",
    footer = {"", "Example:",
        "  --spec '{\"type\": \"LinearWarmup\", \"warmup_steps\": 5, \"warmup_factor\": 0.01,",
        "           \"schedulers\": [{\"type\": \"CosineAnnealingLR\", \"T_max\": 45, \"eta_min\": 1e-5}]}'"
            + " --lrs 0.1,0.01 --steps 50"})
public final class SchedulePreview implements Callable<Integer> {
  /** The output formats. */
  enum Format { table, csv }

  @Option(names = "--spec", paramLabel = "JSON|CALL|FILE",
      description = "the schedule: {\"type\": \"<PyTorch class>\", <kwargs>..., \"schedulers\": [...]}, or a Python call"
          + " pasted as written, such as 'StepLR(optimizer, step_size=2)'; inline or a file holding it")
  String spec;

  @Option(names = "--lrs", split = ",", paramLabel = "A,B,...", defaultValue = "0.1",
      description = "initial lr of each parameter group (default: ${DEFAULT-VALUE}: one group)")
  List<Double> lrs;

  @Option(names = "--optimizer", defaultValue = "SGD", paramLabel = "NAME",
      description = "PyTorch optimizer class (default: ${DEFAULT-VALUE})")
  String optimizer;

  @Option(names = "--optimizer-kwargs", paramLabel = "JSON",
      description = "its keyword arguments, e.g. '{\"momentum\": 0.9}' or '{\"betas\": [0.9, 0.999]}'")
  String optimizerKwargs;

  @Option(names = "--steps", defaultValue = "20", description = "scheduler steps after construction (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--metrics", paramLabel = "A,B,...|FILE",
      description = "one monitored value per step, for ReduceLROnPlateau (a file: one per line)")
  String metrics;

  @Option(names = "--every", defaultValue = "1", paramLabel = "K",
      description = "print every K-th row, and the last (default: ${DEFAULT-VALUE}: all)")
  int every;

  @Option(names = "--format", defaultValue = "table", description = "output on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--png", paramLabel = "FILE",
      description = "also write a plot of lr per group (and FILE-momentum.png when momentum or beta1 moves)")
  Path png;

  @CommandLine.Spec CommandSpec command;

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) {
    Cli.main(new SchedulePreview(), args);
  }

  /** Runs the tool; returns the exit code (0 ok, 2 bad arguments). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.execute(new SchedulePreview(), new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Override
  public Integer call() throws IOException {
    if (spec == null) {
      throw new IllegalArgumentException("give --spec JSON (a schedule), or preview a whole plan with the subcommand: plan --help");
    }
    if (every < 1) {
      throw new IllegalArgumentException("--every must be at least 1, was " + every);
    }
    Spec schedule = readSpec(spec, "--spec");
    ScheduleTrace trace = trace(schedule);
    PrintWriter out = command.commandLine().getOut();
    ScheduleTrace shown = trace.everyKthRow(every);
    out.print(format == Format.csv ? csv(shown) : table(shown));
    out.flush();
    if (png != null) {
      writePng(trace, png, schedule.type());
    }
    return 0;
  }

  private ScheduleTrace trace(Spec schedule) throws IOException {
    Map<String, Object> kwargs = optimizerKwargs == null ? Map.of() : readJson(optimizerKwargs, "--optimizer-kwargs");
    List<Double> values = null;
    if (metrics != null) {
      Path file = Path.of(metrics);
      values = Files.isRegularFile(file)
          ? numbers(String.join(",", Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList()), "--metrics file " + file)
          : numbers(metrics, "--metrics");
    }
    return ScheduleTrace.run(schedule, lrs, ScheduleTrace.optimizerSpec(optimizer, kwargs), steps, values);
  }

  /** A schedule given as JSON or as a pasted Python call ({@link Spec#parse}), inline or in a file. */
  static Spec readSpec(String value, String option) throws IOException {
    String text = value.strip();
    if (!text.startsWith("{") && !text.endsWith(")")) {
      Path file = Path.of(value);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(option + " is neither inline JSON (starting with '{'), a Python call such as"
            + " 'StepLR(optimizer, step_size=2)', nor a readable file: " + value);
      }
      text = Files.readString(file).strip();
    }
    return text.startsWith("{") ? Spec.fromMap(readJson(text, option)) : Spec.parse(text);
  }

  static Map<String, Object> readJson(String value, String option) throws IOException {
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
