package dev.eventsunbundled.shell;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Turns a function's entity key into a sharding entity id: never empty, short enough for the journal. */
final class EntityKey {

  static final String BLANK = "_";
  static final int MAX_LENGTH = 200;

  private EntityKey() {}

  static String of(String key) {
    if (key == null || key.isEmpty()) {
      return BLANK;
    }
    if (key.length() <= MAX_LENGTH) {
      return key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
