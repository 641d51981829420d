package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The expression grammar of deployed models: what the flows use is allowed, the hostile corpus is refused. */
class ExpressionGrammarTest {

  private static final ExpressionGrammar GRAMMAR = new ExpressionGrammar(Map.of(
      "approvalRouting", Set.of("candidateGroups"), "ownerDepartmentRouting", Set.of("candidateGroups"),
      "stepStartValues", Set.of("set")));

  /** Expressions a model may contain in any attribute or text of BPMN (the forms the product's models use, and kin). */
  static Stream<String> allowed() {
    return Stream.of("${requester}", "${recordTakeOutDelegate}", "${decision == 'APPROVED'}",
        "${decision == \"REJECTED\"}", "${resubmission == 'RESUBMIT'}", "${approverRole == 'NONE'}",
        "${dateTime().plusDays(3).toDate()}", "${dateTime().plusMonths(1).toDate()}",
        "${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}", "${now()}", "${returnDueAt}",
        "${approvalRouting.candidateGroups(execution, approverRole)}",
        "${approvalRouting.candidateGroups(execution, 'SYSTEM_ADMINISTRATOR')}",
        "${ownerDepartmentRouting.candidateGroups(execution, approvalRouting)}",
        "${stepStartValues.set(execution, 'termsConform', false)}",
        "${stepStartValues.set(execution, 'findings', null)}",
        "${stepStartValues.set(execution, 'grantedRights', accessRights)}",
        "${execution.getVariable('classification')}", "${task.getVariable('decision')}",
        "${amount >= 10 && (classification eq 'SECRET' || not empty reason)}", "${!approved and count lt 3}",
        "${-1 < x}", "${x != null}", "${true}", "${null}", "${1.5 ge limit}", "  ${requester}\n ",
        "plain text 承認する", "7.18,4.1.3", "R3/PT10H", "", "PT1H", "100 $ {not an expression}",
        "${'承認'}");
  }

  /** The hostile corpus: each must be refused wherever it appears in a model. */
  static Stream<String> hostile() {
    return hostileExpressions().stream();
  }

  static List<String> hostileExpressions() {
    return List.of(
        "${''.getClass()}",
        "${\"\".getClass().forName('java.lang.Runtime')}",
        "${''.class}",
        "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}",
        "${execution.getProcessEngineServices()}",
        "${execution.getProcessEngineServices().getIdentityService().createMembership('tanaka', 'camunda-admin')}",
        "${execution.processEngineServices}",
        "${execution.getProcessEngine()}",
        "${task.getProcessEngineServices()}",
        "${task.execution}",
        "${caseExecution.getProcessEngineServices()}",
        "${execution.setVariable('requester', 'tanaka')}",
        "${execution.setVariableLocal('decision', 'APPROVED')}",
        "${execution}",
        "${externalTask}",
        "${organisationService.members('camunda-admin')}",
        // beans of the context without ModelCallable methods, and a delegate's own methods
        "${takeOutRegister.all()}",
        "${runningOutsourcings.find('OUT-2026-00001')}",
        "${registerTakeOutDelegate.execute(execution)}",
        "${identityService.createMembership('tanaka', 'camunda-admin')}",
        "${approvalRouting.route(null, 'tanaka', null)}",
        "${approvalRouting.organisation}",
        "${approvalRouting.candidateGroups(execution, approverRole).getClass()}",
        "${approvalRouting.candidateGroups(execution, ''.getClass())}",
        "${approvalRouting.candidateGroups(execution.getProcessEngineServices(), 'X')}",
        "${T(java.lang.Runtime).getRuntime().exec('id')}",
        "${java.lang.Runtime.getRuntime().exec('touch /tmp/pwned')}",
        "${Runtime.getRuntime()}",
        "${new ProcessBuilder('id').start()}",
        "${java.lang.Integer.MAX_VALUE}",
        "${Integer.MAX_VALUE}",
        "#{approvalRouting}",
        "#{execution.getProcessEngineServices()}",
        "${'${execution.getProcessEngineServices()}'}",
        "${\"#{x}\"}",
        "\\u0024{execution.getProcessEngineServices()}",
        "${'\\u0024{x}'}",
        "\\${execution}",
        "${x}${''.getClass()}",
        "prefix ${requester}",
        "${requester} suffix",
        "${x[0]}",
        "${execution['processEngineServices']}",
        "${requester['class']}",
        "${x -> x}",
        "${(x -> execution.getProcessEngineServices())(1)}",
        "${x = 1}",
        "${x; execution}",
        "${x += 1}",
        "${currentUser()}",
        "${fn:exec('id')}",
        "${dateTime().getClass()}",
        "${dateTime().toDate().getClass()}",
        "${now().getClass()}",
        "${dateTime().plusDays(execution).toDate()}",
        "${x ? a : b}",
        "${a + b}",
        "${requester.toString()}",
        "${x instanceof y}",
        "${empty execution}",
        "${decisionResult.getSingleResult().approverRole}",
        "${execution.getVariable('x').getClass()}",
        "${'x'.concat(execution)}",
        "${" + "(".repeat(200) + "x" + ")".repeat(200) + "}",
        "${requester}}",
        "${requester",
        "${ｒｅｑｕｅｓｔｅｒ}");
  }

  @ParameterizedTest
  @MethodSource("allowed")
  void theFlowsExpressionsAreAllowed(String expression) {
    assertThat(GRAMMAR.checkJuel(expression)).as(expression).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void hostileExpressionsAreRefused(String expression) {
    assertThat(GRAMMAR.checkJuel(expression)).as(expression).isPresent();
  }

  @Test
  void theCorpusIsLargeEnough() {
    assertThat(hostileExpressions()).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
  }

  @Test
  void aRefusalSaysWhyInJapaneseFirst() {
    assertThat(GRAMMAR.checkJuel("${execution.getProcessEngineServices()}")).get().asString()
        .startsWith("execution.getProcessEngineServices(…): execution は getVariable('名前') だけ使えます");
  }

  @ParameterizedTest
  @ValueSource(strings = {"classification", " backupUse ", "mediaType"})
  void aDecisionInputIsAName(String text) {
    assertThat(GRAMMAR.checkFeelName(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"classification.getClass()", "a.b", "date(\"2026-01-01\")", "x + 1", "\"x\"", "",
      "function(x) external {java: {class: \"java.lang.Runtime\", method signature: \"getRuntime()\"}}"})
  void aDecisionInputThatIsNotANameIsRefused(String text) {
    assertThat(GRAMMAR.checkFeelName(text)).as(text).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "\"PUBLIC\"", "\"CREATE\",\"CHANGE\",\"DELETE\"", "true", "false", "12",
      "\"NONE\", \"DEPARTMENT_HEAD\""})
  void inputEntriesAreListsOfLiterals(String text) {
    assertThat(GRAMMAR.checkFeelUnaryTests(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"function(x) external {java: {class: \"java.lang.Runtime\", method signature: "
      + "\"exec(java.lang.String)\"}}", "\"A\",", ",\"A\"", "\"A\" \"B\"", "< 10", "not(\"A\")", "[1..5]",
      "x", "'single quoted'", "\"\\u0024{x}\"", "\"${x}\"", "\"a\" + \"b\"", "-\"A\"", "cellInput.getClass()"})
  void otherInputEntriesAreRefused(String text) {
    assertThat(GRAMMAR.checkFeelUnaryTests(text)).as(text).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\"SECURITY_OFFICER\"", "true", "\"社外秘の情報資産をクラウドサービスに保存するには\"", "3"})
  void outputEntriesAreLiterals(String text) {
    assertThat(GRAMMAR.checkFeelLiteral(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"function(x) external {java: {class: \"java.lang.System\", method signature: "
      + "\"exit(int)\"}}", "if x then \"A\" else \"B\"", "\"A\",\"B\"", "date and time(\"2026-01-01T00:00:00\")",
      "x", "\"a\" + \"b\"", "{a: 1}", "[1, 2]"})
  void otherOutputEntriesAreRefused(String text) {
    assertThat(GRAMMAR.checkFeelLiteral(text)).as(text).isPresent();
  }
}
