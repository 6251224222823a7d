package dev.eventsunbundled.app;

import java.util.Map;

/** A GraphQL-over-HTTP request body. */
public record GraphQlRequest(String query, Map<String, Object> variables, String operationName) {}
