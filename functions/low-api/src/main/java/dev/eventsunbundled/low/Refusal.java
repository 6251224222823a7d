package dev.eventsunbundled.low;

/** The notice an Executor raises when {@code write} refuses an event. */
public record Refusal(String message) implements Notice {}
