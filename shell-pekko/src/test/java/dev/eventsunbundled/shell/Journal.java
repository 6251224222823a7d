package dev.eventsunbundled.shell;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.NoOffset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/** Reads what the journal holds, through the read journal, for assertions. */
final class Journal {

  private Journal() {}

  static List<Object> eventsOnChannel(ActorSystem<?> system, String channel, int tags) throws Exception {
    JdbcReadJournal journal = PersistenceQuery.get(system)
        .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    return new ChannelTags(channel, tags).all().stream()
        .map(tag -> journal.currentEventsByTag(tag, NoOffset.getInstance()))
        .reduce(Source.empty(), Source::concat)
        .map(envelope -> Traced.event(envelope.event()))
        .runWith(Sink.seq(), system)
        .toCompletableFuture()
        .get(Duration.ofSeconds(10).toSeconds(), TimeUnit.SECONDS);
  }
}
