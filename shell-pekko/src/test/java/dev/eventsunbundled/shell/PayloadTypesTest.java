package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A stored or received shell message whose nested payload names a class neither a function's nor the shell's is
 * refused.
 */
class PayloadTypesTest {

  /** Not a function's type: a journal row or a remote message must not be able to make one. */
  public record Foreign(String value) {}

  private static final ActorTestKit KIT = ActorTestKit.create(ConfigFactory.parseString("pekko.actor.provider = local")
      .withFallback(ConfigFactory.parseResources("serialization.conf")).withFallback(ConfigFactory.load()));
  private static final Serialization SERIALIZATION = SerializationExtension.get(KIT.system().classicSystem());

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void aFunctionsPayloadRoundTrips() throws Exception {
    Traced traced = new Traced(new CustomerInvited(UUID.randomUUID(), "c1", "ada@p14n.com"), "cid-1");
    assertThat(read(write(traced))).isEqualTo(traced);
  }

  @Test
  void theShellsOwnWarmUpMessageRoundTrips() {
    Traced warmUp = new Traced(new Unbundled.WarmUp(), "cid-4");
    assertThat(read(write(warmUp))).as("a node warms up entities hosted on other nodes").isEqualTo(warmUp);
  }

  @Test
  void aPayloadNamingAForeignClassIsRefused() {
    String journalRow = "{\"event\":{\"@class\":\"" + Foreign.class.getName() + "\",\"value\":\"x\"},"
        + "\"correlationId\":\"cid-2\"}";
    assertThatThrownBy(() -> read(journalRow.getBytes(StandardCharsets.UTF_8)))
        .hasStackTraceContaining("Refused payload type '" + Foreign.class.getName() + "'")
        .hasStackTraceContaining("not a dev.eventsunbundled.low.Persisted");
  }

  @Test
  void aPayloadNamingAJdkClassIsRefusedBeforeAnythingIsMade() {
    String journalRow = "{\"event\":{\"@class\":\"java.util.HashMap\"},\"correlationId\":\"cid-3\"}";
    assertThatThrownBy(() -> read(journalRow.getBytes(StandardCharsets.UTF_8)))
        .hasStackTraceContaining("Refused payload type 'java.util.HashMap'");
  }

  private static byte[] write(Traced traced) {
    return SERIALIZATION.serialize(traced).get();
  }

  private static Object read(byte[] bytes) {
    Traced sample = new Traced(new CustomerInvited(UUID.randomUUID(), "c", "e@p14n.com"), null);
    int serializerId = SERIALIZATION.findSerializerFor(sample).identifier();
    String manifest = Serializers.manifestFor(SERIALIZATION.findSerializerFor(sample), sample);
    return SERIALIZATION.deserialize(bytes, serializerId, manifest).get();
  }
}
