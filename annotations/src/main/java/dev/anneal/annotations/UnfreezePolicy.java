package dev.anneal.annotations;

/** What a thawing group does with optimizer state gathered before it froze (the runtime's policy of the same name). */
public enum UnfreezePolicy {
  /** Keep whatever state there is (none, if the group never trained). */
  KEEP_STATE,
  /** Start from fresh state, as a newly added group would. */
  RESET_STATE
}
