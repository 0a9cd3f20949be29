package dev.anneal.plan;

/** What happens to a group's optimizer state (moments, momentum buffers, step counts) when it unfreezes. */
public enum UnfreezePolicy {
  /** Keep whatever state the group had (none, if it was frozen from the start). */
  KEEP_STATE,
  /** Forget the group's state: it starts as if its parameters were new to the optimizer. */
  RESET_STATE
}
