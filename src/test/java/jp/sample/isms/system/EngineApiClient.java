package jp.sample.isms.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.support.DemoOrganisation;

/**
 * Both engine REST roots as an attacker uses them: paths are sent exactly as spelled (path parameters, encodings,
 * doubled slashes kept), on {@code /engine-rest} with HTTP Basic or on {@code /camunda/api/engine/engine/default}
 * with a Tasklist login session and its CSRF token.
 */
final class EngineApiClient {

  static final String PASSWORD = DemoOrganisation.PASSWORD;
  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP = "/camunda/api/engine/engine/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One answer. */
  record Answer(int status, String body) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + (body == null ? "" : body.substring(0, Math.min(200, body.length())));
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final ApiLogin authentication;
  private final Map<String, Session> sessions = new LinkedHashMap<>();

  EngineApiClient(String base) {
    this(base, ApiLogin.BASIC);
  }

  EngineApiClient(String base, ApiLogin authentication) {
    this.base = base;
    this.authentication = authentication;
  }

  /** A call in the user's webapp session with its CSRF token, at any path (the webapps' own APIs). */
  Answer inSession(String user, String method, String path, Object body) {
    return exchange(true, user, method, path, body, "application/json");
  }

  /** A call below {@code root}: {@link #WEBAPP} in the user's webapp session, any other with the API login. */
  Answer call(String root, String user, String method, String path, Object body) {
    return call(root, user, method, path, body, "application/json");
  }

  Answer call(String root, String user, String method, String path, Object body, String contentType) {
    return exchange(root.equals(WEBAPP), user, method, root + path, body, contentType);
  }

  private Answer exchange(boolean inSession, String user, String method, String path, Object body,
      String contentType) {
    String text;
    try {
      text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
        .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    if (text != null) {
      request.header("Content-Type", contentType);
    }
    Session session = null;
    if (inSession) {
      session = sessions.computeIfAbsent(user, this::login);
      session.sign(request);
    } else {
      request.header("Authorization", authentication.authorization(user));
    }
    Answer answer = send(request, session);
    if (inSession && answer.status() == 401) {
      // a refusal never ends the session: an answer counted as a refusal is always that of a signed-in session
      throw new IllegalStateException("the webapp session of " + user + " (" + authentication + ") ended before "
          + method + " " + path + ", after " + lastCall.get(user) + ": " + answer);
    }
    if (inSession) {
      lastCall.put(user, method + " " + path + " → " + answer.status());
    }
    return answer;
  }

  private final Map<String, String> lastCall = new LinkedHashMap<>();

  /** The users with a webapp session in this client. */
  java.util.Set<String> sessionUsers() {
    return java.util.Set.copyOf(sessions.keySet());
  }

  private Answer send(HttpRequest.Builder request, Session session) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (session != null && response.headers().firstValue("X-XSRF-TOKEN").orElse("").equals("Required")) {
        // the webapps' CSRF check refused the call (and ended the session): a mistake of this client, not a refusal
        throw new IllegalStateException("a webapp call without the session's CSRF token: " + response.uri());
      }
      if (session != null) {
        // as a browser: a new session id or CSRF token of the answer is used from then on
        session.remember(response);
      }
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Logs in to Tasklist as its login page does (or through the IdP, {@link ApiLogin#session}) and keeps the cookies
   * and the CSRF token.
   */
  private Session login(String user) {
    Session session = new Session();
    Map<String, String> signedIn = authentication.session(base, user);
    try {
      if (signedIn != null) {
        session.cookies.putAll(signedIn);
        // the webapps handed out the CSRF token as a cookie while the browser signed in; the browser's webapps send it
        // back as X-XSRF-TOKEN
        session.csrfToken = signedIn.get("XSRF-TOKEN");
      } else {
        formLogin(session, user);
      }
      // the webapps hand out the CSRF token of the new session on the next GET
      HttpRequest.Builder token = HttpRequest.newBuilder(URI.create(base + WEBAPP.replace("/engine/default", "")
          + "/engine")).GET();
      session.sign(token);
      session.remember(http.send(token.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return session;
  }

  private void formLogin(Session session, String user) throws IOException, InterruptedException {
      session.remember(http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/welcome/default/")).GET()
          .build(), HttpResponse.BodyHandlers.ofString()));
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
      HttpRequest.Builder login = HttpRequest.newBuilder(URI.create(base
          + "/camunda/api/admin/auth/user/default/login/tasklist")).header("Content-Type",
              "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
      session.sign(login);
      HttpResponse<String> answer = http.send(login.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("login of " + user + ": " + answer.statusCode() + " " + answer.body());
      }
      session.remember(answer);
  }

  private static final class Session {
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;

    void sign(HttpRequest.Builder request) {
      if (!cookies.isEmpty()) {
        request.header("Cookie", String.join("; ", cookies.entrySet().stream()
            .map(c -> c.getKey() + "=" + c.getValue()).toList()));
      }
      if (csrfToken != null) {
        request.header("X-XSRF-TOKEN", csrfToken);
      }
    }

    void remember(HttpResponse<?> response) {
      List<String> setCookies = response.headers().allValues("Set-Cookie");
      for (String setCookie : setCookies) {
        String[] pair = setCookie.split(";", 2)[0].split("=", 2);
        cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
        if (pair[0].equals("XSRF-TOKEN")) {
          csrfToken = pair[1];
        }
      }
      // "Required" is the webapps' answer to a call without a token, not a token
      response.headers().firstValue("X-XSRF-TOKEN").filter(t -> !t.isBlank() && !t.equals("Required"))
          .ifPresent(t -> csrfToken = t);
    }
  }
}
