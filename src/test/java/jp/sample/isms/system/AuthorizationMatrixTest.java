package jp.sample.isms.system;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/** {@link AuthorizationMatrix} with the product's own passwords: HTTP Basic and the webapps' login form, on H2. */
@IsmsSpringBootTest
class AuthorizationMatrixTest extends AuthorizationMatrix {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine processEngine;

  private final Map<String, WebappSession> sessions = new HashMap<>();

  @BeforeEach
  void noSessionYet() {
    sessions.clear();
  }

  @Override
  ProcessEngine engine() {
    return processEngine;
  }

  @Override
  EngineApiClient.Answer api(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return answer(rest.withBasicAuth(user, DemoOrganisation.PASSWORD).exchange(path, method, new HttpEntity<>(body, headers),
        String.class));
  }

  @Override
  EngineApiClient.Answer webapp(String user, HttpMethod method, String path, Object body) {
    WebappSession session = sessions.computeIfAbsent(user, u -> {
      WebappSession signedIn = new WebappSession(rest);
      signedIn.login(u, DemoOrganisation.PASSWORD, "tasklist");
      return signedIn;
    });
    return answer(session.exchange(method, path, body));
  }

  private static EngineApiClient.Answer answer(ResponseEntity<String> response) {
    return new EngineApiClient.Answer(response.getStatusCode().value(), response.getBody());
  }
}
