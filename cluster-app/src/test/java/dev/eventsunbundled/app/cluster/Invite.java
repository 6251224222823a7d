package dev.eventsunbundled.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One GraphQL {@code InviteCustomer} sent to a node: the customer id it was answered with, or why not. */
record Invite(String email, int node, String id, String failure, long sentNanos, long doneNanos) {

  static final String MUTATION = "mutation($e:String){ InviteCustomer(email:$e){ id invited } }";
  static final String BY_EMAIL = "query($e:String!){ CustomerByEmail(email:$e){ id email invited verified } }";

  /** Sends the invite and waits at most {@code timeout}; never throws. */
  static Invite send(ApiClient api, int node, String email, Duration timeout) {
    long sent = System.nanoTime();
    try {
      HttpAnswer answer = graphQl(api, MUTATION, email, timeout);
      JsonNode customer = answer.json().path("data").path("InviteCustomer");
      boolean ok = answer.status() == 200 && customer.path("invited").asBoolean() && customer.hasNonNull("id");
      return new Invite(email, node, ok ? customer.path("id").asText() : null, ok ? null : answer.toString(),
          sent, System.nanoTime());
    } catch (RuntimeException e) {
      return new Invite(email, node, null, e.toString(), sent, System.nanoTime());
    }
  }

  /** {@code CustomerByEmail} on a node: the customer, if the view has it. */
  static Optional<JsonNode> customerByEmail(ApiClient api, String email) {
    JsonNode customer = graphQl(api, BY_EMAIL, email, Duration.ofSeconds(10)).json().path("data").path("CustomerByEmail");
    return customer.isObject() ? Optional.of(customer) : Optional.empty();
  }

  static HttpAnswer graphQl(ApiClient api, String query, String email, Duration timeout) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    body.put("variables", Map.of("e", email));
    return api.sendAsync(api.request("/graphql").timeout(timeout).header("Content-Type", ApiClient.JSON)
        .POST(BodyPublishers.ofString(ApiClient.json(body))).build()).join();
  }

  boolean answered() {
    return id != null;
  }

  Duration latency() {
    return Duration.ofNanos(doneNanos - sentNanos);
  }
}
