/**
 * クラウドサービス利用申請 (7.18, 4.1.3): process {@code cloudUse}, its table of what must be confirmed
 * ({@code cloudUseRequirement}), the refusal of an internal-only registration address and the クラウドサービス台帳.
 */
package jp.sample.isms.clouduse;
