package dev.anneal.plan;

/**
 * Removes the hook it was returned for, as PyTorch's {@code torch.utils.hooks.RemovableHandle}.
 * Removing twice does nothing; {@code try (HookHandle h = ...)} scopes a hook to a block.
 */
@FunctionalInterface
public interface HookHandle extends AutoCloseable {

  void remove();

  @Override
  default void close() {
    remove();
  }
}
