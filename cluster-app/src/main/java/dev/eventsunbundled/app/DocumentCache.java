package dev.eventsunbundled.app;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Parsed and validated GraphQL documents by query text, least recently used evicted first. */
final class DocumentCache implements PreparsedDocumentProvider {

  private final Map<String, PreparsedDocumentEntry> entries;

  DocumentCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    String query = input.getQuery();
    PreparsedDocumentEntry entry;
    synchronized (entries) {
      entry = entries.get(query);
    }
    if (entry == null) {
      entry = parseAndValidate.apply(input);
      synchronized (entries) {
        entries.put(query, entry);
      }
    }
    return CompletableFuture.completedFuture(entry);
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
