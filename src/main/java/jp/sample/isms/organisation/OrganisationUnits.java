package jp.sample.isms.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upkeep of departments (部) and sections (課) without a file (1.1, 10.1 組織体制): add, rename, close. A closed unit
 * stays in the database (requests and records point to it) and takes no one new; it can be closed only when no active
 * person sits in it and no open request is filed from it or waits for its head or chief.
 */
@Service
public class OrganisationUnits {

  private static final Pattern CODE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");

  /** A department or section as the upkeep page lists it. */
  public record Unit(String code, String name, String nameEn, String departmentCode, boolean closed, int persons,
      int openRequests, List<Unit> sections) {
  }

  /** Why a change was refused: the HTTP status it maps to, the field, and the reason in Japanese (and English). */
  public static class Refused extends RuntimeException {

    /** What kind of refusal: bad input, no such unit, or a conflict with what is there. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String field;

    Refused(Kind kind, String field, String message) {
      super(message);
      this.kind = kind;
      this.field = field;
    }

    public Kind kind() {
      return kind;
    }

    public String field() {
      return field;
    }
  }

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;
  private final OrganisationService organisation;

  public OrganisationUnits(JdbcTemplate jdbc, IdentityService identityService, OrganisationService organisation) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.organisation = organisation;
  }

  /** Every department with its sections, closed ones included, with how many persons and open requests each has. */
  public List<Unit> list() {
    Map<String, List<Unit>> sections = new LinkedHashMap<>();
    jdbc.query("select code, department_code, name, name_en, closed_at from org_section order by code", rs -> {
      String code = rs.getString("code");
      sections.computeIfAbsent(rs.getString("department_code"), d -> new ArrayList<>()).add(new Unit(code,
          rs.getString("name"), rs.getString("name_en"), rs.getString("department_code"),
          rs.getTimestamp("closed_at") != null, activePersons("section_code", code), openRequests(null,
              Role.SECTION_CHIEF.groupId(code)), List.of()));
    });
    return jdbc.query("select code, name, name_en, closed_at from org_department order by code", (rs, i) -> {
      String code = rs.getString("code");
      return new Unit(code, rs.getString("name"), rs.getString("name_en"), null, rs.getTimestamp("closed_at") != null,
          activePersons("department_code", code), openRequests(code, Role.DEPARTMENT_HEAD.groupId(code)),
          sections.getOrDefault(code, List.of()));
    });
  }

  @Transactional
  public void addDepartment(String code, String name, String nameEn) {
    checkCode(code);
    checkName(name);
    if (exists("org_department", code)) {
      throw new Refused(Refused.Kind.CONFLICT, "code", "部門コード " + code + " はすでにあります (department exists)");
    }
    jdbc.update("insert into org_department (code, name, name_en) values (?, ?, ?)", code, name.strip(), blank(nameEn));
    group(Role.DEPARTMENT_HEAD.groupId(code), Role.DEPARTMENT_HEAD.groupName(name.strip()));
    organisation.organisationChanged();
  }

  @Transactional
  public void addSection(String departmentCode, String code, String name, String nameEn) {
    openDepartment(departmentCode);
    checkCode(code);
    checkName(name);
    if (exists("org_section", code)) {
      throw new Refused(Refused.Kind.CONFLICT, "code", "課コード " + code + " はすでにあります (section exists)");
    }
    jdbc.update("insert into org_section (code, department_code, name, name_en) values (?, ?, ?, ?)", code,
        departmentCode, name.strip(), blank(nameEn));
    group(Role.SECTION_CHIEF.groupId(code), Role.SECTION_CHIEF.groupName(name.strip()));
    organisation.organisationChanged();
  }

  /** @return the name before */
  @Transactional
  public String renameDepartment(String code, String name, String nameEn) {
    String before = openDepartment(code);
    checkName(name);
    jdbc.update("update org_department set name = ?, name_en = ? where code = ?", name.strip(), blank(nameEn), code);
    group(Role.DEPARTMENT_HEAD.groupId(code), Role.DEPARTMENT_HEAD.groupName(name.strip()));
    organisation.organisationChanged();
    return before;
  }

  /** @return the name before */
  @Transactional
  public String renameSection(String code, String name, String nameEn) {
    String before = openSection(code);
    checkName(name);
    jdbc.update("update org_section set name = ?, name_en = ? where code = ?", name.strip(), blank(nameEn), code);
    group(Role.SECTION_CHIEF.groupId(code), Role.SECTION_CHIEF.groupName(name.strip()));
    organisation.organisationChanged();
    return before;
  }

  /** Closes a department and its sections. */
  @Transactional
  public void closeDepartment(String code) {
    openDepartment(code);
    // one closing at a time per department: a person placed meanwhile is seen by the checks below
    jdbc.queryForObject("select code from org_department where code = ? for update", String.class, code);
    refuseWhileInUse(activePersons("department_code", code), openRequests(code, Role.DEPARTMENT_HEAD.groupId(code)));
    for (String section : jdbc.queryForList("select code from org_section where department_code = ? "
        + "and closed_at is null", String.class, code)) {
      refuseWhileInUse(0, openRequests(null, Role.SECTION_CHIEF.groupId(section)));
    }
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("update org_section set closed_at = ? where department_code = ? and closed_at is null", now, code);
    jdbc.update("update org_department set closed_at = ? where code = ?", now, code);
    organisation.organisationChanged();
  }

  @Transactional
  public void closeSection(String code) {
    openSection(code);
    jdbc.queryForObject("select code from org_section where code = ? for update", String.class, code);
    refuseWhileInUse(activePersons("section_code", code), openRequests(null, Role.SECTION_CHIEF.groupId(code)));
    jdbc.update("update org_section set closed_at = ? where code = ?", Timestamp.from(Instant.now()), code);
    organisation.organisationChanged();
  }

  /**
   * A closed department or section takes no one new: refuses placing a person in one (409). Locks both until the
   * placement commits, so that a closing running at the same time counts the person.
   */
  public void refuseClosedPlacement(String departmentCode, String sectionCode) {
    refuseClosed("org_department", "department", "部門", departmentCode);
    refuseClosed("org_section", "section", "課", sectionCode);
  }

  private void refuseClosed(String table, String field, String label, String code) {
    if (code != null && jdbc.queryForList("select closed_at from " + table + " where code = ? for update", code)
        .stream().anyMatch(row -> row.get("closed_at") != null)) {
      throw new Refused(Refused.Kind.CONFLICT, field, label + " " + code + " は閉鎖されているため異動できません"
          + " (closed: nobody can be moved into it)");
    }
  }

  private static void refuseWhileInUse(int persons, int openRequests) {
    if (persons > 0) {
      throw new Refused(Refused.Kind.CONFLICT, "code", "所属する従業員が " + persons + " 名いるため閉鎖できません。"
          + "先に人事異動で異動してください (persons still belong to it)");
    }
    if (openRequests > 0) {
      throw new Refused(Refused.Kind.CONFLICT, "code", "処理中の申請が " + openRequests + " 件あるため閉鎖できません。"
          + "申請が完了してから閉鎖してください (open requests)");
    }
  }

  /** Persons placed in the unit whose account is not disabled (leavers keep their place in the record). */
  private int activePersons(String column, String code) {
    return jdbc.queryForObject("select count(*) from org_person p left join account_state s on s.user_id = p.user_id "
        + "where p." + column + " = ? and coalesce(s.disabled, false) = false", Integer.class, code);
  }

  /** Running requests filed from the department, or waiting in a step offered to the unit's head or chief. */
  private int openRequests(String departmentCode, String roleGroup) {
    return jdbc.queryForObject("""
        select count(*) from (
          select r.process_instance_id as instance from audit_request r
            join ACT_RU_EXECUTION e on e.ID_ = r.process_instance_id where r.department_code = ?
          union
          select t.PROC_INST_ID_ from ACT_RU_TASK t join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_
           where l.GROUP_ID_ = ?) open_requests
        """, Integer.class, departmentCode, roleGroup);
  }

  private String openDepartment(String code) {
    return open("org_department", "部門", code);
  }

  private String openSection(String code) {
    return open("org_section", "課", code);
  }

  private String open(String table, String label, String code) {
    List<Map<String, Object>> rows = jdbc.queryForList("select name, closed_at from " + table + " where code = ?",
        code);
    if (rows.isEmpty()) {
      throw new Refused(Refused.Kind.NOT_FOUND, "code", label + " " + code + " はありません (not found)");
    }
    if (rows.get(0).get("closed_at") != null) {
      throw new Refused(Refused.Kind.CONFLICT, "code", label + " " + code + " は閉鎖されています (closed)");
    }
    return (String) rows.get(0).get("name");
  }

  private boolean exists(String table, String code) {
    return jdbc.queryForObject("select count(*) from " + table + " where code = ?", Integer.class, code) > 0;
  }

  private static void checkCode(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new Refused(Refused.Kind.INVALID, "code", "コードは英数字と . _ - で 64 文字までです"
          + " (letters, digits, dot, underscore and hyphen, at most 64)");
    }
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      throw new Refused(Refused.Kind.INVALID, "name", "名前を 200 文字以内で入力してください (name, at most 200 characters)");
    }
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private void group(String id, String name) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
      group.setType("ROLE");
    }
    group.setName(name);
    Group saved = group;
    // a new department's or section's head group starts empty: its holder comes by a roleChange request
    GuardedGroups.asApplication("organisation unit " + id, () -> identityService.saveGroup(saved));
  }
}
