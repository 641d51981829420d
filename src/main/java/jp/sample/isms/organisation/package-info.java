/**
 * The company's organisation: departments, sections, persons and the roles of 1.1 with their holders.
 * Answers "who holds role R for requester U", which every flow's routing uses.
 */
package jp.sample.isms.organisation;
