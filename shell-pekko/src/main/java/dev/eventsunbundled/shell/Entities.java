package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Handler;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * Where functions' entities live: the sharded entity of a function's key, whose id is a keyed hash of the key
 * (HMAC-SHA256 with {@code events-unbundled.entity-keys.secret}, 128 bits in hex), so no key derived from personal
 * data (an email) appears in persistence ids, snapshots, offsets, actor paths or Pekko's log lines.
 */
public final class Entities implements Extension {

  static final String BLANK = "_";
  private static final String ALGORITHM = "HmacSHA256";
  private static final int ID_BYTES = 16;

  private static final ExtensionId<Entities> ID = new ExtensionId<>() {
    @Override
    public Entities createExtension(ActorSystem<?> system) {
      return new Entities(system);
    }
  };

  private final ClusterSharding sharding;
  /** One keyed MAC per thread: finding the provider and keying a MAC costs more than hashing a key. */
  private final ThreadLocal<Mac> macs;

  private Entities(ActorSystem<?> system) {
    this.sharding = ClusterSharding.get(system);
    SecretKeySpec secret = secret(system.settings().config().getString("events-unbundled.entity-keys.secret"));
    this.macs = ThreadLocal.withInitial(() -> mac(secret));
  }

  public static Entities get(ActorSystem<?> system) {
    return system.registerExtension(ID);
  }

  /** The entity of {@code handler} that owns {@code key}. */
  EntityRef<HandlerEntity.Command> of(Handler<?, ?, ?, ?> handler, String key) {
    return sharding.entityRefFor(HandlerEntity.typeKey(handler), id(key));
  }

  /** The entity id of a function's key ({@code _} for none). */
  public String id(String key) {
    return key == null || key.isEmpty() ? BLANK
        : HexFormat.of().formatHex(macs.get().doFinal(key.getBytes(StandardCharsets.UTF_8)), 0, ID_BYTES);
  }

  /** The entity id of a function's key under {@code secret}, as a node with that secret computes it. */
  public static String id(String secret, String key) {
    return id(secret(secret), key);
  }

  private static String id(SecretKeySpec secret, String key) {
    return key == null || key.isEmpty() ? BLANK : HexFormat.of().formatHex(hash(secret, key), 0, ID_BYTES);
  }

  /** A short fingerprint of the secret, recorded at a database's first start: another secret names other entities. */
  static String fingerprint(String secret) {
    return HexFormat.of().formatHex(hash(secret(secret), "events-unbundled entity-keys fingerprint"), 0, 8);
  }

  private static SecretKeySpec secret(String secret) {
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("events-unbundled.entity-keys.secret (ENTITY_KEY_SECRET) must not be empty");
    }
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  private static byte[] hash(SecretKeySpec secret, String value) {
    return mac(secret).doFinal(value.getBytes(StandardCharsets.UTF_8));
  }

  private static Mac mac(SecretKeySpec secret) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
