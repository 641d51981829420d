package jp.sample.isms.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 1.1: the 情報セキュリティ委員会 is the security officer, every department head, the system administrator, the
 * education officer, the incident officer and the audit officer, derived from the roles (the role groups' members).
 */
@Component
public class Committee {

  /** The company-wide roles of the committee; every department head besides. */
  static final List<Role> ROLES = List.of(Role.SECURITY_OFFICER, Role.SYSTEM_ADMINISTRATOR, Role.EDUCATION_OFFICER,
      Role.INCIDENT_OFFICER, Role.AUDIT_OFFICER);

  /** A member's seat: a role they hold and its group. */
  public record Seat(Role role, String groupId) {
  }

  private final JdbcTemplate jdbc;

  Committee(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The members, by user id. */
  public List<String> members() {
    return List.copyOf(seats().keySet());
  }

  /** Each member's first seat (in the order of {@link #ROLES}, then department head), by user id in order. */
  public Map<String, Seat> seats() {
    Map<String, Seat> seats = new LinkedHashMap<>();
    List<Map<String, Object>> rows = jdbc.queryForList("select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP where "
        + "GROUP_ID_ in (?, ?, ?, ?, ?) or GROUP_ID_ like ? order by USER_ID_", ROLES.get(0).groupId(null),
        ROLES.get(1).groupId(null), ROLES.get(2).groupId(null), ROLES.get(3).groupId(null), ROLES.get(4).groupId(null),
        Role.DEPARTMENT_HEAD.groupPrefix() + ".%");
    Map<String, Seat> best = new java.util.TreeMap<>();
    for (Map<String, Object> row : rows) {
      String user = (String) row.get("USER_ID_");
      String group = (String) row.get("GROUP_ID_");
      Role role = ROLES.stream().filter(r -> r.groupId(null).equals(group)).findFirst().orElse(Role.DEPARTMENT_HEAD);
      Seat current = best.get(user);
      if (current == null || rank(role) < rank(current.role())) {
        best.put(user, new Seat(role, group));
      }
    }
    seats.putAll(best);
    return seats;
  }

  private static int rank(Role role) {
    int index = ROLES.indexOf(role);
    return index < 0 ? ROLES.size() : index;
  }
}
