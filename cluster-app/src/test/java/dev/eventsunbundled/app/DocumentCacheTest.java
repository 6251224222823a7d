package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.InvalidSyntaxError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Valid documents are parsed and validated once per query text, and the cache stays bounded in bytes. */
class DocumentCacheTest {

  private final AtomicInteger parses = new AtomicInteger();
  private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
    parses.incrementAndGet();
    return new PreparsedDocumentEntry(Document.newDocument().build());
  };

  @Test
  void aRepeatedQueryIsParsedOnce() {
    DocumentCache cache = new DocumentCache(1024);

    cache.getDocumentAsync(input("{ a }"), parse).join();
    cache.getDocumentAsync(input("{ a }"), parse).join();

    assertThat(parses).hasValue(1);
  }

  @Test
  void theLeastRecentlyUsedDocumentIsEvictedBeyondCapacity() {
    DocumentCache cache = new DocumentCache(2 * "{ a }".length() * 6);

    cache.getDocumentAsync(input("{ a }"), parse).join();
    cache.getDocumentAsync(input("{ b }"), parse).join();
    cache.getDocumentAsync(input("{ a }"), parse).join();
    cache.getDocumentAsync(input("{ c }"), parse).join();
    cache.getDocumentAsync(input("{ a }"), parse).join();

    assertThat(cache.size()).isEqualTo(2);
    assertThat(parses).hasValue(3);
  }

  @Test
  void anInvalidDocumentIsNotKept() {
    DocumentCache cache = new DocumentCache(1024);
    Function<ExecutionInput, PreparsedDocumentEntry> invalid = input -> {
      parses.incrementAndGet();
      return new PreparsedDocumentEntry(new InvalidSyntaxError(List.of(), "bad"));
    };

    cache.getDocumentAsync(input("{ a"), invalid).join();
    cache.getDocumentAsync(input("{ a"), invalid).join();

    assertThat(cache.size()).isZero();
    assertThat(parses).hasValue(2);
  }

  @Test
  void aDocumentLargerThanTheCacheIsNotKept() {
    DocumentCache cache = new DocumentCache(100);

    cache.getDocumentAsync(input("{ " + "a ".repeat(100) + "}"), parse).join();

    assertThat(cache.size()).isZero();
  }

  private static ExecutionInput input(String query) {
    return ExecutionInput.newExecutionInput(query).build();
  }
}
