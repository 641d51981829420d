package jp.sample.isms.organisation;

/** Engine groups that are not roles. */
public final class OrganisationGroups {

  /** Every person of the organisation: may use Tasklist and file requests. */
  public static final String EMPLOYEES = "employees";

  /** The engine's built-in administrators group: Cockpit, Admin, all authorizations. System administrators only. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  private OrganisationGroups() {
  }
}
