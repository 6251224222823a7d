package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Notice;
import dev.eventsunbundled.low.Reply;

/** What a handler entity answers; every reply carries the entity's causal token. */
public sealed interface EntityReply extends ShellMessage {

  Token token();

  /** Translates to the functions' view of a reply. */
  Reply<Object> toReply();

  /** The function's event was recorded. */
  record Recorded(@PersistedPayload Object event, Token token) implements EntityReply {
    @Override
    public Reply<Object> toReply() {
      return new Reply.Recorded<>(event);
    }
  }

  /** Nothing was recorded; the function raised this notice. */
  record Noticed(@PersistedPayload Notice notice, Token token) implements EntityReply {
    @Override
    public Reply<Object> toReply() {
      return new Reply.Noticed<>(notice);
    }
  }

  /** The function threw on the message: nothing was recorded; {@code error} says what it threw. */
  record Failed(String error, Token token) implements EntityReply {
    @Override
    public Reply<Object> toReply() {
      throw new FunctionFailed(error);
    }
  }

  /** Nothing was recorded and nothing said (or the message had been handled before). */
  record Unchanged(Token token) implements EntityReply {
    @Override
    public Reply<Object> toReply() {
      return new Reply.Unchanged<>();
    }
  }
}
