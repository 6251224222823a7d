package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.View;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generations of one view this node knows ({@link ViewVersions}): the one serving reads and taking pushed
 * events, and one being built next to it. Switching the serving one is a single write, so every read and push on
 * this node after it goes to the new table.
 */
final class ViewGenerations<V extends Record> {

  private final View<V> view;
  private final Map<Integer, ViewTable<V>> tables = new ConcurrentHashMap<>();
  private final Map<String, ViewWriter<?, V>> writers = new ConcurrentHashMap<>();
  private volatile int serving;

  ViewGenerations(View<V> view, ViewTable<V> serving) {
    this.view = view;
    this.tables.put(serving.generation(), serving);
    this.serving = serving.generation();
  }

  /** At start, under the schema lock: the view's live generations as registered ({@link ViewVersions#prepare}). */
  static <V extends Record> ViewGenerations<V> register(Connection c, View<V> view, boolean postgres)
      throws SQLException {
    List<ViewVersions.Version> live = ViewVersions.prepare(c, view, System.currentTimeMillis());
    ViewVersions.Version serving = live.get(0);
    ViewGenerations<V> generations =
        new ViewGenerations<>(view, new ViewTable<>(view, serving.generation(), serving.signature(), postgres));
    live.stream().skip(1).forEach(building ->
        generations.add(new ViewTable<>(view, building.generation(), building.signature(), postgres)));
    return generations;
  }

  View<V> view() {
    return view;
  }

  ViewTable<V> serving() {
    return tables.get(serving);
  }

  ViewTable<V> table(int generation) {
    return tables.get(generation);
  }

  boolean knows(int generation) {
    return tables.containsKey(generation);
  }

  void add(ViewTable<V> table) {
    tables.put(table.generation(), table);
  }

  /** The generations not retired, oldest first: the serving one and any later one being built. */
  List<Integer> live() {
    return tables.keySet().stream().filter(generation -> generation >= serving).sorted().toList();
  }

  boolean isServing(int generation) {
    return generation == serving;
  }

  /** Older than the serving generation: its projections no longer write. */
  boolean isRetired(int generation) {
    return generation < serving;
  }

  void promote(int generation) {
    if (!tables.containsKey(generation)) {
      throw new IllegalStateException("Generation " + generation + " of view " + view.name() + " is unknown here");
    }
    serving = Math.max(serving, generation);
  }

  void writer(int generation, String channel, ViewWriter<?, V> writer) {
    writers.put(generation + "/" + channel, writer);
  }

  /** The writer of the serving generation for events of that channel. */
  ViewWriter<?, V> servingWriter(String channel) {
    return writers.get(serving + "/" + channel);
  }
}
