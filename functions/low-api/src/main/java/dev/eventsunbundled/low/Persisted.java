package dev.eventsunbundled.low;

/**
 * Marks what a host stores or sends between nodes (commands, events, notices, entity states), so one serializer
 * binding covers every process: a function's sealed roots and state records implement it.
 */
public interface Persisted {}
