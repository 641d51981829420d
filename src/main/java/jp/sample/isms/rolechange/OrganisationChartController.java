package jp.sample.isms.rolechange;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.sample.isms.engine.CurrentUser;
import jp.sample.isms.organisation.Committee;
import jp.sample.isms.organisation.OrganisationGroups;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;
import jp.sample.isms.organisation.GuardedGroups;

/**
 * {@code GET /api/organisation-chart}: the 組織体制図 of 10.1 for every employee (session or HTTP Basic, as all of
 * {@code /api}): the current holders of each role of 1.1 and of {@code camunda-admin}, the 情報セキュリティ委員会
 * derived from the roles, the departments with their sections, heads, chiefs and people, and the history of role
 * changes with the request that approved each. Read only; anyone not of the organisation gets 403.
 */
@RestController
@RequestMapping("/api/organisation-chart")
class OrganisationChartController {

  record Holder(String userId, String name) {
  }

  record RoleEntry(String code, String nameJa, String nameEn, String groupId, List<Holder> holders) {
  }

  record Section(String code, String name, String nameEn, List<Holder> chiefs, List<Holder> people) {
  }

  record Department(String code, String name, String nameEn, List<Holder> heads, List<Holder> people,
      List<Section> sections) {
  }

  record HistoryEntry(String businessKey, String changeKind, String group, String person, String requestedBy,
      String approvedBy, String approvedRole, OffsetDateTime appliedAt, LocalDate exceptionUntil,
      OffsetDateTime lapsedAt) {
  }

  record Chart(List<RoleEntry> roles, List<Holder> committee, List<Department> departments,
      List<HistoryEntry> history, boolean breakGlass) {
  }

  private final IdentityService identityService;
  private final OrganisationService organisation;
  private final RoleChanges changes;
  private final JdbcTemplate jdbc;
  private final Committee committee;
  private final GuardedGroups guardedGroups;

  OrganisationChartController(IdentityService identityService, OrganisationService organisation, RoleChanges changes,
      JdbcTemplate jdbc, Committee committee, GuardedGroups guardedGroups) {
    this.identityService = identityService;
    this.organisation = organisation;
    this.changes = changes;
    this.jdbc = jdbc;
    this.committee = committee;
    this.guardedGroups = guardedGroups;
  }

  @GetMapping
  ResponseEntity<?> chart() {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null || user.getUserId() == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "ログインが必要です (login required)"));
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!groups.contains(OrganisationGroups.EMPLOYEES) && !groups.contains(OrganisationGroups.CAMUNDA_ADMIN)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(Map.of("message", "組織体制図は従業員が参照できます (employees only)"));
    }
    List<RoleEntry> roles = new ArrayList<>();
    for (Role role : Role.values()) {
      if (role.scope() == Role.Scope.COMPANY) {
        roles.add(new RoleEntry(role.name(), role.nameJa(), role.nameEn(), role.groupId(null),
            holders(role.groupId(null))));
      }
    }
    roles.add(new RoleEntry(RoleChanges.CAMUNDA_ADMIN, "Camunda 管理者 (特権, 5.1.10)", "Camunda administrators",
        OrganisationGroups.CAMUNDA_ADMIN, holders(OrganisationGroups.CAMUNDA_ADMIN)));
    List<Department> departments = jdbc.query("select code, name, name_en from org_department where closed_at is null "
        + "order by code", (rs, i) -> {
          String code = rs.getString("code");
          return new Department(code, rs.getString("name"), rs.getString("name_en"),
              holders(Role.DEPARTMENT_HEAD.groupId(code)), people("department_code = ? and section_code is null", code),
              jdbc.query("select code, name, name_en from org_section where department_code = ? and closed_at is null "
                  + "order by code", (s, j) -> new Section(s.getString("code"), s.getString("name"),
                      s.getString("name_en"), holders(Role.SECTION_CHIEF.groupId(s.getString("code"))),
                      people("section_code = ?", s.getString("code"))), code));
        });
    List<HistoryEntry> history = changes.history(null).stream().map(c -> new HistoryEntry(c.businessKey(),
        c.changeKind(), changes.groupLabel(c.groupId()), organisation.displayName(c.userId()) + " (" + c.userId() + ")",
        organisation.displayName(c.requestedBy()), organisation.displayName(c.approvedBy()), c.approvedRole(),
        c.appliedAt(), c.exceptionUntil(), c.lapsedAt())).toList();
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(new Chart(roles, committee(), departments, history, guardedGroups.breakGlassEnabled()));
  }

  /** 1.1: the 情報セキュリティ委員会, derived from the roles ({@link Committee}). */
  private List<Holder> committee() {
    return committee.members().stream().map(id -> new Holder(id, organisation.displayName(id))).toList();
  }

  private List<Holder> holders(String groupId) {
    return organisation.members(groupId).stream().map(id -> new Holder(id, organisation.displayName(id))).toList();
  }

  private List<Holder> people(String where, String code) {
    return jdbc.queryForList("select user_id from org_person where " + where + " order by user_id", String.class, code)
        .stream().map(id -> new Holder(id, organisation.displayName(id))).toList();
  }
}
