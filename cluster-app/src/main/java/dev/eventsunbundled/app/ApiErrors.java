package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.complete;

import dev.eventsunbundled.shell.Refused;
import dev.eventsunbundled.shell.ResolveTimeout;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Allow;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.MissingQueryParamRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.RequestEntityExpectedRejection;
import org.apache.pekko.http.javadsl.server.UnsupportedRequestContentTypeRejection;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the API answers what went wrong: rejections, exceptions and failed answers, all as JSON errors. */
final class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  static RejectionHandler rejections(String cid) {
    return RejectionHandler.newBuilder()
        .handle(MalformedRequestContentRejection.class, r -> complete(malformed(r, cid)))
        .handle(RequestEntityExpectedRejection.class,
            r -> complete(Json.error(StatusCodes.BAD_REQUEST, "A JSON request body is required", cid)))
        .handle(UnsupportedRequestContentTypeRejection.class,
            r -> complete(Json.error(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json", cid)))
        .handle(MissingQueryParamRejection.class, r -> complete(Json.error(
            StatusCodes.BAD_REQUEST, "Query parameter '" + r.parameterName() + "' is required", cid)))
        .handleAll(MethodRejection.class, rs -> complete(methodNotAllowed(rs, cid)))
        .handleNotFound(complete(Json.error(StatusCodes.NOT_FOUND, "No such resource", cid)))
        .build()
        .withFallback(RejectionHandler.defaultHandler())
        .mapRejectionResponse(response -> asJson(response, cid));
  }

  static ExceptionHandler exceptions(String cid) {
    return ExceptionHandler.newBuilder().matchAny(failure -> complete(failure(failure, cid))).build();
  }

  /** The response for a failed answer from the shell, or any other failure inside a route. */
  static HttpResponse failure(Throwable failure, String cid) {
    Throwable cause = unwrap(failure);
    if (cause instanceof Refused) {
      return Json.error(StatusCodes.BAD_REQUEST, cause.getMessage(), cid);
    }
    if (cause instanceof ResolveTimeout || cause instanceof TimeoutException) {
      return Json.error(StatusCodes.GATEWAY_TIMEOUT, timeoutMessage(cause), cid);
    }
    if (cause instanceof EntityStreamSizeException) {
      return tooLarge(cid);
    }
    log.error("Request {} failed", cid, cause);
    return Json.error(StatusCodes.INTERNAL_SERVER_ERROR, "Internal error; quote the correlation id", cid);
  }

  static String timeoutMessage(Throwable timeout) {
    String detail = timeout instanceof ResolveTimeout ? timeout.getMessage() : "No answer in time";
    return detail + "; the request may still take effect";
  }

  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static HttpResponse malformed(MalformedRequestContentRejection rejection, String cid) {
    if (unwrap(rejection.getCause()) instanceof EntityStreamSizeException) {
      return tooLarge(cid);
    }
    return Json.error(StatusCodes.BAD_REQUEST, "Malformed JSON body: " + firstLine(rejection.message()), cid);
  }

  private static HttpResponse tooLarge(String cid) {
    return Json.error(StatusCodes.PAYLOAD_TOO_LARGE, "Request body is too large", cid);
  }

  private static HttpResponse methodNotAllowed(List<MethodRejection> rejections, String cid) {
    HttpMethod[] allowed = rejections.stream().map(MethodRejection::supported).distinct().toArray(HttpMethod[]::new);
    return Json.error(StatusCodes.METHOD_NOT_ALLOWED, "Method not allowed", cid).addHeader(Allow.create(allowed));
  }

  private static HttpResponse asJson(HttpResponse response, String cid) {
    if (response.entity() instanceof HttpEntity.Strict strict
        && !strict.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
      return Json.error(response.status(), firstLine(strict.getData().utf8String()), cid).withHeaders(response.getHeaders());
    }
    return response;
  }

  private static String firstLine(String text) {
    String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
