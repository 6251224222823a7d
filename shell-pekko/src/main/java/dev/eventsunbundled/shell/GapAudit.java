package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that each view holds everything the journal does: per entity, the highest sequence number of its events on
 * the view's tags (written longer ago than {@code allowance}) against the view's progress. An entity behind is a
 * gap (an event skipped at the high-water mark, a progress row rolled back): it is logged, counted and repaired by
 * re-delivering the missing events through the view's writer, exactly once. Entities with dead letters are the
 * operator's and left alone. The view's serving generation is audited. Runs every {@code interval} on the nodes
 * hosting the view, and on demand.
 */
public final class GapAudit implements Extension {

  /** One entity a view was behind on: what it had applied, what the journal holds, and what was re-delivered. */
  public record Gap(String view, String persistenceId, long applied, long inJournal, int redelivered) {}

  private record Audited(Supplier<ViewWriter<?, ?>> writer, List<String> tags, Database database, Executor blocking) {}

  /** An entity whose events on the view's tags go up to {@code top}, of which the view applied up to {@code applied}. */
  private record Behind(String persistenceId, long top, long applied) {}

  private static final Logger log = LoggerFactory.getLogger(GapAudit.class);

  private static final ExtensionId<GapAudit> ID = new ExtensionId<>() {
    @Override
    public GapAudit createExtension(ActorSystem<?> system) {
      return new GapAudit(system);
    }
  };

  private final ActorSystem<?> system;
  private final Duration allowance;
  private final Serialization serialization;
  private final List<Audited> audited = new CopyOnWriteArrayList<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  private GapAudit(ActorSystem<?> system) {
    this.system = system;
    this.allowance = system.settings().config().getDuration("events-unbundled.gap-audit.allowance");
    this.serialization = SerializationExtension.get(Adapter.toClassic(system));
  }

  public static GapAudit get(ActorSystem<?> system) {
    return system.registerExtension(ID);
  }

  void register(Supplier<ViewWriter<?, ?>> writer, List<String> tags, Database database, Executor blocking) {
    audited.add(new Audited(writer, List.copyOf(tags), database, blocking));
    Duration interval = system.settings().config().getDuration("events-unbundled.gap-audit.interval");
    if (!interval.isZero() && scheduled.compareAndSet(false, true)) {
      system.scheduler().scheduleWithFixedDelay(interval, interval, () -> run().whenComplete((gaps, failure) -> {
        if (failure != null) {
          log.warn("Gap audit failed: {}", failure.toString());
        }
      }), system.executionContext());
    }
  }

  /** Audits every view hosted here, one after another; completes with the gaps found (and repaired). */
  public CompletionStage<List<Gap>> run() {
    CompletableFuture<List<Gap>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (Audited one : audited) {
      all = all.thenCompose(gaps -> CompletableFuture.supplyAsync(() -> audit(one), one.blocking())
          .thenApply(found -> {
            gaps.addAll(found);
            return gaps;
          }));
    }
    return all.thenApply(List::copyOf);
  }

  private List<Gap> audit(Audited one) {
    try {
      List<Gap> gaps = one.database().transact(c -> repair(c, one));
      for (Gap gap : gaps) {
        log.warn("Gap audit: view {} had applied {} up to #{} of #{}; re-delivered {} events", gap.view(),
            gap.persistenceId(), gap.applied(), gap.inJournal(), gap.redelivered());
        ShellMetrics.get(system).gapRepaired(gap.view(), gap.redelivered());
      }
      return gaps;
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  private List<Gap> repair(Connection c, Audited one) throws SQLException {
    ViewWriter<?, ?> writer = one.writer().get();
    List<Gap> gaps = new ArrayList<>();
    String in = String.join(", ", Collections.nCopies(one.tags().size(), "?"));
    String progress = writer.table().progress().tableName();
    String sql = "SELECT m.\"persistence_id\", m.\"top\", p.\"sequence_nr\" FROM (SELECT j.\"persistence_id\","
        + " MAX(j.\"sequence_number\") AS \"top\" FROM \"event_journal\" j JOIN \"event_tag\" t"
        + " ON t.\"event_id\" = j.\"ordering\" WHERE t.\"tag\" IN (" + in + ") AND j.\"write_timestamp\" < ?"
        + " GROUP BY j.\"persistence_id\") m LEFT JOIN " + progress + " p ON p.\"persistence_id\" = m.\"persistence_id\""
        + " WHERE (p.\"sequence_nr\" IS NULL OR p.\"sequence_nr\" < m.\"top\") AND NOT EXISTS (SELECT 1 FROM "
        + DeadLetters.TABLE + " d WHERE d.\"consumer\" = ? AND d.\"persistence_id\" = m.\"persistence_id\")";
    List<Behind> behind = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      for (String tag : one.tags()) {
        s.setString(i++, tag);
      }
      s.setLong(i++, System.currentTimeMillis() - allowance.toMillis());
      s.setString(i, writer.consumer());
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          behind.add(new Behind(rows.getString(1), rows.getLong(2), rows.getLong(3)));
        }
      }
    }
    for (Behind entity : behind) {
      List<EventEnvelope<Object>> missing = missing(c, one.tags(), entity.persistenceId(), entity.applied(),
          entity.top());
      int redelivered = writer.applyPolled(c, missing).size();
      gaps.add(new Gap(writer.table().view().name(), entity.persistenceId(), entity.applied(), entity.top(),
          redelivered));
    }
    return gaps;
  }

  private List<EventEnvelope<Object>> missing(Connection c, List<String> tags, String persistenceId, long after,
      long upTo) throws SQLException {
    String in = String.join(", ", Collections.nCopies(tags.size(), "?"));
    List<EventEnvelope<Object>> events = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT j.\"ordering\", j.\"sequence_number\","
        + " j.\"write_timestamp\", j.\"event_ser_id\", j.\"event_ser_manifest\", j.\"event_payload\""
        + " FROM \"event_journal\" j WHERE j.\"persistence_id\" = ? AND j.\"sequence_number\" > ?"
        + " AND j.\"sequence_number\" <= ? AND EXISTS (SELECT 1 FROM \"event_tag\" t WHERE t.\"event_id\" = j.\"ordering\""
        + " AND t.\"tag\" IN (" + in + ")) ORDER BY j.\"sequence_number\"")) {
      s.setString(1, persistenceId);
      s.setLong(2, after);
      s.setLong(3, upTo);
      int i = 4;
      for (String tag : tags) {
        s.setString(i++, tag);
      }
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          Object event = serialization.deserialize(rows.getBytes(6), rows.getInt(4), rows.getString(5)).get();
          events.add(EventEnvelope.create(Offset.sequence(rows.getLong(1)), persistenceId, rows.getLong(2), event,
              rows.getLong(3)));
        }
      }
    }
    return events;
  }
}
