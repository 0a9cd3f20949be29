package dev.anneal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a whole file so that a reader (or a crash) sees the old file or the new one, never half of
 * it: into a temporary file beside it ({@code .<name>.<pid>.<random>.tmp}), forced to disk, renamed
 * over it, and the directory forced. Temporary files left by a writer that was killed are removed
 * by the next write of the same file.
 */
public final class AtomicFiles {
  /** What follows {@code .<name>.} in one of our temporary names: the pid, a dot, the random part. */
  private static final Pattern TEMPORARY_REST = Pattern.compile("(\\d{1,18})\\.\\d+");

  /** Writes the file's content to the stream it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes the file's content through the channel it is given, at any positions it likes. */
  @FunctionalInterface
  public interface ChannelContent {
    void writeTo(FileChannel channel) throws IOException;
  }

  private AtomicFiles() {}

  public static void write(Path file, byte[] bytes) throws IOException {
    write(file, out -> out.write(bytes));
  }

  /** Replaces {@code file} with what {@code content} writes; parent folders are created. */
  public static void write(Path file, Content content) throws IOException {
    writeChannel(file, channel -> {
      OutputStream out = Channels.newOutputStream(channel);
      content.writeTo(out);
      out.flush();
    });
  }

  /** Replaces {@code file} with what {@code content} writes through a channel; parent folders are created. */
  public static void writeChannel(Path file, ChannelContent content) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    String prefix = "." + absolute.getFileName() + ".";
    removeAbandonedTemporaries(dir, prefix);
    Path temp = Files.createTempFile(dir, prefix + ProcessHandle.current().pid() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        content.writeTo(channel);
        channel.force(true);
      } catch (IOException e) {
        throw namingThePath(e, absolute, temp);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * A failed write ("No space left on device") said nothing of where; the message now names the
   * file and says that the previous one is kept. Exceptions that already name it pass unchanged.
   */
  private static IOException namingThePath(IOException e, Path file, Path temp) {
    String message = String.valueOf(e.getMessage());
    if (message.contains(file.toString())) {
      return e;
    }
    return new IOException("cannot write " + file + " (through " + temp.getFileName() + "): " + message
        + "; the previous " + file.getFileName() + ", if any, is unchanged", e);
  }

  /**
   * Deletes {@code .<name>.<pid>.<random>.tmp} files whose writing process is gone: what a write
   * killed half-way leaves. A write still running in another live process keeps its file. The
   * whole rest of the name must be {@code <pid>.<random>}: the temporary file of {@code run.1000}
   * ({@code .run.1000.<pid>.<random>.tmp}) also starts with {@code .run.}, and 1000 is not a pid.
   */
  private static void removeAbandonedTemporaries(Path dir, String prefix) throws IOException {
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, entry -> {
      String name = entry.getFileName().toString();
      return name.startsWith(prefix) && name.endsWith(".tmp");
    })) {
      for (Path temp : stream) {
        String name = temp.getFileName().toString();
        Matcher ours = TEMPORARY_REST.matcher(name.substring(prefix.length(), name.length() - ".tmp".length()));
        if (!ours.matches()) {
          continue; // another file's temporary, or not one of ours: leave it
        }
        long pid;
        try {
          pid = Long.parseLong(ours.group(1));
        } catch (NumberFormatException e) {
          continue; // more digits than a pid has
        }
        boolean writerAlive = pid == ProcessHandle.current().pid()
            || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (!writerAlive) {
          Files.deleteIfExists(temp);
        }
      }
    }
  }

  /** Makes the rename durable where the platform can force a directory (Linux, macOS). */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory; the rename itself is still atomic there.
    }
  }
}
