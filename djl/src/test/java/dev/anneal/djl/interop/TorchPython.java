package dev.anneal.djl.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's PyTorch ({@code python3-torch} at {@code /usr/bin/python3}) running the scripts of src/test/python. */
final class TorchPython {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPTS = Path.of("src/test/python").toAbsolutePath();

  private TorchPython() {}

  /** Skips the calling test class, saying why, where torch cannot be imported. */
  static void assumeInstalled() throws InterruptedException {
    boolean present = false;
    if (Files.isExecutable(PYTHON)) {
      try {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
        present = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        present = false;
      }
    }
    Assumptions.assumeTrue(present, "skipped: needs /usr/bin/python3 with torch (Debian's python3-torch; .ci/run installs it)");
  }

  /** Runs a script of src/test/python and returns what it printed; fails the test, showing the output, if it fails. */
  static String run(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), SCRIPTS.resolve(script).toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), script + " did not finish");
    assertEquals(0, p.exitValue(), script + " failed:\n" + out + err);
    return out;
  }
}
