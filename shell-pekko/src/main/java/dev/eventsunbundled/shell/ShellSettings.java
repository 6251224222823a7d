package dev.eventsunbundled.shell;

import com.typesafe.config.Config;
import java.time.Duration;

/** The shell's settings, read from {@code events-unbundled} in the node's config. */
public record ShellSettings(
    int tagsPerChannel,
    int snapshotEvery,
    int keepSnapshots,
    Duration resolveTimeout,
    Duration deliveryTimeout,
    int groupAfterEnvelopes,
    Duration groupAfterDuration,
    boolean push,
    int pushMaxWaiting,
    int giveUpAfter,
    Config pushChaos,
    Config db) {

  public static ShellSettings from(Config root) {
    Config c = root.getConfig("events-unbundled");
    return new ShellSettings(
        c.getInt("tags-per-channel"),
        c.getInt("snapshot-every"),
        c.getInt("keep-snapshots"),
        c.getDuration("resolve-timeout"),
        c.getDuration("delivery-timeout"),
        c.getInt("projection-groups.group-after-envelopes"),
        c.getDuration("projection-groups.group-after-duration"),
        c.getBoolean("push.enabled"),
        c.getInt("push.max-waiting"),
        c.getInt("dead-letters.give-up-after"),
        c.getConfig("push.chaos"),
        c.getConfig("db"));
  }
}
