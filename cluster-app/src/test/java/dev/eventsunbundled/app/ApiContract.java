package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the API promises its clients, run against the route tier and against a whole node. */
abstract class ApiContract extends ApiUnderTest {

  static final String CUSTOMER_FIELDS = "{ id email invited verified }";

  @Test
  void seedScenarioAnswersTheInvitedCustomer() {
    HttpAnswer answer = api.graphQl("mutation { InviteCustomer(email:\"dean@p14n.com\"){ id invited } }");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.fieldNames()).toIterable().containsExactly("data");
    JsonNode customer = json.path("data").path("InviteCustomer");
    assertThat(customer.fieldNames()).toIterable().containsExactly("id", "invited");
    assertThat(UUID.fromString(customer.path("id").asText())).isNotNull();
    assertThat(customer.path("invited").asBoolean()).isTrue();
  }

  @Test
  void invitingTheSameEmailAgainAnswersTheSameCustomer() {
    String first = invite("same@example.com").path("id").asText();

    assertThat(invite("same@example.com").path("id").asText()).isEqualTo(first);
    assertThat(invite("  Same@Example.COM ").path("id").asText()).isEqualTo(first);
  }

  @Test
  void customerQueryAnswersTheInvitedCustomerById() {
    String id = invite("by-id@example.com").path("id").asText();

    HttpAnswer answer = api.graphQl("query($id: ID!) { Customer(id: $id) " + CUSTOMER_FIELDS + " }", Map.of("id", id));

    JsonNode customer = answer.json().path("data").path("Customer");
    assertThat(customer.path("id").asText()).isEqualTo(id);
    assertThat(customer.path("email").asText()).isEqualTo("by-id@example.com");
    assertThat(customer.path("invited").asBoolean()).isTrue();
    assertThat(customer.path("verified").isBoolean()).isTrue();
  }

  @Test
  void customerByEmailFindsTheCustomerWhateverTheCase() {
    String id = invite("by-email@example.com").path("id").asText();

    HttpAnswer answer = api.graphQl("{ CustomerByEmail(email: \" BY-Email@example.com\") " + CUSTOMER_FIELDS + " }");

    assertThat(answer.json().path("data").path("CustomerByEmail").path("id").asText()).isEqualTo(id);
  }

  @Test
  void anUnknownCustomerIsNullWithoutErrors() {
    HttpAnswer byId = api.graphQl("{ Customer(id: \"no-such-customer\") { id } }");
    HttpAnswer byEmail = api.graphQl("{ CustomerByEmail(email: \"nobody@example.com\") { id } }");

    assertThat(byId.json().path("data").path("Customer").isNull()).isTrue();
    assertThat(byId.json().has("errors")).isFalse();
    assertThat(byEmail.json().path("data").path("CustomerByEmail").isNull()).isTrue();
  }

  @Test
  void graphQlIsAlsoServedAtTheRootPath() {
    String query = ApiClient.json(Map.of("query", "mutation { InviteCustomer(email:\"root@example.com\"){ id invited } }"));

    HttpAnswer answer = api.post("/", ApiClient.JSON, query);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("data").path("InviteCustomer").path("invited").asBoolean()).isTrue();
  }

  @Test
  void operationNameSelectsTheOperationToRun() {
    String document = "query A { Customer(id: \"x\") { id } } mutation B { InviteCustomer(email: \"op@example.com\") { email } }";
    String body = ApiClient.json(Map.of("query", document, "operationName", "B"));

    HttpAnswer answer = api.post("/graphql", ApiClient.JSON, body);

    assertThat(answer.json().path("data").path("InviteCustomer").path("email").asText()).isEqualTo("op@example.com");
  }

  @Test
  void restInvitationAnswersTheCustomerAndIsIdempotent() {
    HttpAnswer first = api.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"rest@example.com\"}");
    HttpAnswer again = api.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"REST@example.com\"}");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().path("email").asText()).isEqualTo("rest@example.com");
    assertThat(first.json().path("invited").asBoolean()).isTrue();
    assertThat(first.json().has("verified")).isTrue();
    assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
  }

  @Test
  void restReadsTheCustomerByIdAndByEmail() {
    String id = api.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"rest-read@example.com\"}")
        .json().path("id").asText();

    HttpAnswer byId = api.get("/customers/" + id);
    HttpAnswer byEmail = api.get("/customers?email=Rest-Read%40example.com");

    assertThat(byId.status()).isEqualTo(200);
    assertThat(byId.json().path("email").asText()).isEqualTo("rest-read@example.com");
    assertThat(byEmail.status()).isEqualTo(200);
    assertThat(byEmail.json().path("id").asText()).isEqualTo(id);
  }

  @Test
  void restAnswers404WithAnErrorBodyForAnUnknownCustomer() {
    HttpAnswer byId = api.get("/customers/" + UUID.randomUUID());
    HttpAnswer byEmail = api.get("/customers?email=nobody%40example.com");

    assertThat(byId.status()).isEqualTo(404);
    assertThat(byId.json().path("error").asText()).startsWith("No customer with id");
    assertThat(byId.json().path("correlationId").asText()).isEqualTo(byId.correlationId());
    assertThat(byEmail.status()).isEqualTo(404);
  }

  @Test
  void unicodeEmailsAreStoredVerbatim() {
    String email = "zoë.ünïcødé-名前@example.com";

    JsonNode customer = invite(email);
    HttpAnswer found = api.graphQl("query($e: String!) { CustomerByEmail(email: $e) { id email } }", Map.of("e", email));

    assertThat(customer.path("email").asText()).isEqualTo(email);
    assertThat(found.json().path("data").path("CustomerByEmail").path("email").asText()).isEqualTo(email);
  }

  @Test
  void sqlLookingEmailsAreStoredVerbatim() {
    String email = "x'or'1'='1--@example.com";

    JsonNode customer = invite(email);
    HttpAnswer found = api.get("/customers/" + customer.path("id").asText());

    assertThat(customer.path("email").asText()).isEqualTo(email);
    assertThat(found.json().path("email").asText()).isEqualTo(email);
  }

  /** Invites over GraphQL, passing the email as a variable; answers the customer. */
  JsonNode invite(String email) {
    HttpAnswer answer = api.graphQl("mutation($email: String) { InviteCustomer(email: $email) " + CUSTOMER_FIELDS + " }",
        Map.of("email", email));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().has("errors")).as(answer.toString()).isFalse();
    return answer.json().path("data").path("InviteCustomer");
  }
}
