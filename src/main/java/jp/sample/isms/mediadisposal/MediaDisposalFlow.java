package jp.sample.isms.mediadisposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.ValidationErrors;

/**
 * The rules of a media disposal request (3.3.1, 3.3.2, 4.1.2) beyond its form: the combination of medium, action and
 * method must be one the decision table {@code mediaDisposalMethod} allows, else the request is refused at filing with
 * the clause; outsourced destruction names its contractor; and it cannot be closed without the certificate of
 * destruction attached.
 */
@Component
class MediaDisposalFlow implements RequestFlow {

  static final String CLAUSE_DISPOSAL = "3.3.1";
  static final String CLAUSE_REUSE = "3.3.2";
  static final String CLAUSE_BACKUP = "4.1.2";

  /** The outcome of {@code mediaDisposalMethod} for one combination. */
  record MethodDecision(boolean allowed, String clause, String reason) {
  }

  private final DecisionService decisionService;
  private final DestructionCertificates certificates;
  private final MediaDisposalRegister register;

  // lazy: the kernel collects the flows while the engine whose service this is is still being built
  MediaDisposalFlow(@Lazy DecisionService decisionService, DestructionCertificates certificates,
      MediaDisposalRegister register) {
    this.decisionService = decisionService;
    this.certificates = certificates;
    this.register = register;
  }

  /** The register shows a cancelled (取消) or terminated request as such, never 申請中 for ever. */
  @Override
  public void ended(String businessKey, String outcome) {
    register.status(businessKey, outcome);
  }

  @Override
  public String processKey() {
    return MediaDisposalProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "MD";
  }

  @Override
  public String nameJa() {
    return "媒体の廃棄・再利用申請";
  }

  @Override
  public String nameEn() {
    return "Disposal and reuse of media";
  }

  @Override
  public List<String> clauses() {
    return List.of(CLAUSE_DISPOSAL, CLAUSE_REUSE, CLAUSE_BACKUP);
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    Object quantity = input.variables().get(MediaDisposalProcess.QUANTITY);
    if (quantity != null && !quantity.toString().isBlank() && !isWholeNumber(quantity)) {
      errors.field(MediaDisposalProcess.QUANTITY, "数量は1以上の整数で入力してください");
    }
    String method = input.string(MediaDisposalProcess.METHOD);
    if (MediaDisposalProcess.OUTSOURCED_DESTRUCTION.equals(method)
        && input.string(MediaDisposalProcess.CONTRACTOR) == null) {
      errors.field(MediaDisposalProcess.CONTRACTOR, "外部に委託する場合は委託先を入力してください");
    }
    String mediaType = input.string(MediaDisposalProcess.MEDIA_TYPE);
    String action = input.string(MediaDisposalProcess.ACTION);
    // an unknown or missing value is already an error of the form: the table judges only complete requests
    if (mediaType == null || action == null || method == null || errors.has(MediaDisposalProcess.MEDIA_TYPE)
        || errors.has(MediaDisposalProcess.ACTION) || errors.has(MediaDisposalProcess.METHOD)) {
      return;
    }
    MethodDecision decision = decideMethod(mediaType, action, method);
    if (!decision.allowed()) {
      errors.refuse(MediaDisposalProcess.METHOD, decision.clause(), decision.reason());
    }
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    if (!MediaDisposalProcess.TASK_REPORT_EXECUTION.equals(taskDefinitionKey)) {
      return;
    }
    LocalDate executedOn = input.date(MediaDisposalProcess.EXECUTED_ON);
    if (executedOn != null && executedOn.isAfter(input.today())) {
      errors.field(MediaDisposalProcess.EXECUTED_ON, "実施日に未来の日付は指定できません");
    }
    if (MediaDisposalProcess.OUTSOURCED_DESTRUCTION.equals(input.string(MediaDisposalProcess.METHOD))) {
      DestructionCertificates.Check check = certificates.check(input.processInstanceId());
      if (!check.found()) {
        String problems = check.problems().isEmpty() ? "" : " (" + String.join("、", check.problems()) + ")";
        errors.refuse(MediaDisposalProcess.CERTIFICATE, CLAUSE_DISPOSAL,
            "外部に委託した破壊・完全消去は、実行したことの証明書 (PDF・PNG・JPEG、10MB以下) を申請に添付するまで完了できません"
                + problems);
      }
    }
  }

  /** Evaluates {@code mediaDisposalMethod}, the latest version: a rule change applies to every filing from then on. */
  MethodDecision decideMethod(String mediaType, String action, String method) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(MediaDisposalProcess.MEDIA_TYPE, mediaType);
    variables.put(MediaDisposalProcess.ACTION, action);
    variables.put(MediaDisposalProcess.METHOD, method);
    CommandContext context = Context.getCommandContext();
    // inside the filing command the requester is authenticated, and an employee may not evaluate decisions
    // directly; the rule is the flow's, not the requester's
    DmnDecisionResultEntries result = context == null
        ? evaluate(variables)
        : context.runWithoutAuthorization(() -> evaluate(variables));
    if (result == null) {
      return new MethodDecision(false, "3.3", "処分方法を判定できませんでした");
    }
    return new MethodDecision(Boolean.TRUE.equals(result.get("allowed")), (String) result.get("clause"),
        (String) result.get("reason"));
  }

  private DmnDecisionResultEntries evaluate(Map<String, Object> variables) {
    return decisionService.evaluateDecisionByKey(MediaDisposalProcess.DECISION_METHOD).variables(variables)
        .evaluate().getFirstResult();
  }

  private static boolean isWholeNumber(Object value) {
    try {
      BigDecimal number = new BigDecimal(value.toString().trim());
      return number.stripTrailingZeros().scale() <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
