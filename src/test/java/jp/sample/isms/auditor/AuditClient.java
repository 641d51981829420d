package jp.sample.isms.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.support.DemoOrganisation;

/** Calls the auditor endpoints as a demo user over HTTP Basic, as the audit pages do. */
public final class AuditClient {

  public static final String PASSWORD = DemoOrganisation.PASSWORD;

  private final TestRestTemplate rest;
  private final ObjectMapper json = new ObjectMapper();

  public AuditClient(TestRestTemplate rest) {
    this.rest = rest;
  }

  public ResponseEntity<String> call(String user, String url) {
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, PASSWORD);
    return client.getForEntity(url, String.class);
  }

  public ResponseEntity<byte[]> bytes(String user, String url) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity(url, byte[].class);
  }

  /** The JSON answer of a call that must succeed. */
  public JsonNode get(String user, String url) {
    ResponseEntity<String> response = call(user, url);
    assertThat(response.getStatusCode()).as(url + " → " + response.getBody()).isEqualTo(HttpStatus.OK);
    return read(response.getBody());
  }

  public JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
