package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The start-up check of a layout: every function must be hosted by a role some node has. */
class DeploymentTest {

  private static final List<String> FUNCTIONS = List.of("invite-customer", "project-customer", "InviteCustomer");

  @Test
  void functionWithoutARoleStopsStartUpNamingIt() {
    var config = ConfigFactory.parseString("events-unbundled.deploy { invite-customer = write, InviteCustomer = http }");

    assertThatThrownBy(() -> Deployment.check(config, Set.of("write", "http"), FUNCTIONS))
        .hasMessageContaining("project-customer has no role");
  }

  @Test
  void layoutInWhichNoNodeHasTheRoleIsRefused() {
    var config = ConfigFactory.parseString("events-unbundled.deploy { invite-customer = write, "
        + "project-customer = read, InviteCustomer = http }\n"
        + "events-unbundled.layout { node1 = [http], node2 = [write] }");

    assertThatThrownBy(() -> Deployment.check(config, Set.of("http"), FUNCTIONS))
        .hasMessageContaining("project-customer is deployed to role read, which no node has");
  }

  @Test
  void nodeHostsTheFunctionsOfItsRoles() {
    var config = ConfigFactory.parseString("events-unbundled.deploy { invite-customer = write, "
        + "project-customer = read, InviteCustomer = http }\n"
        + "events-unbundled.layout { node1 = [http], node2 = [write], node3 = [read] }");

    assertThat(Deployment.check(config, Set.of("write"), FUNCTIONS).hostedHere()).containsExactly("invite-customer");
  }
}
