package dev.eventsunbundled.shell;

/** The shell's own protocol: bound to Jackson in conf, so nothing it sends uses Java serialization. */
public interface ShellMessage {}
