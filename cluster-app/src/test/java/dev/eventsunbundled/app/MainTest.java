package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsunbundled.app.customer.CustomerProcess;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.InviteCustomerHandler;
import dev.eventsunbundled.customer.InviteCustomerResolver;
import dev.eventsunbundled.shell.Functions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The entry point documents itself and wires every customer function exactly once. */
class MainTest {

  @Test
  void helpListsTheSettingsAndReturns() {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      Main.main(new String[] {"--help"});
    } finally {
      System.setOut(original);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("HTTP_PORT", "DATA_DIR", "MANAGEMENT_PORT", "-Dconfig.resource=", "-Dsome.config.key=value");
  }

  @Test
  void theCustomerFunctionsAreWiredOnce() {
    Functions wired = CustomerProcess.of("full").functions();

    assertThat(wired.handlers()).hasSize(3)
        .anySatisfy(handler -> assertThat(handler).isInstanceOf(InviteCustomerHandler.class));
    assertThat(wired.projectors()).singleElement().isInstanceOf(CustomerProjector.class);
    assertThat(wired.resolvers()).singleElement().isInstanceOf(InviteCustomerResolver.class);
  }

  @Test
  void theBasicProfileHostsOnlyInviteProjectAndResolve() {
    Functions wired = CustomerProcess.of("basic").functions();

    assertThat(wired.handlers()).singleElement().isInstanceOf(InviteCustomerHandler.class);
    assertThat(wired.projectors()).singleElement().isInstanceOf(CustomerProjector.class);
    assertThat(wired.resolvers()).singleElement().isInstanceOf(InviteCustomerResolver.class);
  }

  @Test
  void anUnknownProfileIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> CustomerProcess.of("fast"))
        .hasMessageContaining("'fast'").hasMessageContaining("full").hasMessageContaining("basic");
  }
}
