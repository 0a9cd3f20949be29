package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/** javac finds the processor through AutoService's service file; Gradle treats it as isolating. */
class RegistrationTest {

  @Test
  void registeredAsAnAnnotationProcessor() {
    assertThat(ServiceLoader.load(Processor.class).stream().map(p -> p.type().getName()).toList())
        .contains(AnnealProcessor.class.getName());
  }

  @Test
  void declaredToGradleAsIsolating() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
          .isEqualTo(AnnealProcessor.class.getName() + ",isolating");
    }
  }
}
