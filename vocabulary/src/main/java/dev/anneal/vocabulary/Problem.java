package dev.anneal.vocabulary;

/**
 * One thing wrong with a set of keyword arguments: the argument it is about (or the empty string
 * when about the whole call), what kind of problem, and the full message, worded once here so the
 * processor's diagnostics and the runtime's exceptions say the same.
 */
public record Problem(String argument, Reason reason, String message) {
  /** The kinds of problems, stable for tests and for the processor's catalog. */
  public enum Reason {
    /** No argument of this name; the message carries the did-you-mean. */
    UNKNOWN,
    /** A required argument is missing. */
    MISSING,
    /** Of the wrong kind (a string where a number goes). */
    WRONG_KIND,
    /** Of the right kind but outside its range or choices. */
    OUT_OF_RANGE,
    /** Arguments that do not fit together ({@code nesterov} without momentum). */
    CONFLICT,
    /** Anneal cannot honour it (a {@code last_epoch} other than -1; SparseAdam). */
    UNSUPPORTED
  }
}
