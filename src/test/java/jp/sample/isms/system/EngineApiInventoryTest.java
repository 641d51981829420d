package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The engine REST API's own endpoint list (the OpenAPI document of camunda-engine-rest-openapi) against the product's
 * edge: every operation is either allowed on purpose ({@link EngineApiAllowList}, with its reason) or refused on
 * purpose ({@code engine-api-refused.txt}, with its reason) — an operation that a new engine version adds fails here
 * until it is placed. Every refused operation is called, with real ids, on both roots, as an employee, an approver, a
 * process owner who is not an administrator and the auditor: 403 each time, and nothing changed.
 */
@IsmsSpringBootTest
class EngineApiInventoryTest {

  static final List<String> NON_ADMINISTRATORS = List.of(DemoOrganisation.DESIGN_EMPLOYEE,
      DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.PRESIDENT, DemoOrganisation.PRODUCTION_CHIEF);
  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "options", "head", "patch");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

  record Op(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @Autowired
  ProcessEngine engine;
  @Autowired
  FilterService filterService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate rest;
  @LocalServerPort
  int port;

  ProcessInstance request;
  Map<String, String> ids;

  @BeforeEach
  void katosRequestWaitsForSuzuki() {
    request = new Requests(engine).file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE));
    ids = ids(engine, request);
  }

  /** Real ids of kato's request waiting for suzuki, per path segment of the API. */
  static Map<String, String> ids(ProcessEngine engine, ProcessInstance request) {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).singleResult().getId();
    String deployment = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionId(request.getProcessDefinitionId()).singleResult().getDeploymentId();
    return Map.of("task", task, "process-instance", request.getId(), "execution", request.getId(),
        "process-definition", request.getProcessDefinitionId(), "deployment", deployment,
        "resources", engine.getRepositoryService().getDeploymentResources(deployment).get(0).getId(),
        "filter", engine.getFilterService().createTaskFilterQuery().filterOwner(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).singleResult().getId(),
        "user", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "group", "president",
        "decision-definition", engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list()
            .get(0).getId());
  }

  static List<Op> openApi() throws IOException {
    try (InputStream in = EngineApiInventoryTest.class.getResourceAsStream("/openapi.json")) {
      assertThat(in).as("openapi.json of camunda-engine-rest-openapi on the test class path").isNotNull();
      JsonNode paths = new ObjectMapper().readTree(in).get("paths");
      List<Op> operations = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        path.getValue().fieldNames().forEachRemaining(method -> {
          if (METHODS.contains(method)) {
            operations.add(new Op(method.toUpperCase(), path.getKey()));
          }
        });
      }
      return operations;
    }
  }

  /** The refused catalogue: operation → reason. */
  static Map<Op, String> refused() throws IOException {
    Map<Op, String> refused = new LinkedHashMap<>();
    try (InputStream in = EngineApiInventoryTest.class.getResourceAsStream("/engine-api-refused.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split(" \\| ", 2);
        String[] operation = parts[0].split(" ", 2);
        assertThat(refused.put(new Op(operation[0], operation[1]), parts.length > 1 ? parts[1].strip() : ""))
            .as("listed twice: " + parts[0]).isNull();
      }
    }
    return refused;
  }

  static Map<Op, EngineApiAllowList.Operation> allowed() {
    Map<Op, EngineApiAllowList.Operation> allowed = new LinkedHashMap<>();
    for (EngineApiAllowList.Operation operation : EngineApiAllowList.OPERATIONS) {
      assertThat(allowed.put(new Op(operation.method(), operation.path()), operation)).as("allowed twice: "
          + operation).isNull();
    }
    return allowed;
  }

  @Test
  void everyOperationOfTheEngineIsAllowedOrRefusedOnPurpose() throws IOException {
    List<Op> operations = openApi();
    Map<Op, String> refused = refused();
    Map<Op, EngineApiAllowList.Operation> allowed = allowed();
    List<String> unplaced = new ArrayList<>();
    for (Op operation : operations) {
      boolean isAllowed = allowed.containsKey(operation);
      boolean isRefused = refused.containsKey(operation);
      if (isAllowed == isRefused) {
        unplaced.add(operation + (isAllowed ? " (allowed and refused)" : " (neither allowed nor refused)"));
      }
    }
    assertThat(unplaced).as("operations of the engine REST API").isEmpty();
    assertThat(operations).containsAll(allowed.keySet()).containsAll(refused.keySet());
    assertThat(refused.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    assertThat(allowed.values()).allSatisfy(operation -> assertThat(operation.why()).isNotBlank());
    System.out.printf("engine API inventory: %d operations, %d allowed, %d refused%n", operations.size(),
        allowed.size(), refused.size());
  }

  @Test
  void aPlaceholderNeverStandsForAWordOfTheApi() throws IOException {
    Set<String> literals = new TreeSet<>();
    for (Op operation : openApi()) {
      for (String segment : operation.path().substring(1).split("/")) {
        if (!segment.startsWith("{")) {
          literals.add(segment);
        }
      }
    }
    assertThat(EngineApiAllowList.RESERVED).containsAll(literals);
    // /process-definition/{id} is allowed; its literal sibling is not
    assertThat(EngineApiAllowList.find("GET", List.of("process-definition", "statistics"))).isEmpty();
    assertThat(EngineApiAllowList.find("GET", List.of("task", "count"))).get()
        .extracting(EngineApiAllowList.Operation::path).isEqualTo("/task/count");
  }

  @Test
  void aFlowKeyMayBeAWordOfTheApiSinceNoPathHasALiteralWhereAKeyStands() throws IOException {
    for (Op operation : openApi()) {
      List<String> segments = List.of(operation.path().substring(1).split("/"));
      for (int i = 0; i + 1 < segments.size(); i++) {
        if (segments.get(i).equals("key")) {
          assertThat(segments.get(i + 1)).as(operation.path()).isEqualTo("{key}");
        }
      }
    }
    // the flow incident is filed by its key like every other
    assertThat(EngineApiAllowList.find("POST", List.of("process-definition", "key", "incident", "submit-form")))
        .get().extracting(EngineApiAllowList.Operation::path).isEqualTo("/process-definition/key/{key}/submit-form");
    assertThat(EngineApiAllowList.find("GET", List.of("process-definition", "incident"))).isEmpty();
  }

  @Test
  void everyRefusedOperationIsRefusedToEveryRoleOnBothRoots() throws IOException {
    everyRefusedOperationIsRefused(new EngineApiClient("http://localhost:" + port), jdbc, request, ids);
  }

  /** Every refused operation, as every non-administrator, on both roots: 403, and nothing changed. */
  static void everyRefusedOperationIsRefused(EngineApiClient client, JdbcTemplate jdbc, ProcessInstance request,
      Map<String, String> ids) throws IOException {
    EngineSurfaceState before = EngineSurfaceState.of(jdbc, request.getId(), request.getBusinessKey());
    List<Op> calls = new ArrayList<>(refused().keySet());
    List<String> notRefused = new ArrayList<>();
    int made = 0;
    for (String user : NON_ADMINISTRATORS) {
      for (String root : EngineSurfaceAttacks.ROOTS) {
        for (Op operation : calls) {
          EngineApiClient.Answer answer = client.call(root, user, operation.method(), concrete(operation.path(), ids),
              operation.method().equals("POST") || operation.method().equals("PUT") ? Map.of() : null);
          made++;
          if (answer.status() != 403) {
            notRefused.add(user + " " + root + " " + operation + " → " + answer);
          }
        }
      }
    }
    System.out.printf("engine API inventory: %d refused calls made%n", made);
    assertThat(notRefused).isEmpty();
    assertThat(EngineSurfaceState.of(jdbc, request.getId(), request.getBusinessKey())).isEqualTo(before);
  }

  @Test
  void whatIsForProcessOwnersIsRefusedToEveryoneElse() {
    processOwnersOperationsAreRefusedToEveryoneElse(new EngineApiClient("http://localhost:" + port), ids);
  }

  /** The process owners' reading operations: refused to an employee, an approver and the auditor, not to tanaka. */
  static void processOwnersOperationsAreRefusedToEveryoneElse(EngineApiClient client, Map<String, String> ids) {
    List<String> wrong = new ArrayList<>();
    for (EngineApiAllowList.Operation operation : EngineApiAllowList.OPERATIONS) {
      if (operation.audience() != EngineApiAllowList.Audience.PROCESS_OWNERS || !operation.method().equals("GET")) {
        continue;
      }
      for (String root : EngineSurfaceAttacks.ROOTS) {
        for (String user : List.of(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.DEVELOPMENT_HEAD,
            DemoOrganisation.PRODUCTION_CHIEF)) {
          EngineApiClient.Answer answer = client.call(root, user, "GET", concrete(operation.path(), ids), null);
          if (answer.status() != 403) {
            wrong.add(user + " " + root + " " + operation.path() + " → " + answer);
          }
        }
        EngineApiClient.Answer owner = client.call(root, DemoOrganisation.PROCESS_OWNER, "GET",
            concrete(operation.path(), ids), null);
        if (owner.status() == 403 || owner.status() >= 500) {
          wrong.add("tanaka " + root + " " + operation.path() + " → " + owner);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void noProcessOwnerDeploysDirectly() {
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions "
        + "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
        + "targetNamespace=\"http://example.com\"><bpmn:process id=\"deploymentProbe\" isExecutable=\"true\" "
        + "camunda:historyTimeToLive=\"1\"><bpmn:startEvent id=\"StartEvent_Probe\" /></bpmn:process>"
        + "</bpmn:definitions>";
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    for (String user : List.of(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.DEVELOPMENT_HEAD,
        DemoOrganisation.PRODUCTION_CHIEF)) {
      assertThat(deploy(user, bpmn).getStatusCode().value()).as(user).isEqualTo(403);
    }
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    // a process owner changes models only through an approved modelRevision (1.4), never by deploying directly
    ResponseEntity<String> owner = deploy(DemoOrganisation.PROCESS_OWNER, bpmn);
    assertThat(owner.getStatusCode().value()).as(owner.getBody()).isEqualTo(403);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  private ResponseEntity<String> deploy(String user, String bpmn) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "deploymentProbe");
    form.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "deploymentProbe.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, EngineApiClient.PASSWORD).postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(form, headers), String.class);
  }

  /**
   * The table of SECURITY.md, generated from the allow-list into target/engine-api-allow-list.md; where the security
   * documentation carries the table between its markers, it must be this one.
   */
  @Test
  void theSecurityDocumentationShowsTheAllowList() throws IOException {
    String table = table();
    Path generated = Path.of("target", "engine-api-allow-list.md");
    Files.createDirectories(generated.getParent());
    Files.writeString(generated, table, StandardCharsets.UTF_8);
    for (Path document : List.of(Path.of("SECURITY.md"), Path.of("docs", "security.md"))) {
      if (!Files.exists(document)) {
        continue;
      }
      String text = Files.readString(document, StandardCharsets.UTF_8);
      int start = text.indexOf(START);
      if (start >= 0) {
        int end = text.indexOf(END, start);
        assertThat(end).as(document + " closes the table with " + END).isPositive();
        assertThat(text.substring(start + START.length(), end).strip()).as(document + " (regenerate from "
            + generated + ")").isEqualTo(table.strip());
      }
    }
  }

  static final String START = "<!-- engine-api-allow-list:start -->";
  static final String END = "<!-- engine-api-allow-list:end -->";

  static String table() {
    StringBuilder table = new StringBuilder("| 操作 (operation) | 対象 (who) | 理由 (why) |\n| --- | --- | --- |\n");
    for (EngineApiAllowList.Operation operation : EngineApiAllowList.OPERATIONS) {
      String who = operation.audience().label + (operation.condition() == EngineApiAllowList.Condition.NONE ? ""
          : ", " + operation.condition().label);
      table.append("| `").append(operation.method()).append(' ').append(operation.path()).append("` | ").append(who)
          .append(" | ").append(operation.why().replace("|", "\\|")).append(" |\n");
    }
    return table.toString();
  }

  /** The template with plausible ids: the real task, request, flow, deployment, filter of kato's request. */
  static String concrete(String template, Map<String, String> ids) {
    StringBuilder path = new StringBuilder();
    String previous = "";
    for (String segment : template.substring(1).split("/")) {
      Matcher placeholder = PLACEHOLDER.matcher(segment);
      String value = !placeholder.matches() ? segment : switch (placeholder.group(1)) {
        case "id" -> ids.getOrDefault(previous, "x-1");
        case "key" -> "takeOut";
        case "resourceId" -> ids.get("resources");
        case "varName" -> "requester";
        case "tenant-id" -> "none";
        case "userId" -> DemoOrganisation.DESIGN_EMPLOYEE;
        case "groupId" -> "president";
        case "metrics-name" -> "activity-instance-start";
        case "messageName" -> "Message_ReturnReported";
        default -> "x-1";
      };
      path.append('/').append(value);
      previous = segment;
    }
    return path.toString();
  }
}
