package jp.sample.isms.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * An account request (5.1) as its start form submits it: creating, changing or deleting the account of a person on a
 * system; created and changed accounts name the access rights and the asset of the person's department they are for
 * (5.1.1). Each test changes only what it is about.
 */
public final class AccountRequestFixture {

  /** The access rights asked for unless a test says otherwise. */
  public static final String RIGHTS = "設計部共有フォルダー 読み取り・書き込み";

  /** An asset of each demo person's department in the demo 情報資産管理台帳, which the access rights are for. */
  public static final Map<String, String> ASSET_OF = Map.of(DemoOrganisation.DESIGN_EMPLOYEE, "IA-0001",
      DemoOrganisation.DESIGN_CHIEF, "IA-0001", DemoOrganisation.DEVELOPMENT_HEAD, "IA-0001",
      DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "IA-0014", DemoOrganisation.GENERAL_AFFAIRS_HEAD, "IA-0014",
      DemoOrganisation.PRODUCTION_EMPLOYEE, "IA-0008", DemoOrganisation.MANUFACTURING_HEAD, "IA-0008",
      DemoOrganisation.HR_HEAD, "IA-0024");

  private final Map<String, Object> variables = new HashMap<>();

  private AccountRequestFixture(String type, String target, String system, String accountId) {
    variables.put("requestType", type);
    variables.put("targetUserId", target);
    variables.put("system", system);
    variables.put("accountId", accountId);
    variables.put("reason", "設計業務のため");
    if (!"DELETE".equals(type)) {
      variables.put("accessRights", RIGHTS);
      variables.put("assetIds", ASSET_OF.getOrDefault(target, "IA-0001"));
      variables.put("sharedAccount", false);
      variables.put("privileged", false);
    }
  }

  /** A request of this type ({@code CREATE}, {@code CHANGE}, {@code DELETE}). */
  public static AccountRequestFixture of(String type, String target, String system, String accountId) {
    return new AccountRequestFixture(type, target, system, accountId);
  }

  public static AccountRequestFixture create(String target, String system, String accountId) {
    return of("CREATE", target, system, accountId);
  }

  /** Deleting an account no longer needed from {@code unneededDate}. */
  public static AccountRequestFixture delete(String target, String system, String accountId, LocalDate unneededDate) {
    return of("DELETE", target, system, accountId).with("unneededDate", unneededDate.toString());
  }

  /** The system administrator's report of the account set up, as the set-up step's form submits it. */
  public static Map<String, Object> setUp(String accountId, String rights) {
    return Map.of("grantedAccountId", accountId, "grantedRights", rights, "passwordChangeEnforced", true,
        "comment", "初期パスワードを設定済み");
  }

  /** Any other field of the form, or one set to a value a test is about. */
  public AccountRequestFixture with(String field, Object value) {
    variables.put(field, value);
    return this;
  }

  /** The variables, a fresh mutable map each time. */
  public Map<String, Object> build() {
    return new HashMap<>(variables);
  }
}
