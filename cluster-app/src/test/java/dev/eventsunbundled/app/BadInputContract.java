package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is answered clearly, with a correlation id, and the API keeps serving. */
abstract class BadInputContract extends ApiUnderTest {

  static final String INVITE = "/customers/invitations";

  @ParameterizedTest
  @ValueSource(strings = {"/graphql", "/", INVITE})
  void malformedJsonIsA400(String path) {
    assertError(api.post(path, ApiClient.JSON, "{\"query\": \"{ Customer(id:1) { id } }\""), 400, "Malformed JSON");
    assertError(api.post(path, ApiClient.JSON, ""), 400, "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/graphql", INVITE})
  void aNonJsonContentTypeIsA415(String path) {
    assertError(api.post(path, "text/plain", "{\"email\":\"a@example.com\"}"), 415, "application/json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/graphql", INVITE})
  void aBodyOverTheLimitIsA413(String path) {
    String body = "{\"email\":\"" + "a".repeat(70 * 1024) + "@example.com\"}";

    assertError(api.post(path, ApiClient.JSON, body), 413, "too large");
  }

  @Test
  void aRequestWithoutQueryIsA400() {
    assertError(api.post("/graphql", ApiClient.JSON, "{}"), 400, "query");
    assertError(api.post("/graphql", ApiClient.JSON, "null"), 400, "query");
  }

  @Test
  void aGraphQlSyntaxErrorIsReportedAsAGraphQlError() {
    HttpAnswer answer = api.graphQl("mutation { InviteCustomer(email:\"x@example.com\" { id } }");

    assertGraphQlError(answer, "Invalid syntax");
    assertThat(answer.json().has("data")).isFalse();
  }

  @Test
  void anUnknownFieldIsReportedAsAGraphQlError() {
    assertGraphQlError(api.graphQl("{ Customer(id: \"1\") { id password } }"), "password");
  }

  @Test
  void aVariableOfTheWrongTypeIsReportedAsAGraphQlError() {
    String mutation = "mutation($email: String) { InviteCustomer(email: $email) { id } }";

    assertGraphQlError(api.graphQl(mutation, Map.of("email", Map.of("not", "a string"))), "email");
  }

  @Test
  void aQueryDeeperThanTheLimitIsRejected() {
    String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(20) + "{ name }" + " }".repeat(20) + " } } } }";

    assertGraphQlError(api.graphQl(deep), "depth");
    assertGraphQlError(api.graphQl(deep), "depth");
  }

  @Test
  void anAliasBombIsRejectedByComplexity() {
    String bomb = IntStream.range(0, 600).mapToObj(i -> "a" + i + ": Customer(id: \"" + i + "\") { id }")
        .collect(Collectors.joining(" ", "{ ", " }"));

    assertGraphQlError(api.graphQl(bomb), "complexity");
    assertGraphQlError(api.graphQl(bomb), "complexity");
  }

  @Test
  void aRequestWithTooManyMutationsIsRefusedBeforeAnyRuns() {
    String email = "many-" + System.nanoTime() + "@example.com";
    String many = IntStream.range(0, 11)
        .mapToObj(i -> "m" + i + ": InviteCustomer(email: \"" + email + "\") { id }")
        .collect(Collectors.joining(" ", "mutation { ", " }"));

    assertGraphQlError(api.graphQl(many), "at most 10 mutation fields");
    assertError(api.get("/customers?email=" + email), 404, "No customer");
  }

  @Test
  void aFragmentBombIsRejectedQuickly() {
    StringBuilder document = new StringBuilder("{ Customer(id: \"1\") { ...F20 } } fragment F0 on Customer { id email } ");
    for (int i = 1; i <= 20; i++) {
      document.append("fragment F").append(i).append(" on Customer { ...F").append(i - 1).append(" ...F").append(i - 1).append(" } ");
    }

    HttpAnswer answer = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> api.graphQl(document.toString()));

    assertGraphQlError(answer, "exceeds maximum");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                                          | Email is required",
      "'   '                                       | Email is required",
      "not-an-email                                | Email is not a valid address",
      "'robert''); DROP TABLE customer;--@x.com'   | Email is not a valid address",
      "dean@p14n..com                              | Email is not a valid address"})
  void anUnusableEmailIsRefusedWithTheFunctionsMessage(String email, String message) {
    HttpAnswer graphQl = api.graphQl("mutation($e: String) { InviteCustomer(email: $e) { id } }", Map.of("e", email));
    HttpAnswer rest = api.post(INVITE, ApiClient.JSON, ApiClient.json(Map.of("email", email)));

    assertGraphQlError(graphQl, message);
    assertThat(graphQl.json().path("data").path("InviteCustomer").isNull()).isTrue();
    assertThat(graphQl.json().path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("REFUSED");
    assertError(rest, 400, message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0000 | a control character (U+0000 at position 4)",
      "202E | an invisible formatting character (U+202E at position 4)",
      "200B | an invisible formatting character (U+200B at position 4)"})
  void anEmailWithHiddenCharactersIsRefusedNamingThem(String hex, String named) {
    String email = "eve" + (char) Integer.parseInt(hex, 16) + "@example.com";

    assertGraphQlError(api.graphQl("mutation($e: String) { InviteCustomer(email: $e) { id } }", Map.of("e", email)),
        "Email must not contain " + named);
    assertError(api.post(INVITE, ApiClient.JSON, ApiClient.json(Map.of("email", email))), 400, named);
  }

  @Test
  void composedAndDecomposedFormsOfAnEmailAreOneCustomer() {
    String composed = Normalizer.normalize("zoë-" + System.nanoTime() + "@example.com", Normalizer.Form.NFC);
    String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);

    HttpAnswer first = api.post(INVITE, ApiClient.JSON, ApiClient.json(Map.of("email", composed)));
    HttpAnswer second = api.post(INVITE, ApiClient.JSON, ApiClient.json(Map.of("email", decomposed)));

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
    assertThat(second.json().path("email").asText()).isEqualTo(composed);
  }

  @Test
  void aMissingOrOverLongEmailIsRefusedWithTheFunctionsMessage() {
    String overLong = "a".repeat(250) + "@example.com";

    assertGraphQlError(api.graphQl("mutation { InviteCustomer { id } }"), "Email is required");
    assertGraphQlError(api.graphQl("mutation { InviteCustomer(email: \"" + overLong + "\") { id } }"), "at most 254");
    assertError(api.post(INVITE, ApiClient.JSON, "{}"), 400, "Email is required");
    assertError(api.post(INVITE, ApiClient.JSON, ApiClient.json(Map.of("email", overLong))), 400, "at most 254");
  }

  @Test
  void findingByEmailNeedsAnEmail() {
    assertError(api.get("/customers"), 400, "'email' is required");
    assertError(api.get("/customers?email="), 400, "must not be empty");
  }

  @Test
  void anUnknownPathIsA404() {
    assertError(api.get("/no/such/thing"), 404, "No such resource");
  }

  @Test
  void aWrongMethodIsA405() {
    HttpAnswer get = api.get("/graphql");

    assertError(get, 405, "Method not allowed");
    assertThat(get.header("Allow")).contains("POST");
    assertError(api.send("DELETE", "/customers/some-id"), 405, "Method not allowed");
  }

  @Test
  void theApiKeepsServingAfterBadInput() {
    api.post("/graphql", ApiClient.JSON, "{{{");
    api.post("/graphql", "text/plain", "x");
    api.post("/graphql", ApiClient.JSON, "{\"query\":\"" + "x".repeat(100 * 1024) + "\"}");
    api.graphQl("{ ".repeat(500));

    HttpAnswer answer = api.graphQl("mutation { InviteCustomer(email:\"still-serving@example.com\"){ id invited } }");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("data").path("InviteCustomer").path("invited").asBoolean()).isTrue();
  }

  static void assertError(HttpAnswer answer, int status, String message) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    JsonNode json = answer.json();
    assertThat(json.path("error").asText()).containsIgnoringCase(message);
    assertThat(json.path("correlationId").asText()).isNotBlank().isEqualTo(answer.correlationId());
  }

  static void assertGraphQlError(HttpAnswer answer, String message) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.firstError()).as(answer.toString()).containsIgnoringCase(message);
    String cid = answer.json().path("errors").get(0).path("extensions").path("correlationId").asText();
    assertThat(cid).isEqualTo(answer.correlationId());
  }
}
