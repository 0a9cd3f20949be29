package dev.anneal.processor.base;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Diagnostics gathered while reading and validating one model class; the processor prints them
 * once the class is done (dagger's ValidationReport). Nothing is generated while it has errors.
 */
public final class Report {
  /** One diagnostic. */
  public record Entry(Message message, Location location, String text) {}

  private final List<Entry> entries = new ArrayList<>();

  public void add(Message message, Location location, Object... args) {
    entries.add(new Entry(message, location, message.render(args)));
  }

  public boolean hasErrors() {
    return entries.stream().anyMatch(entry -> !entry.message().isWarning());
  }

  public int errorCount() {
    return (int) entries.stream().filter(entry -> !entry.message().isWarning()).count();
  }

  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }
}
