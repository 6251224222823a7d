package dev.eventsunbundled.shell;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How one function payload type's stored JSON moved on, for payloads nested in the shell's messages (journal
 * events in {@link Traced}, states in {@link EntityState}), which Pekko's {@code JacksonMigration} (outer types
 * only) never sees. Registered with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.eventsunbundled.shell.PayloadMigration}. The payload is then written as
 * {@code "@class": "<name>#<currentVersion>"}; one written at an older version (plain {@code <name>} is version 1)
 * is transformed before it is read.
 */
public interface PayloadMigration {

  /** The payload class it migrates. */
  Class<?> type();

  /** The version the current code writes (2 and up). */
  int currentVersion();

  /** The payload's JSON as written at {@code fromVersion} (without {@code @class}), in the current version's shape. */
  ObjectNode transform(int fromVersion, ObjectNode json);
}
