package dev.eventsunbundled.shell;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** A view projection's dead letters, replayed or discarded in one transaction through its {@link ViewWriter}. */
final class ViewLetters implements DeadLetterOffice.Consumer {

  private final ViewWriter<?, ?> writer;
  private final Database database;
  private final Executor blocking;

  ViewLetters(ViewWriter<?, ?> writer, Database database, Executor blocking) {
    this.writer = writer;
    this.database = database;
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<Integer> replay(String persistenceId) {
    return DeadLetterOffice.inTransaction(database, blocking, c -> writer.replay(c, persistenceId));
  }

  @Override
  public CompletionStage<Integer> discard(String persistenceId) {
    return DeadLetterOffice.inTransaction(database, blocking, c -> writer.discard(c, persistenceId));
  }
}
