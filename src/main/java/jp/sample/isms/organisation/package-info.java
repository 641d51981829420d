/**
 * The company's organisation: departments, sections, persons and the roles of 1.1 with their holders.
 * Answers "who holds role R for requester U", which every flow's routing uses, and guards the role groups and the
 * passwords ({@link jp.sample.isms.organisation.GuardedGroups}, {@link jp.sample.isms.organisation.PasswordChanges}),
 * which the identity provider in {@code system} checks.
 */
package jp.sample.isms.organisation;
