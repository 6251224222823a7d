package dev.eventsunbundled.app.customer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.shell.PayloadMigration;

/**
 * {@code CustomerInvited} version 2 added {@code invitedAt}: a version 1 event, stored before, gets it explicitly
 * as unknown (null), so every reader sees the version 2 shape.
 */
public final class CustomerInvitedV2 implements PayloadMigration {

  @Override
  public Class<?> type() {
    return CustomerInvited.class;
  }

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public ObjectNode transform(int fromVersion, ObjectNode json) {
    if (fromVersion < 2 && !json.has("invitedAt")) {
      json.putNull("invitedAt");
    }
    return json;
  }
}
