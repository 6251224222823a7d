package dev.eventsunbundled.shell;

import dev.eventsunbundled.shell.DeadLetters.Letter;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;

/** Journal events to dead letters and back, in Pekko's serialization: the format the journal stores them in. */
final class EventCodec {

  private final Serialization serialization;

  EventCodec(ActorSystem<?> system) {
    this.serialization = SerializationExtension.get(Adapter.toClassic(system));
  }

  Letter letter(String consumer, String persistenceId, long sequenceNr, String state, String error, Object event) {
    Serializer serializer = serialization.findSerializerFor(event);
    return new Letter(consumer, persistenceId, sequenceNr, state, error, System.currentTimeMillis(),
        serializer.identifier(), Serializers.manifestFor(serializer, event), serializer.toBinary(event));
  }

  Object event(Letter letter) {
    return serialization.deserialize(letter.payload(), letter.serializerId(), letter.manifest()).get();
  }
}
