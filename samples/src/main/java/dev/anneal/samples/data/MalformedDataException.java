package dev.anneal.samples.data;

/** A data file that is missing or does not hold what it should; the message names the file. */
public final class MalformedDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedDataException(String message) {
    super(message);
  }
}
