package jp.sample.isms.organisation;

/**
 * The roles of 情報管理規程 1.1. Holders of a role are the members of its engine group, so that a task
 * offered to the group follows the role when its holder changes.
 */
public enum Role {
  PRESIDENT(Scope.COMPANY, "代表取締役", "President"),
  SECURITY_OFFICER(Scope.COMPANY, "情報セキュリティ責任者", "Security officer"),
  DEPARTMENT_HEAD(Scope.DEPARTMENT, "部門責任者", "Department head"),
  SECTION_CHIEF(Scope.SECTION, "課長", "Section chief"),
  SYSTEM_ADMINISTRATOR(Scope.COMPANY, "システム管理者", "System administrator"),
  EDUCATION_OFFICER(Scope.COMPANY, "教育責任者", "Education officer"),
  INCIDENT_OFFICER(Scope.COMPANY, "インシデント対応責任者", "Incident officer"),
  AUDIT_OFFICER(Scope.COMPANY, "監査・点検責任者", "Audit officer"),
  PROCESS_OWNER(Scope.COMPANY, "情報セキュリティ委員会", "Process owner");

  /** What a role is held for: the whole company, one department or one section. */
  public enum Scope { COMPANY, DEPARTMENT, SECTION }

  private final Scope scope;
  private final String nameJa;
  private final String nameEn;

  Role(Scope scope, String nameJa, String nameEn) {
    this.scope = scope;
    this.nameJa = nameJa;
    this.nameEn = nameEn;
  }

  public Scope scope() {
    return scope;
  }

  public String nameJa() {
    return nameJa;
  }

  public String nameEn() {
    return nameEn;
  }

  /** A role as an organisation file writes it: its code ({@code DEPARTMENT_HEAD}) or Japanese name; null if none. */
  public static Role parse(String text) {
    if (text == null) {
      return null;
    }
    String name = text.strip();
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(name) || role.nameJa.equals(name)) {
        return role;
      }
    }
    return null;
  }

  /** Every role's code and Japanese name, for messages. */
  public static String names() {
    return java.util.Arrays.stream(values()).map(r -> r.name() + " (" + r.nameJa + ")")
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** {@code SECTION_CHIEF} → {@code section-chief}. */
  public String groupPrefix() {
    return name().toLowerCase().replace('_', '-');
  }

  /** The engine group whose members hold this role for the given department or section (null for company roles). */
  public String groupId(String scopeCode) {
    if (scope == Scope.COMPANY) {
      return groupPrefix();
    }
    if (scopeCode == null || scopeCode.isBlank()) {
      throw new IllegalArgumentException(name() + " needs a " + scope.name().toLowerCase() + " code");
    }
    return groupPrefix() + "." + scopeCode;
  }

  /** Display name of the group in Camunda Admin, e.g. {@code 部門責任者 (開発設計部)}. */
  public String groupName(String scopeName) {
    return scope == Scope.COMPANY ? nameJa : nameJa + " (" + scopeName + ")";
  }
}
