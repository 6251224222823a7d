package dev.eventsunbundled.shell;

import java.util.List;
import java.util.stream.IntStream;

/** A channel written as n journal tags ({@code orders-0..n-1}); one entity always writes the same tag. */
public record ChannelTags(String channel, int count) {

  public String tagFor(String persistenceId) {
    return channel + "-" + Math.floorMod(persistenceId.hashCode(), count);
  }

  public List<String> all() {
    return IntStream.range(0, count).mapToObj(i -> channel + "-" + i).toList();
  }
}
