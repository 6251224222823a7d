package dev.eventsunbundled.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/** JSON in and out of the API: one ObjectMapper, request unmarshallers and JSON responses. */
public final class Json {

  static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  private Json() {}

  /** Reads an {@code application/json} body as the given type; other content types are rejected (415). */
  public static <T> Unmarshaller<HttpEntity, T> body(Class<T> type) {
    return Jackson.unmarshaller(MAPPER, type);
  }

  public static HttpResponse ok(Object body) {
    return response(StatusCodes.OK, body);
  }

  static HttpResponse response(StatusCode status, Object body) {
    return HttpResponse.create().withStatus(status).withEntity(ContentTypes.APPLICATION_JSON, bytes(body));
  }

  public static HttpResponse error(StatusCode status, String message, String correlationId) {
    return response(status, new ErrorBody(message, correlationId));
  }

  static byte[] bytes(Object body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body of every error the API answers outside GraphQL. */
  public record ErrorBody(String error, String correlationId) {}
}
