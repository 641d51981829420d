package jp.sample.isms.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A browser-like session of the Camunda webapps: session cookie plus the CSRF token the webapps demand on POST. */
public final class WebappSession {

  private final TestRestTemplate rest;
  private final List<String> cookies = new ArrayList<>();
  private String csrfToken;

  public WebappSession(TestRestTemplate rest) {
    this.rest = rest;
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/welcome/default/", String.class);
    remember(page);
  }

  /** Logs in to one webapp, as the login page does. */
  public ResponseEntity<String> login(String user, String password, String app) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> response = rest.exchange("/camunda/api/admin/auth/user/default/login/" + app,
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    remember(response);
    return response;
  }

  public ResponseEntity<String> postJson(String path, String json) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers),
        String.class);
    remember(response);
    return response;
  }

  public ResponseEntity<String> get(String path) {
    ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
    remember(response);
    return response;
  }

  /** A JSON POST in the session, with the CSRF token or (to test the refusal) without. */
  public ResponseEntity<String> post(String path, Object body, boolean withCsrfToken) {
    HttpHeaders headers = headers();
    if (!withCsrfToken) {
      headers.remove("X-XSRF-TOKEN");
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
    remember(response);
    return response;
  }

  /** Any call with the session and its CSRF token. */
  public ResponseEntity<String> exchange(HttpMethod method, String path, Object body) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    remember(response);
    return response;
  }

  /** A multipart POST (a deployment) in the session, with its CSRF token. */
  public ResponseEntity<String> postMultipart(String path, Object body) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> response = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
    remember(response);
    return response;
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.put(HttpHeaders.COOKIE, List.of(String.join("; ", cookies)));
    if (csrfToken != null) {
      headers.set("X-XSRF-TOKEN", csrfToken);
    }
    return headers;
  }

  /** The value of one of the session's cookies (e.g. {@code JSESSIONID}), or null. */
  public String cookie(String name) {
    return cookies.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.split("=", 2)[1]).findFirst()
        .orElse(null);
  }

  private void remember(ResponseEntity<?> response) {
    List<String> setCookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (setCookies == null) {
      return;
    }
    for (String setCookie : setCookies) {
      String pair = setCookie.split(";", 2)[0];
      String name = pair.split("=", 2)[0];
      cookies.removeIf(c -> c.startsWith(name + "="));
      cookies.add(pair);
      if (name.equals("XSRF-TOKEN")) {
        csrfToken = pair.split("=", 2)[1];
      }
    }
    String header = response.getHeaders().getFirst("X-XSRF-TOKEN");
    if (header != null && !header.isBlank()) {
      csrfToken = header;
    }
  }
}
