package jp.sample.isms.organisation;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import jp.sample.isms.engine.CommandScopedCache;

/**
 * Answers who a person is and who holds a role for a requester. Reads the engine's identity tables directly: routing
 * runs inside engine commands on behalf of the requester, whose own authorizations must not hide the approvers.
 *
 * <p>Inside an engine command each person, name and group's members is read once, a person or name that does not
 * exist included: filing or deciding a request asks routing, the four-eyes check and the record for the same people
 * several times. The answers are kept for the running command, one {@link CommandScopedCache} per kind of read, and
 * end with it, so another command, even on the same pooled thread, reads the database again. Whoever changes the
 * organisation inside a command calls {@link #organisationChanged()} (the writers of this package and
 * {@code accounts/OrganisationChanges} do), so that the rest of the command reads the change. Outside a command every
 * call reads the database.
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
  private final CommandScopedCache<String, Optional<Person>> persons = new CommandScopedCache<>("persons");
  private final CommandScopedCache<String, String> names = new CommandScopedCache<>("person names");
  private final CommandScopedCache<String, List<String>> groupMembers = new CommandScopedCache<>("group members");

  public OrganisationService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The organisation was changed in the running command (a person moved, a role holder added or removed, a user
   * created): what the command read before is read again. Nothing outside a command, where nothing is kept.
   */
  public void organisationChanged() {
    persons.forgetAll();
    names.forgetAll();
    groupMembers.forgetAll();
  }

  public Optional<Person> person(String userId) {
    return cached(persons, userId, this::readPerson);
  }

  private Optional<Person> readPerson(String userId) {
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

  /**
   * A person's name as Japanese users write it: family name first. Falls back to the user id for an unknown user or
   * one without a name.
   */
  public String displayName(String userId) {
    return cached(names, userId, this::readDisplayName);
  }

  private String readDisplayName(String userId) {
    return jdbc.query("select LAST_, FIRST_ from ACT_ID_USER where ID_ = ?",
        (rs, i) -> Optional.ofNullable(displayName(rs.getString("LAST_"), rs.getString("FIRST_"))), userId)
        .stream().findFirst().flatMap(name -> name).orElse(userId);
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
    return cached(groupMembers, groupId, id -> List.copyOf(jdbc.queryForList(
        "select USER_ID_ from ACT_ID_MEMBERSHIP where GROUP_ID_ = ? order by USER_ID_", String.class, id)));
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

  /** What the running command read for {@code key}, else read (and kept); a null key is read every time. */
  private static <T> T cached(CommandScopedCache<String, T> cache, String key, Function<String, T> read) {
    return key == null ? read.apply(key) : cache.get(key, read);
  }
}
