package jp.sample.isms.substitution;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.engine.CurrentUser;
import jp.sample.isms.organisation.OrganisationGroups;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Substitutes;

/**
 * {@code /api/substitutes}: an approver (or the system administrator for them) names a substitute for a date range
 * ({@code {"substitute":"watanabe","validFrom":"2026-12-01","validTo":"2026-12-05","reason":"出張"}}), lists and
 * revokes substitutions. Every change is recorded and applied to the open steps at once.
 */
@RestController
@RequestMapping("/api/substitutes")
class SubstituteController {

  /** The length of {@code substitute.reason}. */
  private static final int MAX_REASON = 500;

  private final Substitutes substitutes;
  private final SubstituteAssignments assignments;
  private final OrganisationService organisation;
  private final IdentityService identityService;
  private final AuditRecorder audit;

  SubstituteController(Substitutes substitutes, SubstituteAssignments assignments, OrganisationService organisation,
      IdentityService identityService, AuditRecorder audit) {
    this.substitutes = substitutes;
    this.assignments = assignments;
    this.organisation = organisation;
    this.identityService = identityService;
    this.audit = audit;
  }

  @GetMapping
  ResponseEntity<?> list() {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null) {
      return error(HttpStatus.UNAUTHORIZED, null, "ログインが必要です");
    }
    return ResponseEntity.ok(isAdministrator(user) ? substitutes.all() : substitutes.involving(user.getUserId()));
  }

  @PostMapping
  @Transactional
  ResponseEntity<?> name(@RequestBody(required = false) Map<String, String> body) {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null) {
      return error(HttpStatus.UNAUTHORIZED, null, "ログインが必要です");
    }
    Map<String, String> request = body == null ? Map.of() : body;
    String principal = request.getOrDefault("principal", user.getUserId());
    if (!principal.equals(user.getUserId()) && !isAdministrator(user)) {
      return error(HttpStatus.FORBIDDEN, "principal", "本人またはシステム管理者のみが代理人を指名できます");
    }
    String substitute = request.get("substitute");
    if (substitute == null || organisation.person(substitute).isEmpty()) {
      return error(HttpStatus.BAD_REQUEST, "substitute", "代理人は組織の従業員から指定してください");
    }
    if (substitute.equals(principal)) {
      return error(HttpStatus.BAD_REQUEST, "substitute", "本人を代理人にはできません");
    }
    LocalDate from;
    LocalDate to;
    try {
      from = LocalDate.parse(request.getOrDefault("validFrom", ""));
      to = LocalDate.parse(request.getOrDefault("validTo", ""));
    } catch (DateTimeParseException e) {
      return error(HttpStatus.BAD_REQUEST, "validFrom", "期間は YYYY-MM-DD で指定してください");
    }
    if (from.getYear() > 9999 || to.getYear() > 9999) {
      return error(HttpStatus.BAD_REQUEST, to.getYear() > 9999 ? "validTo" : "validFrom",
          "期間は 9999 年までの日付で指定してください");
    }
    String reason = request.get("reason");
    if (reason != null && reason.length() > MAX_REASON) {
      return error(HttpStatus.BAD_REQUEST, "reason", "理由は" + MAX_REASON + "文字以内で入力してください");
    }
    if (to.isBefore(from)) {
      return error(HttpStatus.BAD_REQUEST, "validTo", "終了日は開始日以降にしてください");
    }
    if (to.isBefore(substitutes.today())) {
      return error(HttpStatus.BAD_REQUEST, "validTo", "終了日に過去の日付は指定できません");
    }
    long id = substitutes.name(principal, substitute, from, to, reason, user.getUserId());
    record(Outcome.SUBSTITUTE_NAMED, principal, substitute, from + "〜" + to + " " + request.getOrDefault("reason", ""),
        user.getUserId());
    assignments.synchronise();
    return ResponseEntity.status(HttpStatus.CREATED).body(substitutes.find(id).orElseThrow());
  }

  @DeleteMapping("/{id}")
  @Transactional
  ResponseEntity<?> revoke(@PathVariable long id) {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null) {
      return error(HttpStatus.UNAUTHORIZED, null, "ログインが必要です");
    }
    Substitutes.Substitution substitution = substitutes.find(id).orElse(null);
    if (substitution == null) {
      return error(HttpStatus.NOT_FOUND, null, "代理の指名が見つかりません");
    }
    if (!substitution.principal().equals(user.getUserId()) && !isAdministrator(user)) {
      return error(HttpStatus.FORBIDDEN, null, "本人またはシステム管理者のみが取り消せます");
    }
    if (!substitutes.revoke(id)) {
      return error(HttpStatus.CONFLICT, null, "この代理の指名は既に取り消されています");
    }
    record(Outcome.SUBSTITUTE_REVOKED, substitution.principal(), substitution.substitute(), null, user.getUserId());
    assignments.synchronise();
    return ResponseEntity.noContent().build();
  }

  /**
   * The regulation names no clause for substitutes (代理): the record leaves its clause empty and says so, and what a
   * substitute later decides is recorded under the clauses of the step they take.
   */
  private void record(Outcome outcome, String principal, String substitute, String comment, String by) {
    audit.record(AuditEntry.event("substitute", "Substitution", "代理の指名", AuditStepKind.SUBSTITUTION)
        .by(by, organisation.displayName(by)).principal(principal).outcome(outcome)
        .comment(organisation.displayName(substitute) + " が " + organisation.displayName(principal) + " を代理"
            + (comment == null ? "" : ": " + comment) + " " + SUBSTITUTION_BASIS)
        .build());
  }

  /** Where a substitution's record points instead of a clause. */
  static final String SUBSTITUTION_BASIS = "(根拠: 情報管理規程に代理の条項なし。代理者の処理は各ステップの条項による)";

  private static boolean isAdministrator(CurrentUser user) {
    return user.getGroupIds() != null && user.getGroupIds().contains(OrganisationGroups.CAMUNDA_ADMIN);
  }

  private static ResponseEntity<Map<String, String>> error(HttpStatus status, String field, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    if (field != null) {
      body.put("field", field);
    }
    body.put("message", message);
    return ResponseEntity.status(status).body(body);
  }
}
