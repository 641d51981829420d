package jp.sample.isms.auditor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import jp.sample.isms.audit.AuditChain;
import jp.sample.isms.audit.AuditLabels;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditRetention;
import jp.sample.isms.audit.EngineHistory;

/**
 * {@code /api/audit}: who is reading ({@code /me}), the choices the pages offer ({@code /options}), the hash chain
 * check ({@code /verification}) and the retention ({@code /retention}). For the auditor, the security officer and
 * administrators only; every call is logged ({@link AuditAccess}).
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final AuditAccess access;
  private final AuditChain chain;
  private final AuditRetention retention;
  private final AuditLabels labels;
  private final EngineHistory engine;
  private final JdbcTemplate jdbc;

  AuditController(AuditAccess access, AuditChain chain, AuditRetention retention, AuditLabels labels,
      EngineHistory engine, JdbcTemplate jdbc) {
    this.access = access;
    this.chain = chain;
    this.retention = retention;
    this.labels = labels;
    this.engine = engine;
    this.jdbc = jdbc;
  }

  record Me(String userId, String name, String role, String roleLabel) {
  }

  record Options(Map<String, String> flows, Map<String, String> departments, Map<String, String> users,
      Map<String, String> outcomes, Map<String, String> classifications, Map<String, String> stepKinds) {
  }

  @GetMapping("/me")
  Me me(HttpServletRequest request) {
    AuditAccess.Auditor auditor = access.authorize(request, "AuditQuery_OpenPages", "監査ページの利用開始");
    return new Me(auditor.userId(), auditor.name(), auditor.role().name(), labels.role(auditor.role().name()));
  }

  @GetMapping("/options")
  Options options(HttpServletRequest request) {
    access.authorize(request, "AuditQuery_Options", "検索条件の選択肢の参照");
    Map<String, String> departments = new LinkedHashMap<>();
    jdbc.query("select code, name from org_department order by code",
        (RowCallbackHandler) rs -> departments.put(rs.getString(1), rs.getString(2)));
    Map<String, String> users = new LinkedHashMap<>();
    jdbc.query("select ID_, LAST_, FIRST_ from ACT_ID_USER order by ID_", (RowCallbackHandler) rs -> users.put(
        rs.getString(1), ((rs.getString(2) == null ? "" : rs.getString(2)) + " "
            + (rs.getString(3) == null ? "" : rs.getString(3))).trim()));
    return new Options(access.unrestricted(engine::flowNames), departments, users, AuditLabels.OUTCOMES,
        labels.choices(AuditRecorder.CLASSIFICATION), AuditLabels.STEP_KINDS);
  }

  @GetMapping("/verification")
  AuditChain.Verification verification(HttpServletRequest request) {
    access.authorize(request, "AuditQuery_Verification", "監査記録の改ざん検証");
    return chain.verify();
  }

  @GetMapping("/retention")
  AuditRetention.Status retention(HttpServletRequest request) {
    access.authorize(request, "AuditQuery_Retention", "保存期間の参照");
    return access.unrestricted(retention::status);
  }
}
