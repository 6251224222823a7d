package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Documents are parsed and validated once per query text, and the cache stays bounded. */
class DocumentCacheTest {

  private final AtomicInteger parses = new AtomicInteger();
  private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
    parses.incrementAndGet();
    return new PreparsedDocumentEntry(Document.newDocument().build());
  };

  @Test
  void aRepeatedQueryIsParsedOnce() {
    DocumentCache cache = new DocumentCache(10);

    cache.getDocumentAsync(input("{ a }"), parse).join();
    cache.getDocumentAsync(input("{ a }"), parse).join();

    assertThat(parses).hasValue(1);
  }

  @Test
  void theLeastRecentlyUsedDocumentIsEvictedBeyondCapacity() {
    DocumentCache cache = new DocumentCache(2);

    cache.getDocumentAsync(input("{ a }"), parse).join();
    cache.getDocumentAsync(input("{ b }"), parse).join();
    cache.getDocumentAsync(input("{ a }"), parse).join();
    cache.getDocumentAsync(input("{ c }"), parse).join();
    cache.getDocumentAsync(input("{ a }"), parse).join();

    assertThat(cache.size()).isEqualTo(2);
    assertThat(parses).hasValue(3);
  }

  private static ExecutionInput input(String query) {
    return ExecutionInput.newExecutionInput(query).build();
  }
}
