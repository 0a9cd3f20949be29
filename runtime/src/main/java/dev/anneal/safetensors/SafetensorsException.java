package dev.anneal.safetensors;

import java.io.IOException;

/** A safetensors file that cannot be read: truncated, corrupt, or holding what Anneal does not read. */
public final class SafetensorsException extends IOException {
  public SafetensorsException(String message) {
    super(message);
  }
}
