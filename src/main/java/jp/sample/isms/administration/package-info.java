/**
 * The system administrator's upkeep of the installation: importing the organisation, departments and sections,
 * one-time passwords, the first administrator of an empty database, and the page {@code /administration/} over it.
 * Every change is recorded in the decision record.
 */
package jp.sample.isms.administration;
