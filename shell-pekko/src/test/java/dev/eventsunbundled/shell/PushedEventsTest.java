package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.low.View;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pushed events applied to a view in one transaction, on H2 and (in the cluster profile) on PostgreSQL: every column
 * type round trips, a duplicate is not applied twice, entities sharing a row each count, and an entity's later event
 * waits for its predecessor.
 */
class PushedEventsTest {

  /** What the test view's rows are made of. */
  enum Colour { RED, GREEN }

  /** A test event: which row it adds to, and the values it carries. */
  record Noted(String row, boolean flag, int count, long total, double ratio, Instant at, UUID ref, Colour colour,
      String note) {}

  /** A row of every column type a view can hold, and how many events made it. */
  record Mixed(String id, boolean flag, int count, long total, double ratio, Instant at, UUID ref, Colour colour,
      String note, long events) {}

  private static final View<Mixed> VIEW = new View<>("mixed", Mixed.class, "id", List.of("note"));
  private static ActorTestKit kit;
  private static Database database;
  private static ViewTable<Mixed> table;
  private final ViewWriter<Noted, Mixed> writer = new ViewWriter<>(new MixedProjector(), table,
      new DeadLetters(database.isPostgres()), new EventCodec(kit.system()), 3);

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("pushed", TestNode.config(TestNode.inMemoryUrl()));
    database = Database.open(ShellSettings.from(kit.system().settings().config()).db());
    Schema.create(kit.system(), database, List.of(VIEW));
    table = new ViewTable<>(VIEW, database.isPostgres());
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
    database.close();
  }

  @Test
  void firstEventsOfNewEntitiesMakeTheirRowsOnceWithEveryColumnTypeIntact() throws Exception {
    Instant at = Instant.parse("2026-12-02T10:15:30.123456Z");
    UUID ref = UUID.randomUUID();
    Noted full = new Noted("row-full", true, 7, 1L << 40, 0.25, at, ref, Colour.GREEN, "o'brien; DROP TABLE x;--ü");
    Noted empty = new Noted("row-empty", false, 0, 0, 0, null, null, null, null);
    List<Pushed> batch = List.of(first("e-full", full), first("e-empty", empty), first("e-plain", noted("row-plain")));

    assertThat(apply(batch)).extracting(Pushed::persistenceId)
        .containsExactlyInAnyOrder("e-full", "e-empty", "e-plain");
    assertThat(apply(batch)).as("the same events pushed again").isEmpty();

    assertThat(row("row-full")).isEqualTo(new Mixed("row-full", true, 7, 1L << 40, 0.25,
        at.truncatedTo(ChronoUnit.MICROS), ref, Colour.GREEN, "o'brien; DROP TABLE x;--ü", 1));
    assertThat(row("row-empty")).isEqualTo(new Mixed("row-empty", false, 0, 0, 0, null, null, null, null, 1));
    List<Mixed> byNote = database.read(c -> table.findBy(c, "note", "o'brien; DROP TABLE x;--ü"));
    assertThat(byNote).hasSize(1);
    assertThat(notedEvents("row-full")).isEqualTo(1);
    long applied = database.read(c -> table.progress().appliedUpTo(c, "e-plain"));
    assertThat(applied).isEqualTo(1);
  }

  @Test
  void newEntitiesWritingOneRowEachCountOnce() throws Exception {
    assertThat(apply(List.of(first("e-one", noted("shared"))))).hasSize(1);
    assertThat(apply(List.of(first("e-two", noted("shared")), first("e-three", noted("own")))))
        .extracting(Pushed::persistenceId).containsExactlyInAnyOrder("e-two", "e-three");
    assertThat(apply(List.of(first("e-four", noted("shared")), first("e-five", noted("shared")))))
        .as("two new entities, one row").hasSize(2);
    assertThat(apply(List.of(first("e-six", noted("fresh"))))).hasSize(1);

    assertThat(row("shared").events()).isEqualTo(4);
    assertThat(notedEvents("shared")).isEqualTo(4);
    assertThat(row("own").events()).isEqualTo(1);
    assertThat(row("fresh").events()).isEqualTo(1);
  }

  @Test
  void aBatchWithAnEntitysLaterEventAppliesEachOnlyAfterItsPredecessor() throws Exception {
    Pushed second = new Pushed("mixed-0", "e-later", 2, 1, 0, noted("later"), null, null);
    assertThat(apply(List.of(second, first("e-other", noted("other"))))).as("the later one waits for the journal")
        .extracting(Pushed::persistenceId).containsExactly("e-other");
    assertThat(apply(List.of(first("e-later", noted("later")), second))).hasSize(2);
    assertThat(row("later").events()).isEqualTo(2);
  }

  private static Pushed first(String persistenceId, Noted event) {
    return new Pushed("mixed-0", persistenceId, 1, 0, 0, event, null, null);
  }

  private static Noted noted(String row) {
    return new Noted(row, false, 1, 2, 3.5, null, null, Colour.RED, "plain");
  }

  private List<Pushed> apply(List<Pushed> batch) throws Exception {
    return database.transact(c -> writer.applyPushed(c, batch));
  }

  private static Mixed row(String id) throws Exception {
    return database.read(c -> table.find(c, id, false)).orElseThrow();
  }

  private static long notedEvents(String row) throws Exception {
    return database.read(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT COUNT(*) FROM \"" + table.tableName() + "_events\" WHERE \"row_key\" = ?")) {
        s.setString(1, row);
        try (ResultSet rows = s.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  /** Adds each event to its row: the first makes it from the event's values, every one counts. */
  private static final class MixedProjector implements Projector<Noted, Mixed> {

    @Override
    public Meta meta() {
      return Meta.of("mixed", List.of("mixed"), VIEW.name());
    }

    @Override
    public Class<Noted> input() {
      return Noted.class;
    }

    @Override
    public View<Mixed> view() {
      return VIEW;
    }

    @Override
    public String rowKey(Noted event) {
      return event.row();
    }

    @Override
    public Mixed emptyRow(String key) {
      return new Mixed(key, false, 0, 0, 0, null, null, null, null, 0);
    }

    @Override
    public Mixed project(Mixed row, Noted event) {
      return row.events() == 0
          ? new Mixed(row.id(), event.flag(), event.count(), event.total(), event.ratio(), event.at(), event.ref(),
              event.colour(), event.note(), 1)
          : new Mixed(row.id(), row.flag(), row.count(), row.total(), row.ratio(), row.at(), row.ref(), row.colour(),
              row.note(), row.events() + 1);
    }
  }
}
