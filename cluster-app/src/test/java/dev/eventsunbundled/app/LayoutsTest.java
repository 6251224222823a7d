package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

/** One key picks the layout; the node's name picks its roles from it; a wrong name is refused, naming the choices. */
class LayoutsTest {

  private static Config node(String name, String layout) {
    return ConfigFactory.parseString("events-unbundled.node-name = " + name + "\n"
        + "events-unbundled.layout-name = " + layout + "\n"
        + "events-unbundled.layouts { all { n1 = [http, write], n2 = [http, write] }, split { n1 = [http], n2 = [write] } }");
  }

  @Test
  void theNodeTakesItsRolesFromTheNamedLayout() {
    Config split = Layouts.apply(node("n2", "split"));

    assertThat(split.getStringList("pekko.cluster.roles")).containsExactly("write");
    assertThat(split.getConfig("events-unbundled.layout").root().keySet()).containsExactlyInAnyOrder("n1", "n2");
    assertThat(split.getStringList("events-unbundled.layout.n1")).containsExactly("http");
  }

  @Test
  void anUnknownLayoutOrNodeIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> Layouts.apply(node("n1", "ring")))
        .hasMessageContaining("'ring'").hasMessageContaining("[all, split]");
    assertThatThrownBy(() -> Layouts.apply(node("n9", "all")))
        .hasMessageContaining("'n9'").hasMessageContaining("[n1, n2]");
  }

  @Test
  void withoutALayoutNameTheConfigurationIsUnchanged() {
    Config single = ConfigFactory.parseString("pekko.cluster.roles = [http, write, read]");

    assertThat(Layouts.apply(single)).isSameAs(single);
  }
}
