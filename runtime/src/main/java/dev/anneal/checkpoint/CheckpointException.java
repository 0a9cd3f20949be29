package dev.anneal.checkpoint;

import java.io.IOException;

/**
 * A checkpoint that cannot be used: not a checkpoint, truncated, corrupt, of another format
 * version, or written by a differently configured plan. The message names the file and the
 * difference; nothing was loaded.
 */
public final class CheckpointException extends IOException {
  private static final long serialVersionUID = 1L;

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
