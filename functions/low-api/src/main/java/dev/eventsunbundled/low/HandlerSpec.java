package dev.eventsunbundled.low;

import java.util.Objects;
import java.util.function.Function;

/**
 * What every handler declares, in one value: its name and channels, the message type it accepts, the entity that
 * owns a message, and an entity's state before it has recorded anything.
 */
public record HandlerSpec<I, S>(Meta meta, Class<I> input, Function<I, String> entityKey, S emptyState) {

  public HandlerSpec {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(entityKey, "entityKey");
    Objects.requireNonNull(emptyState, "emptyState");
  }
}
