package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsunbundled.app.support.ApiServer;
import dev.eventsunbundled.app.support.HttpAnswer;
import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.Test;

/** Tools keep working: the standard introspection query fits within the depth and complexity limits. */
class IntrospectionTest {

  @Test
  void theStandardIntrospectionQueryShowsTheSchema() {
    try (ApiServer server = ApiServer.start()) {
      HttpAnswer answer = server.client().graphQl(IntrospectionQuery.INTROSPECTION_QUERY);

      assertThat(answer.json().has("errors")).as(answer.toString()).isFalse();
      JsonNode types = answer.json().path("data").path("__schema").path("types");
      assertThat(types.findValuesAsText("name")).contains("Customer", "Query", "Mutation", "InviteCustomer", "CustomerByEmail");
    }
  }
}
