package jp.sample.isms.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine REST API as a client sees it, with HTTP Basic and a hard time limit per call: every answer, or the lack
 * of one, is returned as a {@link Call} with its status and duration (status 0 = no answer: timeout, refused).
 */
public final class RestCalls {

  public static final String PASSWORD = DemoOrganisation.PASSWORD;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Duration timeout;

  public RestCalls(String base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
  }

  /** One answer: status 0 means none came (the exception is in {@code error}). */
  public record Call(int status, String retryAfter, JsonNode body, String text, long millis, String error) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  public Call get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Call post(String user, String path, Object body) {
    try {
      return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Files a take-out through the start form of the latest {@code takeOut}. */
  public Call fileTakeOut(String requester) {
    return post(requester, "/engine-rest/process-definition/key/takeOut/submit-form",
        variables(Requests.internalLaptopTakeOut(requester)));
  }

  /** The open approval task of the take-out as {@code user} sees it; null if the call failed or there is none. */
  public String openTask(String user, String processInstanceId, Call[] answer) {
    Call tasks = get(user, "/engine-rest/task?taskDefinitionKey=UserTask_ApproveTakeOut&processInstanceId="
        + processInstanceId);
    answer[0] = tasks;
    if (!tasks.ok() || tasks.body() == null || !tasks.body().isArray() || tasks.body().isEmpty()) {
      return null;
    }
    return tasks.body().get(0).get("id").asText();
  }

  public Call approve(String approver, String taskId) {
    return post(approver, "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("decision", Map.of("value", "APPROVED", "type", "String"))));
  }

  private Call send(String user, HttpRequest.Builder request) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    request.header("Authorization", "Basic " + credentials).header("Accept", "application/json").timeout(timeout);
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      long millis = (System.nanoTime() - t0) / 1_000_000;
      JsonNode body = null;
      try {
        body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
      } catch (IOException notJson) {
        // kept as text
      }
      return new Call(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), body,
          response.body(), millis, null);
    } catch (IOException e) {
      return new Call(0, null, null, null, (System.nanoTime() - t0) / 1_000_000, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Call(0, null, null, null, (System.nanoTime() - t0) / 1_000_000, e.toString());
    }
  }

  public static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    return Map.of("variables", variables);
  }
}
