package jp.sample.isms.installation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP calls with HTTP Basic as an installer's script or a person's browser makes them. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status, body text, and the body as JSON when it is. */
  record Answer(int status, String text) {

    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + text, e);
      }
    }
  }

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  Http(String base) {
    this.base = base;
  }

  Answer get(String user, String password, String path) {
    return send(user, password, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A Prometheus scrape: the text format, no login. */
  Answer scrape(String path) {
    return send(null, null, HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/plain").GET());
  }

  Answer post(String user, String password, String path, Object body) {
    return send(user, password, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** A file as the body, e.g. a CSV export ({@code text/csv}). */
  Answer postFile(String user, String password, String path, String contentType, byte[] content) {
    return send(user, password, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(content)));
  }

  Answer put(String user, String password, String path, Object body) {
    return send(user, password, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  private static String json(Object body) {
    try {
      return body == null ? "" : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer send(String user, String password, HttpRequest.Builder request) {
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    request.timeout(Duration.ofSeconds(60));
    if (request.build().headers().firstValue("Accept").isEmpty()) {
      request.header("Accept", "application/json");
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
