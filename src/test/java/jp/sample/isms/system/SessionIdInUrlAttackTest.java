package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * A session id travels only in its HttpOnly cookie: a stolen or guessed id written into the URL ({@code ;jsessionid=},
 * the servlet container's URL rewriting) opens nobody's session, on the engine's root, the webapps' own API or the
 * product's API, and no page ever writes the session id into a link.
 */
@IsmsSpringBootTest
class SessionIdInUrlAttackTest {

  @Autowired
  TestRestTemplate rest;
  @LocalServerPort
  int port;

  private final HttpClient attacker = HttpClient.newHttpClient();

  @Test
  void aSessionIdInTheUrlOpensNoSession() throws Exception {
    WebappSession victim = new WebappSession(rest);
    assertThat(victim.login(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.PASSWORD, "tasklist").getStatusCode()
        .is2xxSuccessful()).isTrue();
    String sessionId = victim.cookie("JSESSIONID");
    assertThat(sessionId).isNotBlank();
    // the session itself works with its cookie
    assertThat(victim.get("/camunda/api/engine/engine/default/task").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(victim.get("/camunda/api/admin/auth/user/default").getBody())
        .contains(DemoOrganisation.DESIGN_EMPLOYEE);

    for (String path : List.of("/camunda/api/engine/engine/default/task", "/camunda/api/admin/auth/user/default",
        "/camunda/api/engine/engine/default/user/" + DemoOrganisation.DESIGN_EMPLOYEE + "/profile", "/api/my/requests",
        "/camunda/app/tasklist/default/")) {
      for (String spelling : List.of(";jsessionid=" + sessionId, ";JSESSIONID=" + sessionId,
          ";x;jsessionid=" + sessionId)) {
        String url = "http://localhost:" + port + insert(path, spelling);
        HttpResponse<String> answer = attacker.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s → %s", url, answer.body()).isNotEqualTo(200);
        assertThat(answer.body()).as(url).doesNotContain("\"userId\":\"" + DemoOrganisation.DESIGN_EMPLOYEE + "\"")
            .doesNotContain("\"id\":\"" + DemoOrganisation.DESIGN_EMPLOYEE + "\"");
      }
    }
    // the victim's session is still the victim's and still works
    assertThat(victim.get("/camunda/api/engine/engine/default/task").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void noPageWritesTheSessionIdIntoALink() throws Exception {
    for (String path : List.of("/camunda/app/welcome/default/", "/camunda/app/tasklist/default/", "/my/", "/audit/",
        "/design/", "/")) {
      HttpResponse<String> page = attacker.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.body()).as(path).doesNotContainIgnoringCase("jsessionid");
      assertThat(page.headers().firstValue("Location").orElse("")).as(path).doesNotContainIgnoringCase("jsessionid");
    }
  }

  /** {@code path} with {@code parameter} after its last segment (before a trailing slash). */
  private static String insert(String path, String parameter) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) + parameter + "/" : path + parameter;
  }
}
