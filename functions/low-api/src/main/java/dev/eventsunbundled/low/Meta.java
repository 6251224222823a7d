package dev.eventsunbundled.low;

import java.util.List;
import java.util.Objects;

/** How a function meets its environment: its name, the channels it reads, the channel it writes. */
public record Meta(String name, List<String> in, String out) {

  /** The channel on which route handlers deliver requests. */
  public static final String COMMANDS = "commands";

  public Meta {
    Objects.requireNonNull(name, "name");
    in = List.copyOf(in);
  }

  public static Meta of(String name, List<String> in, String out) {
    return new Meta(name, in, out);
  }

  public boolean readsCommands() {
    return in.contains(COMMANDS);
  }
}
