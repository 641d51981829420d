/**
 * 入社手続き (2.1, 2.4, 5.1.9): process {@code onboarding}: the signed confidentiality undertaking, the product account
 * of a new employee with the employee flag, an account request per system the person needs, and the initial
 * training by the education officer.
 */
package jp.sample.isms.onboarding;
