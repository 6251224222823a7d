package dev.eventsunbundled.app;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated GraphQL documents by query text, least recently used evicted first, at most
 * {@code maxBytes} of query text (counted as two bytes a character, three times over for the parsed form).
 * Only valid documents are kept: an invalid one costs its sender a parse every time.
 */
final class DocumentCache implements PreparsedDocumentProvider {

  private static final int BYTES_PER_CHAR = 2 * 3;

  private final Map<String, PreparsedDocumentEntry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private final long maxBytes;
  private long bytes;

  DocumentCache(long maxBytes) {
    this.maxBytes = maxBytes;
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
      if (!entry.hasErrors()) {
        keep(query, entry);
      }
    }
    return CompletableFuture.completedFuture(entry);
  }

  private void keep(String query, PreparsedDocumentEntry entry) {
    long size = (long) query.length() * BYTES_PER_CHAR;
    if (size > maxBytes) {
      return;
    }
    synchronized (entries) {
      if (entries.put(query, entry) == null) {
        bytes += size;
      }
      Iterator<String> eldest = entries.keySet().iterator();
      while (bytes > maxBytes && eldest.hasNext()) {
        bytes -= (long) eldest.next().length() * BYTES_PER_CHAR;
        eldest.remove();
      }
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
