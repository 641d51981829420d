package jp.sample.isms.organisation;

/**
 * A 人事異動 took effect: a role holder replaced, added or removed, or a person moved to another department. Published
 * inside the transaction of the change; the record listens to it in the same transaction, so a change is never
 * without its record (1.1) and a record never without its change.
 *
 * @param kind    what changed
 * @param by      the user on whose behalf the change was made (the approver of the role change, the system
 *                administrator who recorded the move)
 * @param comment what changed, for the record (who → whom, the steps handed back to the role)
 */
public record OrganisationChanged(Kind kind, String by, String comment) {

  public enum Kind {
    ROLE_HOLDER_REPLACED, ROLE_HOLDER_ADDED, ROLE_HOLDER_REMOVED, MOVED
  }
}
