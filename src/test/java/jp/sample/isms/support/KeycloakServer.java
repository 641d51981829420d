package jp.sample.isms.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real OpenID provider for the single sign-on tests: Keycloak's distribution from Maven Central (the test dependency
 * {@code org.keycloak:keycloak-quarkus-dist}, unpacked once into {@code target/keycloak/}), started in development mode
 * on an in-memory database with the demo realm of {@code keycloak/isms-realm.json} (the demo organisation: users,
 * groups, department and section claims), on the Java 25 runtime ({@code ISMS_KEYCLOAK_JAVA_HOME}, default
 * {@code /usr/lib/jvm/temurin-25-jdk-amd64}). One server per test class; {@link #close()} stops it.
 */
public final class KeycloakServer implements AutoCloseable {

  public static final String REALM = "isms";
  public static final String CLIENT_ID = "isms";
  public static final String CLIENT_SECRET = "isms-demo-secret";
  public static final String PASSWORD = "Demo-2026!";
  private static final String ADMIN_PASSWORD = "admin-" + java.util.UUID.randomUUID();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private KeycloakServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Keycloak with the demo realm, its redirect addresses pointing at the application on {@code appPort}. */
  public static KeycloakServer start(int appPort) {
    try {
      Path home = unpacked();
      Path imports = home.resolve("data/import");
      Files.createDirectories(imports);
      String realm = Files.readString(Path.of("keycloak/isms-realm.json"), StandardCharsets.UTF_8)
          .replace("http://localhost:8080/", "http://localhost:" + appPort + "/");
      Files.writeString(imports.resolve("isms-realm.json"), realm, StandardCharsets.UTF_8);
      int port = freePort();
      Path log = Path.of("target", "keycloak-" + port + ".log");
      ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
          "--http-port=" + port, "--http-management-port=" + freePort(), "--import-realm", "--db=dev-mem",
          "--cache=local", "--health-enabled=false", "--metrics-enabled=false")
          .redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("JAVA_HOME", javaHome());
      env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED -XX:TieredStopAtLevel=1");
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
      KeycloakServer server = new KeycloakServer(builder.start(), port);
      server.awaitRealm(log);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public String issuer() {
    return "http://localhost:" + port + "/realms/" + REALM;
  }

  /** An access token of the product's client for a person (the password grant of the token endpoint). */
  public String accessToken(String user) {
    return tokens(CLIENT_ID, CLIENT_SECRET, user).get("access_token").asText();
  }

  /** The token endpoint's answer for a person and a client; fails unless 200. */
  public JsonNode tokens(String clientId, String secret, String user) {
    HttpResponse<String> response = tokenRequest(clientId, secret, user);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
    }
    return read(response.body());
  }

  /** The token endpoint's raw answer (a disabled person gets 400 or 401). */
  public HttpResponse<String> tokenRequest(String clientId, String secret, String user) {
    return tokenRequestAt(issuer(), clientId, secret, user);
  }

  /**
   * An access token of the product's client, asked for under another address of the same Keycloak (development
   * mode names the address it was called under as the issuer): same keys, same audience, another {@code iss}.
   */
  public String accessTokenIssuedAs(String otherIssuer, String user) {
    HttpResponse<String> response = tokenRequestAt(otherIssuer, CLIENT_ID, CLIENT_SECRET, user);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
    }
    return read(response.body()).get("access_token").asText();
  }

  private HttpResponse<String> tokenRequestAt(String issuer, String clientId, String secret, String user) {
    return post(issuer + "/protocol/openid-connect/token", null, Map.of("grant_type", "password",
        "client_id", clientId, "client_secret", secret, "username", user, "password", PASSWORD, "scope", "openid"));
  }

  /**
   * Signs a person in to the application at {@code appBase} as a browser does, without one: opens Tasklist, follows
   * the redirect to the IdP's login page, posts its form, follows the redirects back (authorization code with PKCE).
   * Returns the application's session cookies (name → value); fails when the sign-in does not come back signed in.
   */
  public Map<String, String> signIn(String appBase, String user) {
    java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
    java.net.CookieHandler handler = new java.net.CookieHandler() {
      @Override
      public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
        return cookies.get(uri, headers);
      }

      @Override
      public void put(URI uri, Map<String, List<String>> headers) throws IOException {
        // Chromium sends Secure cookies to http://localhost (a secure context); Java's CookieManager would not
        Map<String, List<String>> plain = new java.util.HashMap<>();
        headers.forEach((name, values) -> plain.put(name, name != null && name.toLowerCase().startsWith("set-cookie")
            ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values));
        cookies.put(uri, plain);
      }
    };
    HttpClient browser = HttpClient.newBuilder().cookieHandler(handler).followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10)).build();
    try {
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(appBase
          + "/camunda/app/tasklist/default/")).header("Accept", "text/html").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      java.util.regex.Matcher form = java.util.regex.Pattern
          .compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
      if (!page.uri().toString().startsWith(issuer()) || !form.find()) {
        throw new IllegalStateException("no login page of the IdP for " + user + ": " + page.statusCode() + " "
            + page.uri());
      }
      String body = Map.of("username", user, "password", PASSWORD, "credentialId", "").entrySet().stream()
          .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
          .build(), HttpResponse.BodyHandlers.ofString());
      if (!back.uri().toString().startsWith(appBase) || back.statusCode() != 200) {
        throw new IllegalStateException("the sign-in of " + user + " did not come back: " + back.statusCode() + " "
            + back.uri());
      }
      Map<String, String> session = new java.util.LinkedHashMap<>();
      for (java.net.HttpCookie cookie : cookies.getCookieStore().get(URI.create(appBase + "/camunda/"))) {
        if (cookie.getName().equals("JSESSIONID") || cookie.getName().equals("XSRF-TOKEN")) {
          session.put(cookie.getName(), cookie.getValue());
        }
      }
      if (!session.containsKey("JSESSIONID")) {
        throw new IllegalStateException("no session cookie after the sign-in of " + user);
      }
      return session;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Deletes a person at the IdP and creates an account of the same user name again (a new subject). */
  public void recreate(String user) {
    String id = userId(user);
    send(HttpRequest.newBuilder(URI.create(admin() + "/users/" + id)).header("Authorization", "Bearer " + adminToken())
        .DELETE().build(), 204);
    send(HttpRequest.newBuilder(URI.create(admin() + "/users")).header("Authorization", "Bearer " + adminToken())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\""
            + user + "\",\"enabled\":true,\"emailVerified\":true,\"firstName\":\"成り済まし\","
            + "\"lastName\":\"別人\",\"email\":\"" + user + ".new@sample-printing.example\","
            + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + PASSWORD
            + "\",\"temporary\":false}]}")).build(), 201);
  }

  /** The subject ({@code sub}) of a person's IdP account. */
  public String subject(String user) {
    return userId(user);
  }

  /** Disables or enables a person at the IdP (its admin API). */
  public void setEnabled(String user, boolean enabled) {
    String id = userId(user);
    send(HttpRequest.newBuilder(URI.create(admin() + "/users/" + id))
        .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}")).build(), 204);
  }

  /** The realm's access token lifespan in seconds (an expired token in seconds rather than minutes). */
  public void setAccessTokenLifespan(int seconds) {
    send(HttpRequest.newBuilder(URI.create(admin()))
        .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"accessTokenLifespan\":" + seconds + "}")).build(), 204);
  }

  private String userId(String user) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(admin() + "/users?exact=true&username="
        + URLEncoder.encode(user, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + adminToken())
        .GET().build(), 200);
    return read(response.body()).get(0).get("id").asText();
  }

  private String admin() {
    return "http://localhost:" + port + "/admin/realms/" + REALM;
  }

  private String adminToken() {
    HttpResponse<String> response = post("http://localhost:" + port + "/realms/master/protocol/openid-connect/token",
        null, Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password",
            ADMIN_PASSWORD));
    return read(response.body()).get("access_token").asText();
  }

  private HttpResponse<String> post(String url, String bearer, Map<String, String> form) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"))));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request.build(), -1);
  }

  private HttpResponse<String> send(HttpRequest request, int expected) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (expected > 0 && response.statusCode() != expected) {
        throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitRealm(Path log) {
    // a loaded machine needs minutes for the first start (Quarkus' build step); isms.keycloak.start-minutes
    long deadline = System.currentTimeMillis()
        + Duration.ofMinutes(Long.getLong("isms.keycloak.start-minutes", 10)).toMillis();
    HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak stopped; see " + log.toAbsolutePath());
      }
      try {
        if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException("Keycloak did not start in time (isms.keycloak.start-minutes); see "
        + log.toAbsolutePath());
  }

  /** target/keycloak/keycloak-&lt;version&gt;, unpacked from the local Maven repository once. */
  private static synchronized Path unpacked() throws IOException {
    Path zip = Path.of(System.getProperty("isms.keycloak.zip", ""));
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException("the Keycloak distribution is not in the local Maven repository: " + zip
          + " (run the tests through Maven: ./mvnw verify -Dit.groups=sso ...)");
    }
    Path target = Path.of("target", "keycloak");
    String name = zip.getFileName().toString().replace("keycloak-quarkus-dist-", "keycloak-").replace(".zip", "");
    Path home = target.resolve(name);
    if (Files.isRegularFile(home.resolve("bin/kc.sh")) && Files.exists(home.resolve(".unpacked"))) {
      return home;
    }
    Files.createDirectories(target);
    try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
        Path file = target.resolve(entry.getName()).normalize();
        if (!file.startsWith(target)) {
          throw new IOException("entry outside the target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(file);
        } else {
          Files.createDirectories(file.getParent());
          Files.copy(entries, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.writeString(home.resolve(".unpacked"), "");
    return home;
  }

  /** ISMS_KEYCLOAK_JAVA_HOME, else the Java 25 runtime of the machine, else the runtime of the tests. */
  private static String javaHome() {
    String configured = System.getenv("ISMS_KEYCLOAK_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    Path temurin = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    return Files.isDirectory(temurin) ? temurin.toString() : System.getProperty("java.home");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A free port for the application (its address is in the realm's redirect URIs). */
  public static int freeApplicationPort() {
    try {
      return freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
