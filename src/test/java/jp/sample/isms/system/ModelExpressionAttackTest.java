package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.SimpleBindings;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Models cannot run code: every hostile expression of the corpus is refused at deployment wherever a model can hold an
 * expression (BPMN attributes and texts, DMN tables), over the Java API and both REST roots, nothing is deployed and
 * nothing happens; and the engine itself refuses such an expression when one is evaluated directly.
 */
@IsmsSpringBootTest
class ModelExpressionAttackTest {

  static final String PROBE = "expressionProbe";

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;

  /** A place in a BPMN model where the engine evaluates an expression: the element id and the model around it. */
  record Placement(String elementId, String template, String harmless) {
    String with(String expression) {
      return bpmn(template).replace("EXPR", xml(expression));
    }

    @Override
    public String toString() {
      return elementId;
    }
  }

  static List<Placement> placements() {
    String userTask = "<bpmn:userTask id=\"%s\" name=\"確認する\" %s>%s</bpmn:userTask>"
        + "<bpmn:sequenceFlow id=\"SequenceFlow_ToEnd\" sourceRef=\"%1$s\" targetRef=\"EndEvent_Probe\" />";
    return List.of(
        new Placement("ServiceTask_Expression", "<bpmn:serviceTask id=\"ServiceTask_Expression\" "
            + "camunda:expression=\"EXPR\" />" + toEnd("ServiceTask_Expression"), "${requester}"),
        new Placement("ServiceTask_Delegate", "<bpmn:serviceTask id=\"ServiceTask_Delegate\" "
            + "camunda:delegateExpression=\"EXPR\" />" + toEnd("ServiceTask_Delegate"), "${recordTakeOutDelegate}"),
        new Placement("SequenceFlow_Condition", "<bpmn:exclusiveGateway id=\"Gateway_Probe\" "
            + "default=\"SequenceFlow_Default\" /><bpmn:sequenceFlow id=\"SequenceFlow_Condition\" "
            + "sourceRef=\"Gateway_Probe\" targetRef=\"EndEvent_Probe\"><bpmn:conditionExpression "
            + "xsi:type=\"bpmn:tFormalExpression\">EXPR</bpmn:conditionExpression></bpmn:sequenceFlow>"
            + "<bpmn:sequenceFlow id=\"SequenceFlow_Default\" sourceRef=\"Gateway_Probe\" targetRef=\"EndEvent_Probe\" />",
            "${decision == 'APPROVED'}"),
        new Placement("UserTask_ExecutionListener", userTask.formatted("UserTask_ExecutionListener", "",
            "<bpmn:extensionElements><camunda:executionListener expression=\"EXPR\" event=\"start\" />"
                + "</bpmn:extensionElements>"), "${requester}"),
        new Placement("UserTask_TaskListener", userTask.formatted("UserTask_TaskListener", "",
            "<bpmn:extensionElements><camunda:taskListener delegateExpression=\"EXPR\" event=\"create\" />"
                + "</bpmn:extensionElements>"), "${recordTakeOutDelegate}"),
        new Placement("UserTask_CandidateGroups", userTask.formatted("UserTask_CandidateGroups",
            "camunda:candidateGroups=\"EXPR\"", ""), "${approvalRouting.candidateGroups(execution, 'PRESIDENT')}"),
        new Placement("UserTask_Assignee", userTask.formatted("UserTask_Assignee",
            "camunda:assignee=\"EXPR\" camunda:candidateUsers=\"EXPR\"", ""), "${requester}"),
        new Placement("UserTask_Dates", userTask.formatted("UserTask_Dates",
            "camunda:dueDate=\"EXPR\" camunda:followUpDate=\"EXPR\" camunda:priority=\"EXPR\"", ""),
            "${dateTime().plusDays(3).toDate()}"),
        new Placement("UserTask_FormKey", userTask.formatted("UserTask_FormKey", "camunda:formKey=\"EXPR\"", ""),
            "${requester}"),
        new Placement("UserTask_Named", userTask.formatted("UserTask_Named", "",
            "<bpmn:documentation>EXPR</bpmn:documentation>"), "${requester}"),
        new Placement("UserTask_MultiInstance", userTask.formatted("UserTask_MultiInstance", "",
            "<bpmn:multiInstanceLoopCharacteristics camunda:collection=\"EXPR\" camunda:elementVariable=\"item\">"
                + "<bpmn:completionCondition xsi:type=\"bpmn:tFormalExpression\">EXPR</bpmn:completionCondition>"
                + "</bpmn:multiInstanceLoopCharacteristics>"), "${items}"),
        new Placement("UserTask_InputOutput", userTask.formatted("UserTask_InputOutput", "",
            "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"single\">EXPR"
                + "</camunda:inputParameter><camunda:inputParameter name=\"list\"><camunda:list><camunda:value>EXPR"
                + "</camunda:value></camunda:list></camunda:inputParameter><camunda:outputParameter name=\"map\">"
                + "<camunda:map><camunda:entry key=\"k\">EXPR</camunda:entry></camunda:map>"
                + "</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements>"), "${requester}"),
        new Placement("ServiceTask_Field", "<bpmn:serviceTask id=\"ServiceTask_Field\" "
            + "camunda:delegateExpression=\"${recordTakeOutDelegate}\"><bpmn:extensionElements>"
            + "<camunda:field name=\"probe\"><camunda:expression>EXPR</camunda:expression></camunda:field>"
            + "</bpmn:extensionElements></bpmn:serviceTask>" + toEnd("ServiceTask_Field"), "${requester}"),
        new Placement("CallActivity_Probe", "<bpmn:callActivity id=\"CallActivity_Probe\" calledElement=\"EXPR\">"
            + "<bpmn:extensionElements><camunda:in sourceExpression=\"EXPR\" target=\"x\" />"
            + "<camunda:out sourceExpression=\"EXPR\" target=\"y\" /></bpmn:extensionElements></bpmn:callActivity>"
            + toEnd("CallActivity_Probe"), "${requester}"),
        new Placement("BoundaryEvent_Timer", userTask.formatted("UserTask_Timed", "", "")
            + "<bpmn:boundaryEvent id=\"BoundaryEvent_Timer\" attachedToRef=\"UserTask_Timed\">"
            + "<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">EXPR"
            + "</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>", "${returnDueAt}"),
        new Placement("Message_Probe", "<bpmn:intermediateCatchEvent id=\"IntermediateCatchEvent_Message\">"
            + "<bpmn:messageEventDefinition messageRef=\"Message_Probe\" /></bpmn:intermediateCatchEvent>"
            + toEnd("IntermediateCatchEvent_Message"), "${requester}"),
        new Placement("Error_Probe", "<bpmn:endEvent id=\"EndEvent_Error\"><bpmn:errorEventDefinition "
            + "errorRef=\"Error_Probe\" /></bpmn:endEvent>", "${requester}"));
  }

  static Stream<String> hostile() {
    return ExpressionGrammarTest.hostileExpressions().stream();
  }

  @AfterEach
  void nothingWasDeployed() {
    assertThat(repositoryService.createDeploymentQuery().deploymentName(PROBE).count()).isZero();
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void aHostileExpressionIsRefusedWhereverItIs(String expression) {
    for (Placement placement : placements()) {
      assertThatThrownBy(() -> deploy(PROBE + ".bpmn", placement.with(expression)))
          .as("%s in %s", expression, placement).isInstanceOf(BadUserRequestException.class)
          .hasMessageStartingWith("モデルに許可されていない式があります")
          .hasMessageContaining(placement.elementId())
          .hasMessageContaining(expression.strip().substring(0, Math.min(40, expression.strip().length())));
    }
  }

  @Test
  void everyPlacementDeploysWithAnAllowedExpression() {
    // the same models with an allowed expression deploy: the refusals above are the expression's, not the model's
    for (Placement placement : placements()) {
      Deployment deployment = repositoryService.createDeployment().name("allowedProbe")
          .addString(PROBE + ".bpmn", placement.with(placement.harmless())).deploy();
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void anExpressionHiddenByXmlCharacterReferencesIsRefused() {
    String hidden = bpmn("<bpmn:serviceTask id=\"ServiceTask_Hidden\" camunda:expression=\"&#36;{execution"
        + "&#x2E;getProcessEngineServices()}\" />" + toEnd("ServiceTask_Hidden"));
    assertThatThrownBy(() -> deploy(PROBE + ".bpmn", hidden)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("${execution.getProcessEngineServices()}");
    String doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"${execution.getProcessEngineServices()}\">]>"
        + bpmn("<bpmn:serviceTask id=\"ServiceTask_Entity\" camunda:expression=\"&e;\" />"
            + toEnd("ServiceTask_Entity")).replaceFirst("<\\?xml[^>]*>", "");
    assertThatThrownBy(() -> deploy(PROBE + ".bpmn", doctype)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\" expressionLanguage=\"javascript\">"
          + "<text>java.lang.Runtime.getRuntime().exec('id')</text></inputExpression>|INPUT|\"A\"|\"B\"",
      "<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\" expressionLanguage=\"groovy\">"
          + "<text>'id'.execute()</text></inputExpression>|INPUT|\"A\"|\"B\"",
      "<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\" expressionLanguage=\"python\">"
          + "<text>__import__('os').system('id')</text></inputExpression>|INPUT|\"A\"|\"B\"",
      "<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\"><text>x.getClass()</text></inputExpression>"
          + "|INPUT|\"A\"|\"B\"",
      "<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\" expressionLanguage=\"juel\">"
          + "<text>${''.getClass()}</text></inputExpression>|INPUT|\"A\"|\"B\"",
      "<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\"><text>x</text></inputExpression>"
          + "|INPUT|function(x) external {java: {class: \"java.lang.Runtime\", method signature: \"getRuntime()\"}}"
          + "|\"B\"",
      "<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\"><text>x</text></inputExpression>"
          + "|INPUT|\"A\"|function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}}",
      "<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\"><text>x</text></inputExpression>"
          + "|INPUT EXPRESSIONLANGUAGE|\"A\"|\"B\"",
      "<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\"><text>x</text></inputExpression>"
          + "|INPUT|\"A\"|\"${execution.getProcessEngineServices()}\""})
  void aHostileDecisionTableIsRefused(String parts) {
    String[] part = parts.split("\\|");
    String inputEntryLanguage = part[1].contains("EXPRESSIONLANGUAGE") ? " expressionLanguage=\"javascript\"" : "";
    String dmn = dmn(part[0], inputEntryLanguage, xml(part[2]), xml(part[3]));
    assertThatThrownBy(() -> deploy(PROBE + ".dmn", dmn)).as(parts).isInstanceOf(BadUserRequestException.class)
        .hasMessageStartingWith("モデルに許可されていない式があります");
  }

  @Test
  void aDecisionTableInTheProductsFormDeploys() {
    Deployment deployment = repositoryService.createDeployment().name("allowedProbe").addString(PROBE + ".dmn",
        dmn("<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\"><text>x</text></inputExpression>", "",
            "\"A\",\"C\"", "\"B\"")).deploy();
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  @Test
  void cmmnIsRefused() {
    assertThatThrownBy(() -> deploy(PROBE + ".cmmn", "<definitions xmlns=\"http://www.omg.org/spec/CMMN/20151109/MODEL\" />"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("CMMN");
  }

  @Test
  void theProductsModelsPassTheCheck() throws IOException {
    ModelExpressionCheck check = new ModelExpressionCheck(() -> new ExpressionGrammar(
        ((SecurityExtensions.ExpressionBeans) configuration().getBeans()).callables()));
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      models = files.sorted().toList();
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(15);
    for (Path model : models) {
      check.check(model.getFileName().toString(), Files.readAllBytes(model));
    }
  }

  @Test
  void theEngineRefusesHostileExpressionsEvenWhenAModelGotPastTheCheck() {
    // an instance waiting for a message, whose name the harmless expression gave
    Placement waiting = placements().stream().filter(p -> p.elementId().equals("Message_Probe")).findFirst().get();
    Deployment deployment = repositoryService.createDeployment().name("allowedProbe").addString(PROBE + ".bpmn",
        waiting.with(waiting.harmless())).deploy();
    try {
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE,
          Variables.putValue("probe", "値").putValue("requester", DemoOrganisation.DESIGN_EMPLOYEE));
      // what the grammar allows evaluates
      assertThat(evaluate(instance, "${execution.getVariable('probe')}")).isEqualTo("値");
      assertThat(evaluate(instance, "${probe == '値' && !empty requester}")).isEqualTo(true);
      assertThat(evaluate(instance, "${dateTime().plusDays(1).toDate()}")).isInstanceOf(java.util.Date.class);
      assertThat(evaluate(instance, "${registerTakeOutDelegate}")).isNotNull();
      // and nothing else: no method on other objects, no property
      for (String hostile : List.of("${execution.getProcessEngineServices()}", "${''.getClass()}",
          "${probe.getClass().forName('java.lang.Runtime')}", "${execution.processEngineServices}",
          "${execution.setVariable('requester', 'tanaka')}", "${approvalRouting.route(null, 'tanaka', null)}",
          "${dateTime().getClass()}", "${execution.getVariable('probe').getClass()}",
          "${execution['processEngineServices']}")) {
        assertThatThrownBy(() -> evaluate(instance, hostile)).as(hostile).hasMessageContaining("モデルの式");
      }
      // no bean outside the list, no mock beans
      for (String hostile : List.of("${organisationService}", "${identityService}", "${processEngine}",
          "${jdbcTemplate}")) {
        assertThatThrownBy(() -> evaluate(instance, hostile)).as(hostile)
            .hasMessageContaining("Cannot resolve identifier");
      }
      // the step start values may not overwrite the kernel's variables
      assertThatThrownBy(() -> evaluate(instance, "${stepStartValues.set(execution, 'requester', 'tanaka')}"))
          .hasStackTraceContaining("申請の基本情報はモデルから設定できません");
      assertThat(engine.getRuntimeService().getVariable(instance.getId(),
          "requester")).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theEnginesDecisionEngineRunsNoScriptNoJavaCallAndNoReflection() {
    DmnEngine dmnEngine = configuration().getDmnEngine();
    Map<String, Object> variables = Map.of("x", "A");
    // the product's kind of table evaluates
    assertThat(evaluate(dmnEngine, dmn("<inputExpression id=\"InputExpression_Probe\" "
        + "typeRef=\"string\"><text>x</text></inputExpression>", "", "\"A\"", "\"B\""), variables)).isEqualTo("B");
    Map<String, String> refusals = Map.of(
        dmn("<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\" expressionLanguage=\"javascript\">"
            + "<text>java.lang.System.exit(1)</text></inputExpression>", "", "\"A\"", "\"B\""), "javascript",
        dmn("<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\"><text>x</text></inputExpression>", "",
            "\"A\"", xml("{f: function(p) external {java: {class: \"java.lang.System\", method signature: "
                + "\"getProperty(java.lang.String)\"}}, r: f(\"user.home\")}.r")), "xternal",
        dmn("<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\" expressionLanguage=\"juel\">"
            + "<text>${x.getClass()}</text></inputExpression>", "", "\"A\"", "\"B\""), "モデルの式",
        dmn("<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\" expressionLanguage=\"juel\">"
            + "<text>${x.concat('')}</text></inputExpression>", "", "\"A\"", "\"B\""), "モデルの式");
    refusals.forEach((hostile, refusal) -> assertThatThrownBy(() -> evaluate(dmnEngine, hostile, variables))
        .as(hostile).hasStackTraceContaining(refusal));
  }

  @Test
  void noScriptEngineIsFoundEvenWhenOneIsInstalled() {
    // a script engine on the class path (here registered by hand) is not handed to BPMN or DMN scripts
    ScriptEngineFactory factory = new ProbeScriptEngineFactory();
    configuration().getScriptingEngines().addScriptEngineFactory(factory);
    assertThat(factory.getScriptEngine()).isNotNull();
    assertThatThrownBy(() -> configuration().getCommandExecutorTxRequired().execute(context ->
        configuration().getScriptingEngines().getScriptEngineForLanguage("probe"))).hasMessageContaining("probe");
  }

  /** A script engine that would run anything it is given. */
  private static final class ProbeScriptEngineFactory implements ScriptEngineFactory {
    @Override
    public String getEngineName() {
      return "probe";
    }

    @Override
    public String getEngineVersion() {
      return "1";
    }

    @Override
    public List<String> getExtensions() {
      return List.of("probe");
    }

    @Override
    public List<String> getMimeTypes() {
      return List.of();
    }

    @Override
    public List<String> getNames() {
      return List.of("probe");
    }

    @Override
    public String getLanguageName() {
      return "probe";
    }

    @Override
    public String getLanguageVersion() {
      return "1";
    }

    @Override
    public Object getParameter(String key) {
      return null;
    }

    @Override
    public String getMethodCallSyntax(String object, String method, String... args) {
      return "";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
      return "";
    }

    @Override
    public String getProgram(String... statements) {
      return "";
    }

    @Override
    public ScriptEngine getScriptEngine() {
      ScriptEngineFactory self = this;
      return new AbstractScriptEngine() {
        @Override
        public Object eval(String script, ScriptContext context) {
          return script;
        }

        @Override
        public Object eval(java.io.Reader reader, ScriptContext context) {
          return reader;
        }

        @Override
        public Bindings createBindings() {
          return new SimpleBindings();
        }

        @Override
        public ScriptEngineFactory getFactory() {
          return self;
        }
      };
    }
  }

  private Object evaluate(ProcessInstance instance, String expression) {
    ProcessEngineConfigurationImpl configuration = configuration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(instance.getId());
      return configuration.getExpressionManager().createExpression(expression).getValue(execution);
    });
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** A decision table parsed and evaluated by the engine's decision engine, in a command as the engine does. */
  private Object evaluate(DmnEngine dmnEngine, String dmn, Map<String, Object> variables) {
    return configuration().getCommandExecutorTxRequired().execute(context -> {
      DmnDecision decision = dmnEngine.parseDecision("Decision_Probe",
          new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
      return dmnEngine.evaluateDecisionTable(decision, variables).getSingleResult().getSingleEntry();
    });
  }

  private void deploy(String name, String xml) {
    repositoryService.createDeployment().name(PROBE).addString(name, xml).deploy();
  }

  static String toEnd(String id) {
    return "<bpmn:sequenceFlow id=\"SequenceFlow_ToEnd\" sourceRef=\"" + id + "\" targetRef=\"EndEvent_Probe\" />";
  }

  static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  static String bpmn(String elements) {
    String first = elements.replaceAll("(?s)^<bpmn:(\\w+) id=\"(\\w+)\".*", "$2");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "targetNamespace=\"http://example.com\">"
        + "<bpmn:message id=\"Message_Probe\" name=\"" + (elements.contains("Message_Probe") ? "EXPR" : "m")
        + "\" /><bpmn:error id=\"Error_Probe\" errorCode=\"probe\" camunda:errorMessage=\""
        + (elements.contains("Error_Probe") ? "EXPR" : "e") + "\" />"
        + "<bpmn:process id=\"" + PROBE + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + "<bpmn:startEvent id=\"StartEvent_Probe\" />"
        + "<bpmn:sequenceFlow id=\"SequenceFlow_FromStart\" sourceRef=\"StartEvent_Probe\" targetRef=\"" + first + "\" />"
        + elements + "<bpmn:endEvent id=\"EndEvent_Probe\" /></bpmn:process></bpmn:definitions>";
  }

  private static String dmn(String inputExpression, String inputEntryLanguage, String inputEntry, String outputEntry) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" id=\"Definitions_Probe\" name=\"probe\" "
        + "namespace=\"http://camunda.org/schema/1.0/dmn\">"
        + "<decision id=\"Decision_Probe\" name=\"probe\" camunda:historyTimeToLive=\"1\">"
        + "<decisionTable id=\"DecisionTable_Probe\" hitPolicy=\"UNIQUE\">"
        + "<input id=\"Input_Probe\">" + inputExpression + "</input>"
        + "<output id=\"Output_Probe\" name=\"result\" typeRef=\"string\" />"
        + "<rule id=\"Rule_Probe\"><inputEntry id=\"UnaryTests_Probe\"" + inputEntryLanguage + "><text>" + inputEntry
        + "</text></inputEntry><outputEntry id=\"LiteralExpression_Probe\"><text>" + outputEntry + "</text>"
        + "</outputEntry></rule></decisionTable></decision></definitions>";
  }
}
