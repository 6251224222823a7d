package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A request that gets no projected answer in time fails with a clear error carrying its correlation id. */
class ResolveTimeoutTest {

  @Test
  void noProjectedAnswerInTimeIsAnErrorNamingTheCorrelationId() throws Exception {
    var config = TestNode.config(TestNode.inMemoryUrl(), "events-unbundled.resolve-timeout = 1ms");
    TestNode.Started node = TestNode.start(config, TestNode.customerFunctions());
    try {
      var answer = node.shell().resolve(TestNode.INVITE, new InviteCustomer("slow@p14n.com"), "cid-42")
          .toCompletableFuture();

      Throwable failure = catchThrowable(() -> answer.get(10, TimeUnit.SECONDS));
      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertThat(failure.getCause()).isInstanceOf(ResolveTimeout.class)
          .hasMessageContaining("Correlation id: cid-42");
      assertThat(((ResolveTimeout) failure.getCause()).correlationId()).isEqualTo("cid-42");
    } finally {
      node.kit().shutdownTestKit();
    }
  }
}
