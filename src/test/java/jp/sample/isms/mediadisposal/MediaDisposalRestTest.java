package jp.sample.isms.mediadisposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.asset.InformationAssets;
import jp.sample.isms.support.DemoOrganisation;
import jp.sample.isms.support.MediaDisposalFixture;

/**
 * Attacks on the media disposal's use of the 情報資産管理台帳 through the engine REST API, as a script would make them:
 * each is answered 400 with the field and the clause, and nothing is started or written.
 */
@IsmsSpringBootTest
class MediaDisposalRestTest {

  private static final String PASSWORD = DemoOrganisation.PASSWORD;
  private static final String SUBMIT = "/engine-rest/process-definition/key/mediaDisposal/submit-form";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  HistoryService history;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  InformationAssets assets;

  private final ObjectMapper json = new ObjectMapper();

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type",
        value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : "String")));
    return Map.of("variables", variables);
  }

  private ResponseEntity<String> file(String user, Map<String, Object> values) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).exchange(SUBMIT, HttpMethod.POST,
        new HttpEntity<>(variables(values), headers), String.class);
  }

  private static Map<String, Object> usbDestruction(String assetIds) {
    return MediaDisposalFixture.usbDestruction(assetIds).quantity(1).build();
  }

  private long disposals() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(MediaDisposalProcess.KEY).count();
  }

  private int registerRows() {
    return jdbc.queryForObject("select count(*) from media_disposal_register", Integer.class);
  }

  private String message(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody()).get("message").asText();
  }

  @Test
  void aClassificationSentByTheRequesterIsRefusedAsAnUnknownField() throws Exception {
    long before = disposals();
    int rows = registerRows();
    // yamamoto declares her 極秘 drawings 公開, which would need no approval at all
    Map<String, Object> declared = usbDestruction(MediaDisposalProcessTest.SECRET_ASSET);
    declared.put("classification", "PUBLIC");
    ResponseEntity<String> response = file(DemoOrganisation.DESIGN_EMPLOYEE, declared);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(response)).contains("classification: このフォームにない項目です");
    assertThat(disposals()).isEqualTo(before);
    assertThat(registerRows()).isEqualTo(rows);
  }

  @Test
  void anAssetOutsideTheRequestersScopeIsRefusedWith314() throws Exception {
    long before = disposals();
    int rows = registerRows();
    // kobayashi (製造部) names 開発設計部's 極秘 drawings, whose user scope leaves him out
    ResponseEntity<String> response = file(DemoOrganisation.PRODUCTION_EMPLOYEE, usbDestruction(MediaDisposalProcessTest.SECRET_ASSET));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(response)).contains("3.1.4: 情報資産 IA-0002", "(assetIds)");
    // nor may he retire an asset of another department by declaring its last copy destroyed
    Map<String, Object> lastCopy = usbDestruction(MediaDisposalProcessTest.SECRET_ASSET);
    lastCopy.put("lastCopy", true);
    assertThat(file(DemoOrganisation.PRODUCTION_EMPLOYEE, lastCopy).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(disposals()).isEqualTo(before);
    assertThat(registerRows()).isEqualTo(rows);
    assertThat(assets.find(MediaDisposalProcessTest.SECRET_ASSET).orElseThrow().retired()).isFalse();
  }

  @Test
  void theRegistersDerivedValuesCannotBeSubmitted() throws Exception {
    long before = disposals();
    for (String field : new String[] {"assetsRegistered", "assetOwnerDepartment", "ownerRole", "assetSummary"}) {
      Map<String, Object> forged = usbDestruction(MediaDisposalProcessTest.INTERNAL_ASSET);
      forged.put(field, field.equals("assetsRegistered") ? (Object) Boolean.FALSE : "manufacturing");
      ResponseEntity<String> response = file(DemoOrganisation.DESIGN_EMPLOYEE, forged);
      assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(message(response)).contains(field + ": ");
    }
    assertThat(disposals()).isEqualTo(before);
  }
}
