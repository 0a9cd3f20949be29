package dev.anneal.samples.cli;

import dev.anneal.checkpoint.CheckpointException;
import dev.anneal.samples.data.MalformedDataException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs a sample's picocli command: {@code --help} prints the usage (exit 0); unknown options and
 * malformed values print the message and the usage (exit 2, picocli's); bad option values found
 * later, missing or malformed data and refused checkpoints print {@code error: <message>} alone
 * (exit 2), never a stack trace. Anything else is a bug and keeps its stack trace.
 */
public final class Cli {
  /** The exit status for bad input, as picocli's for a bad command line. */
  public static final int BAD_INPUT = CommandLine.ExitCode.USAGE;

  private Cli() {}

  /** Runs {@code command} on {@code args} and exits the JVM with its status. */
  public static void main(Object command, String... args) {
    System.exit(commandLine(command).execute(args));
  }

  /** Runs {@code command}, its help going to {@code out} and its errors to {@code err}; returns the exit status. */
  public static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine(command);
    cli.setOut(out);
    cli.setErr(err);
    int status = cli.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  private static CommandLine commandLine(Object command) {
    return new CommandLine(command).setExecutionExceptionHandler((e, cli, parsed) -> {
      if (e instanceof IllegalArgumentException || e instanceof MalformedDataException || e instanceof CheckpointException) {
        cli.getErr().println("error: " + e.getMessage());
        cli.getErr().flush();
        return BAD_INPUT;
      }
      throw e;
    });
  }

  /** {@code value} when it is at least 1, else an error naming the option. */
  public static int positive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, was " + value);
    }
    return value;
  }

  /** {@code value} when it is 0 or more, else an error naming the option. */
  public static int count(String option, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(option + " must be 0 or more, was " + value);
    }
    return value;
  }
}
