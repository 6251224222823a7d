package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.low.Resolver;
import java.util.List;

/** The functions a node hosts: handlers, projectors and resolvers, constructed once by the deployable. */
public record Functions(
    List<Handler<?, ?, ?, ?>> handlers, List<Projector<?, ?>> projectors, List<Resolver<?, ?, ?>> resolvers) {

  public Functions {
    handlers = List.copyOf(handlers);
    projectors = List.copyOf(projectors);
    resolvers = List.copyOf(resolvers);
  }

  /** The functions of several processes, hosted together. */
  public static Functions concat(List<Functions> parts) {
    return new Functions(
        parts.stream().flatMap(part -> part.handlers().stream()).toList(),
        parts.stream().flatMap(part -> part.projectors().stream()).toList(),
        parts.stream().flatMap(part -> part.resolvers().stream()).toList());
  }
}
