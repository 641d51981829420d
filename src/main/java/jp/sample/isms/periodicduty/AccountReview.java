package jp.sample.isms.periodicduty;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.ValidationErrors;

/**
 * アカウントの棚卸し (5.1.5, 5.1.7): the active rows of the account register of a department's people, what its head
 * decided for each (CONFIRMED, DELETE, CHANGE) as the register's history (table {@code account_review_result}), and
 * the accountRequest filed for a marked row. Reads the register's table; the accountRequest flow keeps it.
 */
@Component
public class AccountReview {

  public static final String CONFIRMED = "CONFIRMED";
  public static final String DELETE = "DELETE";
  public static final String CHANGE = "CHANGE";
  /** Entered instead of a request number when the filing for a marked row was refused. */
  public static final String REFUSED = "REFUSED";
  static final String CLAUSE = "5.1.5";

  /** An active account of the register. */
  public record Account(long rowId, String userId, String system, String accountId, String accessRights) {
  }

  /** One reviewed row. */
  public record Result(long id, String businessKey, long rowId, String userId, String system, String accountId,
      String reviewer, String result, String filedRequest) {
  }

  private final JdbcTemplate jdbc;

  AccountReview(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The active accounts of the department's people, by register row. */
  public List<Account> accounts(String department) {
    return jdbc.query("""
        select a.id, a.user_id, a.system_code, a.account_id, a.access_rights from account_register a
          join org_person p on p.user_id = a.user_id
         where a.status = 'ACTIVE' and p.department_code = ? order by a.id
        """, (rs, i) -> new Account(rs.getLong("id"), rs.getString("user_id"), rs.getString("system_code"),
        rs.getString("account_id"), rs.getString("access_rights")), department);
  }

  /** The list the department head reviews: one line per row, {@code 12: yamamoto / FILE_SERVER / yamamoto / 読み取り}. */
  static String list(List<Account> accounts) {
    if (accounts.isEmpty()) {
      return "(部門のアカウントは台帳にありません)";
    }
    return accounts.stream().map(a -> a.rowId() + ": " + a.userId() + " / " + a.system() + " / " + a.accountId()
        + " / " + (a.accessRights() == null ? "-" : a.accessRights())).collect(Collectors.joining("\n"));
  }

  /** Row numbers in a field ({@code 12, 15}); null for a field that is not a list of numbers. */
  static Set<Long> rows(String field) {
    Set<Long> rows = new LinkedHashSet<>();
    if (field == null || field.isBlank()) {
      return rows;
    }
    for (String part : field.split("[,、\\s]+")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        rows.add(Long.valueOf(part.strip()));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return rows;
  }

  /** Only rows of the list, each marked once; a change says the rights it changes to. */
  void validate(RequestInput input, ValidationErrors errors) {
    Set<Long> listed = rows(input.string(PeriodicDutyProcess.ACCOUNT_ROWS));
    Set<Long> delete = rows(input.string(PeriodicDutyProcess.DELETE_ROWS));
    Set<Long> change = rows(input.string(PeriodicDutyProcess.CHANGE_ROWS));
    checkRows(PeriodicDutyProcess.DELETE_ROWS, delete, listed, errors);
    checkRows(PeriodicDutyProcess.CHANGE_ROWS, change, listed, errors);
    if (delete != null && change != null && delete.stream().anyMatch(change::contains)) {
      errors.field(PeriodicDutyProcess.CHANGE_ROWS, "同じ行を削除と変更の両方に指定することはできません");
    }
    if (change != null && !change.isEmpty() && input.string(PeriodicDutyProcess.CHANGE_RIGHTS) == null) {
      errors.refuse(PeriodicDutyProcess.CHANGE_RIGHTS, CLAUSE, "権限を変更する行がある場合は変更後の権限を記入してください");
    }
  }

  private static void checkRows(String field, Set<Long> rows, Set<Long> listed, ValidationErrors errors) {
    if (rows == null) {
      errors.field(field, "行番号をカンマ区切りの数字で記入してください (例: 12, 15)");
      return;
    }
    List<Long> unknown = rows.stream().filter(row -> listed == null || !listed.contains(row)).toList();
    if (!unknown.isEmpty()) {
      errors.refuse(field, CLAUSE, "部門のアカウント一覧にない行は指定できません: " + unknown);
    }
  }

  /** Records the head's decision on every listed row. */
  void record(String businessKey, List<Account> accounts, Set<Long> delete, Set<Long> change, String reviewer,
      OffsetDateTime at) {
    for (Account account : accounts) {
      String result = delete.contains(account.rowId()) ? DELETE : change.contains(account.rowId()) ? CHANGE : CONFIRMED;
      jdbc.update("""
          insert into account_review_result (business_key, account_register_id, user_id, system_code, account_id,
            reviewer, result, reviewed_at) values (?, ?, ?, ?, ?, ?, ?, ?)
          """, businessKey, account.rowId(), account.userId(), account.system(), account.accountId(), reviewer, result,
          Timestamp.from(at.toInstant()));
    }
  }

  /** The marked rows of a review whose request is not filed yet. */
  List<Result> unfiled(String businessKey) {
    return jdbc.query("select * from account_review_result where business_key = ? and result <> ? "
        + "and filed_request is null order by id", (rs, i) -> result(rs), businessKey, CONFIRMED);
  }

  void filed(long resultId, String request) {
    jdbc.update("update account_review_result set filed_request = ? where id = ?", request, resultId);
  }

  /** Every reviewed row of a review, or of the register's row (its history), oldest first. */
  public List<Result> ofReview(String businessKey) {
    return jdbc.query("select * from account_review_result where business_key = ? order by id", (rs, i) -> result(rs),
        businessKey);
  }

  public List<Result> ofAccount(long rowId) {
    return jdbc.query("select * from account_review_result where account_register_id = ? order by id",
        (rs, i) -> result(rs), rowId);
  }

  /** The variables of the accountRequest a marked row files, as its start form submits them. */
  static Map<String, Object> request(Result row, String rights, String reviewBusinessKey, LocalDate today) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("requestType", row.result());
    variables.put("targetUserId", row.userId());
    variables.put("system", row.system());
    variables.put("accountId", row.accountId());
    variables.put("reason", "アカウントの棚卸し " + reviewBusinessKey + " (5.1.5, 5.1.7) で"
        + (DELETE.equals(row.result()) ? "不要" : "権限の変更が必要") + "と判断");
    if (DELETE.equals(row.result())) {
      variables.put("unneededDate", today.toString());
    } else {
      variables.put("accessRights", rights);
      variables.put("sharedAccount", false);
      variables.put("privileged", false);
    }
    return variables;
  }

  private static Result result(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Result(rs.getLong("id"), rs.getString("business_key"), rs.getLong("account_register_id"),
        rs.getString("user_id"), rs.getString("system_code"), rs.getString("account_id"), rs.getString("reviewer"),
        rs.getString("result"), rs.getString("filed_request"));
  }

  static List<Long> sorted(Set<Long> rows) {
    List<Long> list = new ArrayList<>(rows);
    list.sort(null);
    return list;
  }
}
