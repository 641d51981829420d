package jp.sample.isms.rolechange;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.accounts.OrganisationChanges;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationGroups;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;
import jp.sample.isms.organisation.Role;

/**
 * The rules of a role change (1.1, 10.1, 5.1.5, 5.1.10), all in this class: who files, which group a change names,
 * who approves, when a privileged group is an exception with an end date; and the change itself, applied to the
 * engine group and written to the register {@code role_change} with the request number.
 */
@Component
class RoleChanges {

  /** The engine's administrators group, changed by the same request as the roles. */
  static final String CAMUNDA_ADMIN = "CAMUNDA_ADMIN";

  /** The groups 5.1.10 keeps for the system administrator and the security officer (engine rights, deployments). */
  static final List<String> PRIVILEGED = List.of(CAMUNDA_ADMIN, Role.PROCESS_OWNER.name());

  /** Roles that must keep a holder: without one nobody approves, administers or decides at the top. */
  static final List<String> NEVER_EMPTY = List.of(CAMUNDA_ADMIN, Role.PRESIDENT.name(), Role.SECURITY_OFFICER.name(),
      Role.SYSTEM_ADMINISTRATOR.name());

  /** One row of the register: a change applied with its request. */
  record Change(String businessKey, String changeKind, String roleCode, String unitCode, String groupId,
      String userId, String requestedBy, String approvedBy, String approvedRole, OffsetDateTime appliedAt,
      LocalDate exceptionUntil, OffsetDateTime lapsedAt, String reason) {
  }

  private final OrganisationService organisation;
  private final AccountStates accounts;
  private final JdbcTemplate jdbc;
  private final OrganisationChanges changes;
  private final String hrDepartment;

  RoleChanges(OrganisationService organisation, AccountStates accounts, JdbcTemplate jdbc,
      @org.springframework.context.annotation.Lazy OrganisationChanges changes,
      @Value("${isms.organisation.hr-department:hr}") String hrDepartment) {
    this.organisation = organisation;
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.changes = changes;
    this.hrDepartment = hrDepartment;
  }

  /** 10.1: the system administrator or someone of 人事部 files a role change. */
  boolean mayFile(Person requester) {
    return requester != null && (organisation.holdsAnywhere(requester.userId(), Role.SYSTEM_ADMINISTRATOR)
        || hrDepartment.equals(requester.departmentCode()));
  }

  /** The engine group a change names, or null with the reason in {@code errors}. */
  String groupId(Map<String, Object> variables, ValidationErrors errors) {
    String roleCode = RequestValues.string(variables.get(RoleChangeProcess.ROLE));
    String unit = RequestValues.string(variables.get(RoleChangeProcess.UNIT_CODE));
    if (CAMUNDA_ADMIN.equals(roleCode)) {
      return unitMustBeBlank(unit, errors) ? OrganisationGroups.CAMUNDA_ADMIN : null;
    }
    Role role = roleCode == null ? null : Role.parse(roleCode);
    if (role == null) {
      errors.field(RoleChangeProcess.ROLE, "役割を選んでください (" + Role.names() + ", CAMUNDA_ADMIN)");
      return null;
    }
    switch (role.scope()) {
      case COMPANY:
        return unitMustBeBlank(unit, errors) ? role.groupId(null) : null;
      case DEPARTMENT:
        if (unit == null || count("select count(*) from org_department where code = ? and closed_at is null", unit) == 0) {
          errors.refuse(RoleChangeProcess.UNIT_CODE, "1.1", "部門責任者は組織にある部門について指定します (部門コード, e.g. development)");
          return null;
        }
        return role.groupId(unit);
      default:
        if (unit == null || count("select count(*) from org_section where code = ? and closed_at is null", unit) == 0) {
          errors.refuse(RoleChangeProcess.UNIT_CODE, "1.1", "課長は組織にある課について指定します (課コード, e.g. design)");
          return null;
        }
        return role.groupId(unit);
    }
  }

  private static boolean unitMustBeBlank(String unit, ValidationErrors errors) {
    if (unit != null) {
      errors.field(RoleChangeProcess.UNIT_CODE, "部門・課はこの役割には指定しません (only for department heads and section chiefs)");
      return false;
    }
    return true;
  }

  /** Every rule of the filing; the group on success, null with the reasons in {@code errors}. */
  String check(Map<String, Object> variables, Person requester, LocalDate today, ValidationErrors errors) {
    if (!mayFile(requester)) {
      errors.refuse(RoleChangeProcess.ROLE, "10.1", "役割の変更はシステム管理者または人事部が申請します");
      return null;
    }
    String group = groupId(variables, errors);
    String kind = RequestValues.string(variables.get(RoleChangeProcess.CHANGE_KIND));
    String person = RequestValues.string(variables.get(RoleChangeProcess.PERSON));
    Person subject = person == null ? null : organisation.person(person).orElse(null);
    if (subject == null) {
      errors.field(RoleChangeProcess.PERSON, "組織の従業員のユーザーIDを指定してください");
      return null;
    }
    LocalDate until = RequestValues.date(variables.get(RoleChangeProcess.EXCEPTION_UNTIL));
    if (group == null) {
      return null;
    }
    boolean member = organisation.members(group).contains(person);
    String roleCode = RequestValues.string(variables.get(RoleChangeProcess.ROLE)).strip().toUpperCase();
    if (RoleChangeProcess.ADD.equals(kind)) {
      if (accounts.isDisabled(person)) {
        errors.refuse(RoleChangeProcess.PERSON, "5.1.7", "停止中のアカウントには役割を付与できません: " + person);
      } else if (member) {
        errors.field(RoleChangeProcess.PERSON, subject.displayName() + " は既にこの役割を担当しています (" + group + ")");
      }
      boolean privileged = PRIVILEGED.contains(roleCode);
      boolean entitled = organisation.holdsAnywhere(person, Role.SYSTEM_ADMINISTRATOR)
          || organisation.holdsAnywhere(person, Role.SECURITY_OFFICER);
      if (privileged && !entitled && until == null) {
        errors.refuse(RoleChangeProcess.EXCEPTION_UNTIL, "5.1.10", "特権 (" + group + ") はシステム管理者と情報セキュリティ"
            + "責任者だけに付与します。例外として付与するには期限 (最終日) を指定し、情報セキュリティ責任者の承認を受けてください");
      } else if (until != null && (!privileged || entitled)) {
        errors.field(RoleChangeProcess.EXCEPTION_UNTIL, "期限は、システム管理者・情報セキュリティ責任者以外への特権の例外 (5.1.10) "
            + "にだけ指定します");
      } else if (until != null && !until.isAfter(today)) {
        errors.field(RoleChangeProcess.EXCEPTION_UNTIL, "例外の期限は明日以降の日付にしてください");
      } else if (until != null && until.isAfter(today.plusYears(1))) {
        errors.refuse(RoleChangeProcess.EXCEPTION_UNTIL, "5.1.10", "特権の例外は 1 年以内の期限で付与します");
      }
    } else if (RoleChangeProcess.REMOVE.equals(kind)) {
      if (!member) {
        errors.field(RoleChangeProcess.PERSON, subject.displayName() + " はこの役割を担当していません (" + group + ")");
      } else if (NEVER_EMPTY.contains(roleCode) && organisation.members(group).stream()
          .filter(u -> !u.equals(person) && !accounts.isDisabled(u)).findAny().isEmpty()) {
        errors.refuse(RoleChangeProcess.PERSON, "1.1", "この役割 (" + group + ") の担当者がいなくなります。先に後任を追加してください");
      }
      if (until != null) {
        errors.field(RoleChangeProcess.EXCEPTION_UNTIL, "期限は追加の申請にだけ指定します");
      }
    }
    return errors.isEmpty() ? group : null;
  }

  /**
   * Who approves (5.1.5, 10.1): the security officer; a change of the security officer role, or of a person who
   * holds it, the president.
   */
  String approverRole(String roleCode, String person) {
    return Role.SECURITY_OFFICER.name().equals(roleCode) || organisation.holdsAnywhere(person, Role.SECURITY_OFFICER)
        ? Role.PRESIDENT.name() : Role.SECURITY_OFFICER.name();
  }

  /** The change as the approver and the chart read it. */
  String summary(String kind, String group, String person, LocalDate until) {
    return (RoleChangeProcess.ADD.equals(kind) ? "追加: " : "解除: ") + organisation.displayName(person) + " (" + person
        + ") — " + groupLabel(group) + (until == null ? "" : "\n5.1.10 の例外 (期限 " + until + " まで、翌日に自動で解除)");
  }

  /** {@code department-head.development} → {@code 部門責任者 (開発設計部)}. */
  String groupLabel(String group) {
    String name = jdbc.queryForList("select NAME_ from ACT_ID_GROUP where ID_ = ?", String.class, group).stream()
        .findFirst().orElse(group);
    return name + " [" + group + "]";
  }

  /** Applies an approved change to the engine group and writes the register row. */
  void apply(String businessKey, String kind, String roleCode, String unit, String group, String person,
      String requester, String approver, String approverRole, LocalDate until, String reason, OffsetDateTime now) {
    if (RoleChangeProcess.ADD.equals(kind)) {
      changes.addRoleHolder(group, person, approver, businessKey);
    } else {
      changes.removeRoleHolder(group, person, approver, businessKey);
    }
    jdbc.update("insert into role_change (business_key, change_kind, role_code, unit_code, group_id, user_id, "
        + "requested_by, approved_by, approved_role, applied_at, exception_until, reason) values "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", businessKey, kind, roleCode, unit, group, person, requester, approver,
        approverRole, now, until, reason == null ? null : reason.substring(0, Math.min(reason.length(), 1000)));
  }

  /** The exception of {@code businessKey} ends: the membership goes, the row says when. */
  void lapse(String businessKey, OffsetDateTime now) {
    for (Change change : history(businessKey)) {
      if (change.exceptionUntil() != null && change.lapsedAt() == null) {
        changes.removeRoleHolder(change.groupId(), change.userId(), "system", businessKey);
        jdbc.update("update role_change set lapsed_at = ? where business_key = ? and lapsed_at is null", now,
            businessKey);
      }
    }
  }

  /** The register, newest first; one request's rows when {@code businessKey} is given. */
  List<Change> history(String businessKey) {
    return jdbc.query("select * from role_change" + (businessKey == null ? "" : " where business_key = ?")
        + " order by applied_at desc, id desc", (rs, i) -> new Change(rs.getString("business_key"),
            rs.getString("change_kind"), rs.getString("role_code"), rs.getString("unit_code"), rs.getString("group_id"),
            rs.getString("user_id"), rs.getString("requested_by"), rs.getString("approved_by"),
            rs.getString("approved_role"), rs.getObject("applied_at", OffsetDateTime.class),
            rs.getObject("exception_until", LocalDate.class), rs.getObject("lapsed_at", OffsetDateTime.class),
            rs.getString("reason")), businessKey == null ? new Object[0] : new Object[] {businessKey});
  }

  private int count(String sql, Object... args) {
    Integer count = jdbc.queryForObject(sql, Integer.class, args);
    return count == null ? 0 : count;
  }
}
