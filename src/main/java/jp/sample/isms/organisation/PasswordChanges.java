package jp.sample.isms.organisation;

import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * 5.1.6, 5.1.8: who may set whose password. Nobody sets another person's password directly, the system administrator
 * ({@code camunda-admin}) included; a password changes only
 * <ul>
 * <li>by the person themself (their own credentials, with their current password, within the policy of 5.1.8);</li>
 * <li>through the product's one-time password ({@code organisation/OneTimePasswords}: the passwordReissue request,
 * the issue by the system administrator, the first administrator), which records who issued it and why, in
 * {@link #reissue};</li>
 * <li>by code that runs as nobody outside any HTTP request: start-up (the organisation import with the demo's
 * initial password), the engine's jobs (models cannot reach the identity service).</li>
 * </ul>
 * Checked twice: {@code system.EngineApiGuard} refuses another user's {@code …/user/{id}/credentials} and a
 * {@code user/create} with a password on both REST roots before the engine sees the call, and
 * {@code system.IsmsIdentityProvider#saveUser} refuses the save itself for every client (Camunda Admin, both REST roots, the
 * Java API as a logged-in user). A refusal is an {@link AuthorizationException}: 403, nothing changes.
 */
public final class PasswordChanges {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordChanges.class);

  /** What a refusal says, on both REST roots and in the Java API. */
  public static final String REFUSED = "5.1.6, 5.1.8: 他の利用者のパスワードは、システム管理者を含め誰も直接設定できません。"
      + "パスワード再発行申請 (passwordReissue) で本人確認のうえワンタイムパスワードを発行してください。利用者の作成は"
      + "入社手続 (onboarding) で行い、パスワードはワンタイムパスワードの発行で渡します (nobody sets another person's "
      + "password directly: file a password reissue request (passwordReissue), which issues a one-time password "
      + "after an identity check; users are created by onboarding, without a password)";

  /** The user whose one-time password is being issued on this thread, null if none. */
  private static final ThreadLocal<String> REISSUE = new ThreadLocal<>();

  private PasswordChanges() {
  }

  /**
   * Runs the product's issue of a one-time password for {@code userId}: within {@code change}, the password of that
   * user (and of no one else) may be saved by whoever is logged in. Only the product's code calls this; nothing a
   * request or a model sends can.
   */
  public static <T> T reissue(String userId, Supplier<T> change) {
    if (userId == null) {
      throw new IllegalArgumentException("userId");
    }
    String outer = REISSUE.get();
    REISSUE.set(userId);
    try {
      return change.get();
    } finally {
      if (outer == null) {
        REISSUE.remove();
      } else {
        REISSUE.set(outer);
      }
    }
  }

  /**
   * Refuses to save a new password for {@code userId} unless it is the person's own change, the product's reissue of
   * that user, or code of no one outside a request.
   *
   * @param actor    the user the engine command is authenticated as, null for none
   * @param existing whether the user exists already (a new user's password is never their own choice)
   * @throws AuthorizationException (403) for everybody else, administrators included
   */
  public static void check(String userId, String actor, boolean existing) {
    if (userId != null && userId.equals(REISSUE.get())) {
      return;
    }
    if (actor != null && existing && actor.equals(userId)) {
      return;
    }
    if (actor == null && RequestContextHolder.getRequestAttributes() == null) {
      return;
    }
    LOG.warn("refused a password set for user {} by {}: only the person themself or a one-time password of a "
        + "password reissue", userId, actor == null ? "(anonymous)" : actor);
    throw new AuthorizationException(REFUSED);
  }
}
