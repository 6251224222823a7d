package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.communication.CommunicationEvent;
import dev.eventsunbundled.communication.CommunicationEvent.InvitationEmailQueued;
import dev.eventsunbundled.communication.Outbox;
import dev.eventsunbundled.customer.CustomerCommand;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.customer.CustomerNotice;
import dev.eventsunbundled.customer.CustomerNotice.CustomerInviteFailed;
import dev.eventsunbundled.customer.CustomerNotice.InvalidRequest;
import dev.eventsunbundled.customer.Invitation;
import dev.eventsunbundled.customer.Verification;
import dev.eventsunbundled.shell.EntityReply;
import dev.eventsunbundled.shell.EntityState;
import dev.eventsunbundled.shell.EntityState.Handled;
import dev.eventsunbundled.shell.EntityState.Source;
import dev.eventsunbundled.shell.HandlerEntity;
import dev.eventsunbundled.shell.Pushed;
import dev.eventsunbundled.shell.Token;
import dev.eventsunbundled.shell.Traced;
import dev.eventsunbundled.shell.Unbundled;
import dev.eventsunbundled.shell.ViewWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The schema-evolution gate: committed JSON samples of every type the journal, the snapshot store or the cluster
 * carries ({@code src/test/resources/golden/<manifest>.json}, as written when the type was introduced or last
 * changed; {@code <manifest>@<label>.json} for an older shape of it) must still be read by the current code, every
 * stored value kept. A change that breaks stored data fails here, not in production.
 * A new type (or a new version) gets its sample with {@code -Dgolden.write=true}; an existing one is never rewritten.
 */
class GoldenSamplesTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final ObjectMapper PRETTY = new ObjectMapper();
  private static final ActorSystem<Void> SYSTEM = ActorSystem.create(Behaviors.empty(), "golden",
      ConfigFactory.parseString("pekko.actor.provider = local").withFallback(ConfigFactory.load()));
  private static final Serialization SERIALIZATION = SerializationExtension.get(Adapter.toClassic(SYSTEM));

  @AfterAll
  static void stop() {
    SYSTEM.terminate();
  }

  @Test
  void everyGoldenSampleIsStillReadable() throws IOException {
    List<Path> samples;
    try (Stream<Path> files = Files.list(GOLDEN)) {
      samples = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(samples).isNotEmpty();
    for (Path sample : samples) {
      String manifest = sample.getFileName().toString().replaceFirst("(@[^.]*)?\\.json$", "");
      byte[] stored = Files.readAllBytes(sample);
      Object read = SERIALIZATION.deserialize(stored, jacksonId(), manifest).get();
      assertThat(read.getClass().getName()).as(sample.toString()).isEqualTo(manifest.replaceFirst("#.*$", ""));
      keepsEveryFact(sample.toString(), PRETTY.readTree(stored), PRETTY.readTree(SERIALIZATION.serialize(read).get()));
    }
  }

  /**
   * Every value the stored JSON holds is in what the current code writes back (new fields may be added): a renamed
   * or retyped component, read silently as null, fails here.
   */
  private static void keepsEveryFact(String where, JsonNode stored, JsonNode written) {
    if (stored.isObject()) {
      assertThat(written.isObject()).as("%s: an object", where).isTrue();
      stored.fields().forEachRemaining(field -> {
        assertThat(written.has(field.getKey())).as("%s: field %s is read back", where, field.getKey()).isTrue();
        keepsEveryFact(where + "." + field.getKey(), field.getValue(), written.get(field.getKey()));
      });
    } else if (where.endsWith(".@class")) {
      assertThat(written.asText().replaceFirst("#.*$", "")).as("%s: the payload's type (its version may move on)",
          where).isEqualTo(stored.asText().replaceFirst("#.*$", ""));
    } else if (stored.isTextual() && stored.asText().startsWith("pekko://")) {
      assertThat(written.isTextual()).as("%s: an actor reference (resolved in the reading system)", where).isTrue();
    } else {
      assertThat(written).as(where).isEqualTo(stored);
    }
  }

  @Test
  void everyPersistedTypeHasASampleOfItsCurrentVersion() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Object value : current()) {
      Serializer serializer = SERIALIZATION.findSerializerFor(value);
      Path file = GOLDEN.resolve(Serializers.manifestFor(serializer, value) + ".json");
      if (!Files.exists(file)) {
        if (Boolean.getBoolean("golden.write")) {
          Files.createDirectories(GOLDEN);
          Files.write(file, PRETTY.writerWithDefaultPrettyPrinter()
              .writeValueAsBytes(PRETTY.readTree(SERIALIZATION.serialize(value).get())));
        } else {
          missing.add(file.toString());
        }
      }
    }
    assertThat(missing).as("golden samples to commit (write them with -Dgolden.write=true)").isEmpty();
  }

  @Test
  void theSamplesCoverEverySubtypeOfTheSealedRoots() {
    List<Class<?>> sampled = current().stream().<Class<?>>map(Object::getClass).toList();
    for (Class<?> root : List.of(CustomerCommand.class, CustomerEvent.class, CustomerNotice.class,
        CommunicationEvent.class, EntityReply.class, HandlerEntity.Command.class)) {
      assertThat(sampled).as("samples of %s", root.getSimpleName())
          .containsAll(Arrays.asList(root.getPermittedSubclasses()));
    }
  }

  /** One value of every persisted or remotely sent type, as the current code writes it. */
  private static List<Object> current() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
    CustomerInvited invited = new CustomerInvited(id, "c-1", "dean@p14n.com");
    Token token = new Token("invite-customer|53b2727ab15e78e4d7a5f3801718e4fa", 1);
    Source source = new Source(token.persistenceId(), 1);
    return List.of(
        new InviteCustomer("dean@p14n.com"), invited, new CustomerVerified(id, "c-1"),
        new InvalidRequest("Email is required"), new CustomerInviteFailed("c-1", "Customer already invited"),
        new InvitationEmailQueued(id, "c-1", "dean@p14n.com"),
        new Invitation("c-1", "dean@p14n.com"), new Verification(true), new Outbox(true),
        new Traced(invited, "cid-1", "signup", source), new Handled(source), source, token,
        new EntityState(new Invitation("c-1", "dean@p14n.com"), Map.of(source.persistenceId(), 1L), 2L, 2L),
        new HandlerEntity.Handle(new InviteCustomer("dean@p14n.com"), null, SYSTEM.ignoreRef(), null, "cid-1",
            "signup"),
        new EntityReply.Recorded(invited, token), new EntityReply.Noticed(new InvalidRequest("Email is required"),
            token), new EntityReply.Failed("IllegalStateException: boom", token), new EntityReply.Unchanged(token),
        new Pushed("customer-1", token.persistenceId(), 1, 0, 1_764_547_200_000L, invited, null, "cid-1"),
        new ViewWatcher.Applied("customer", token.persistenceId(), 1), new Unbundled.WarmUp());
  }

  private static int jacksonId() {
    return SERIALIZATION.findSerializerFor(new InviteCustomer("x")).identifier();
  }
}
