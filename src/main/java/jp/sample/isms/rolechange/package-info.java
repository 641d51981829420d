/**
 * 役割変更申請 (1.1, 10.1, 5.1.5, 5.1.10): process {@code roleChange}. Adding or removing a holder of a role group of
 * 1.1 or of {@code camunda-admin} is filed by the system administrator or 人事部, approved by the security officer
 * (a change of the security officer's own role by the president), and only then applied to the engine group, recorded
 * with the request number for the 組織体制図. A privileged group for anyone but the system administrator and the
 * security officer is a 5.1.10 exception with an end date, when it lapses by itself.
 */
package jp.sample.isms.rolechange;
