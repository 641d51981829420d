package jp.sample.isms.auditor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jp.sample.isms.engine.CurrentUser;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationService;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;

/**
 * Who may read the decision record and the registers (1.2): the 監査・点検責任者, the 情報セキュリティ責任者 and
 * administrators. Every call of an auditor endpoint, allowed or not, is itself an audit record of kind
 * {@code AUDIT_QUERY} (outcome {@code QUERIED} or {@code DENIED}, comment = the query), written in a transaction of its
 * own so that it stays even when the query fails, and chained like every other record.
 */
@Component
class AuditAccess {

  /** The flow key of auditor queries in the record: they belong to no request flow. */
  static final String FLOW = "audit";
  static final String STEP_KIND = AuditStepKind.AUDIT_QUERY.code();
  /** 1.2 情報セキュリティ取組みの監査・点検. */
  static final String CLAUSE = "1.2";

  /** An engine group allowed to read, and the role its members act as (in order of precedence). */
  enum Reader {
    AUDIT_OFFICER("audit-officer"),
    SECURITY_OFFICER("security-officer"),
    ADMINISTRATOR("camunda-admin");

    final String group;

    Reader(String group) {
      this.group = group;
    }

    static Reader of(List<String> groups) {
      for (Reader reader : values()) {
        if (groups != null && groups.contains(reader.group)) {
          return reader;
        }
      }
      return null;
    }
  }

  /** The auditor of the current call. */
  record Auditor(String userId, String name, Reader role) {
  }

  /** No credentials reached the controller (the authentication filter normally answers 401 before). */
  static class NotAuthenticated extends RuntimeException {
    NotAuthenticated() {
      super("ログインが必要です");
    }
  }

  /** An authenticated user without an auditor's role. */
  static class Denied extends RuntimeException {
    Denied() {
      super("監査記録と台帳は監査・点検責任者、情報セキュリティ責任者およびシステム管理者のみが参照できます");
    }
  }

  private final IdentityService identityService;
  private final AuditRecorder recorder;
  private final OrganisationService organisation;

  AuditAccess(IdentityService identityService, AuditRecorder recorder, OrganisationService organisation) {
    this.identityService = identityService;
    this.recorder = recorder;
    this.organisation = organisation;
  }

  /**
   * Lets the current user through if they may read, and logs the query either way.
   *
   * @param step     a code of what is asked, e.g. {@code AuditQuery_SearchRequests}
   * @param stepName the same in Japanese, e.g. {@code 申請の検索}
   */
  Auditor authorize(HttpServletRequest request, String step, String stepName) {
    CurrentUser authentication = CurrentUser.of(identityService);
    if (authentication == null || authentication.getUserId() == null) {
      throw new NotAuthenticated();
    }
    String userId = authentication.getUserId();
    Reader role = Reader.of(authentication.getGroupIds());
    Auditor auditor = new Auditor(userId, organisation.displayName(userId), role);
    recorder.recordSeparately(AuditEntry.event(FLOW, step, stepName, AuditStepKind.AUDIT_QUERY)
        .by(userId, auditor.name()).actingAs(role == null ? null : role.name())
        .outcome(role == null ? Outcome.DENIED : Outcome.QUERIED).comment(query(request)).clauses(CLAUSE).build());
    if (role == null) {
      throw new Denied();
    }
    return auditor;
  }

  /**
   * Runs engine queries for an auditor who has passed {@link #authorize}: without the engine's authorization checks,
   * which grant the auditor nothing of other people's requests. The caller's authentication is restored after.
   */
  <T> T unrestricted(Callable<T> action) {
    try {
      return EngineInternals.asSystem(identityService, action::call);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code GET /api/audit/requests?flow=takeOut&requester=yamamoto}, decoded so that Japanese stays readable. */
  static String query(HttpServletRequest request) {
    String query = request.getQueryString();
    String text = request.getMethod() + " " + request.getRequestURI();
    if (query == null || query.isEmpty()) {
      return text;
    }
    try {
      return text + "?" + URLDecoder.decode(query, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text + "?" + query;
    }
  }
}
