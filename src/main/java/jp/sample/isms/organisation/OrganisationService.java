package jp.sample.isms.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Answers who a person is and who holds a role for a requester. Reads the engine's identity tables directly: routing
 * runs inside engine commands on behalf of the requester, whose own authorizations must not hide the approvers.
 */
@Service
public class OrganisationService {

  private static final String PERSON_SELECT = """
      select p.user_id, u.LAST_, u.FIRST_, u.EMAIL_, p.department_code, d.name as department_name,
             p.section_code, s.name as section_name, p.employee, p.locale
        from org_person p
        join ACT_ID_USER u on u.ID_ = p.user_id
        left join org_department d on d.code = p.department_code
        left join org_section s on s.code = p.section_code
      """;

  private final JdbcTemplate jdbc;

  public OrganisationService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Person> person(String userId) {
    return jdbc.query(PERSON_SELECT + " where p.user_id = ?", (rs, i) -> new Person(
        rs.getString("user_id"),
        displayName(rs.getString("LAST_"), rs.getString("FIRST_")),
        rs.getString("EMAIL_"),
        rs.getString("department_code"),
        rs.getString("department_name"),
        rs.getString("section_code"),
        rs.getString("section_name"),
        rs.getBoolean("employee"),
        rs.getString("locale")), userId).stream().findFirst();
  }

  /** A person's name as Japanese users write it: family name first. Falls back to the user id. */
  public String displayName(String userId) {
    return jdbc.query("select LAST_, FIRST_ from ACT_ID_USER where ID_ = ?",
        (rs, i) -> displayName(rs.getString("LAST_"), rs.getString("FIRST_")), userId)
        .stream().findFirst().orElse(userId);
  }

  /**
   * The holders of {@code role} for {@code requesterId}: their department's head, their section's chief, or the
   * company-wide holders. Empty when the requester has no such department or section or nobody holds the role.
   */
  public RoleHolders holders(Role role, String requesterId) {
    String scopeCode = switch (role.scope()) {
      case COMPANY -> null;
      case DEPARTMENT -> person(requesterId).map(Person::departmentCode).orElse(null);
      case SECTION -> person(requesterId).map(Person::sectionCode).orElse(null);
    };
    if (role.scope() != Role.Scope.COMPANY && scopeCode == null) {
      return new RoleHolders(role, null, null, List.of());
    }
    String groupId = role.groupId(scopeCode);
    return new RoleHolders(role, scopeCode, groupId, members(groupId));
  }

  /** Members of an engine group, sorted by user id. */
  public List<String> members(String groupId) {
    return jdbc.queryForList(
        "select USER_ID_ from ACT_ID_MEMBERSHIP where GROUP_ID_ = ? order by USER_ID_", String.class, groupId);
  }

  /** Whether the user holds the role anywhere (any department or section for scoped roles). */
  public boolean holdsAnywhere(String userId, Role role) {
    String groupId = role.scope() == Role.Scope.COMPANY ? role.groupId(null) : role.groupPrefix() + ".%";
    Integer count = jdbc.queryForObject(
        "select count(*) from ACT_ID_MEMBERSHIP where USER_ID_ = ? and GROUP_ID_ like ?", Integer.class,
        userId, groupId);
    return count != null && count > 0;
  }

  /** The Japanese name of a department, e.g. 開発設計部. */
  public Optional<String> departmentName(String code) {
    return jdbc.queryForList("select name from org_department where code = ?", String.class, code).stream()
        .findFirst();
  }

  static String displayName(String last, String first) {
    String name = ((last == null ? "" : last) + " " + (first == null ? "" : first)).trim();
    return name.isEmpty() ? null : name;
  }
}
