package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.shell.Traced;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** CustomerInvited version 2 (with invitedAt): written as version 2, and version 1 events in the journal still read. */
class CustomerInvitedV2Test {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final ActorSystem<Void> SYSTEM = ActorSystem.create(Behaviors.empty(), "v2",
      ConfigFactory.parseString("pekko.actor.provider = local").withFallback(ConfigFactory.load()));
  private static final Serialization SERIALIZATION = SerializationExtension.get(Adapter.toClassic(SYSTEM));

  @AfterAll
  static void stop() {
    SYSTEM.terminate();
  }

  @Test
  void aVersionOneEventInTheJournalIsReadAsVersionTwoWithAnUnknownTime() throws Exception {
    Traced v1 = read("dev.eventsunbundled.shell.Traced.json");

    assertThat(v1.event()).isEqualTo(new CustomerInvited(UUID.fromString("00000000-0000-0000-0000-000000000001"),
        "c-1", "dean@p14n.com", null));
  }

  @Test
  void aNewEventIsWrittenAsVersionTwoAndReadBack() throws Exception {
    Traced written = new Traced(new CustomerInvited(UUID.randomUUID(), "c-9", "new@p14n.com",
        Instant.parse("2026-12-01T11:00:00Z")), "cid-9", "signup");
    byte[] bytes = SERIALIZATION.serialize(written).get();

    JsonNode json = new ObjectMapper().readTree(bytes);
    assertThat(json.path("event").path("@class").asText())
        .isEqualTo("dev.eventsunbundled.customer.CustomerEvent$CustomerInvited#2");
    assertThat(json.path("event").path("invitedAt").asText()).isEqualTo("2026-12-01T11:00:00Z");
    assertThat(SERIALIZATION.deserialize(bytes, Traced.class).get()).isEqualTo(written);
    assertThat(((CustomerInvited) read("dev.eventsunbundled.shell.Traced@customer-invited-v2.json").event())
        .invitedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
  }

  private static Traced read(String file) throws Exception {
    return SERIALIZATION.deserialize(Files.readAllBytes(GOLDEN.resolve(file)), Traced.class).get();
  }
}
