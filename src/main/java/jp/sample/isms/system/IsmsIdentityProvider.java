package jp.sample.isms.system;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's database identity provider with the regulation's rules for our own users: no guest-like accounts
 * (5.1.8), and passwords moved to bcrypt at the next successful login of a user whose hash is still SHA-512.
 */
public class IsmsIdentityProvider extends DbIdentityServiceProvider {

  private static final Pattern GUEST = Pattern.compile("(?i)(guest|anonymous)\\d*");
  private static final Pattern PRODUCTION_FORBIDDEN = Pattern.compile("(?i)(test|demo)\\d*");

  /** Set by the engine plugin from {@code isms.environment}. */
  static volatile boolean production;

  /** Set by the engine plugin: disabled accounts and last logins. */
  static volatile java.util.function.Supplier<jp.sample.isms.organisation.AccountStates> accounts;

  @Override
  public UserEntity createNewUser(String userId) {
    refuseGuestLike(userId);
    return super.createNewUser(userId);
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    if (user instanceof UserEntity entity && entity.getRevision() == 0) {
      refuseGuestLike(user.getId());
    }
    boolean newPassword = user instanceof UserEntity entity && entity.hasNewPassword();
    IdentityOperationResult result = super.saveUser(user);
    // 5.1.8: a password someone else set (creation, reset) is changed by the user at the first login; the
    // organisation import at start (no user) sets none that must be changed
    String actor = Context.getCommandContext().getAuthenticatedUserId();
    if (newPassword && actor != null && accounts != null) {
      accounts.get().passwordSet(user.getId(), actor.equals(user.getId()));
    }
    return result;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    // a disabled account (5.1.7) cannot log in, to the webapps or the REST API
    if (userId != null && accounts != null && accounts.get().isDisabled(userId)) {
      return false;
    }
    boolean valid = super.checkPassword(userId, password);
    if (valid && accounts != null) {
      accounts.get().loggedIn(userId);
    }
    if (valid) {
      UserEntity user = findUserById(userId);
      if (user != null && user.getPassword() != null
          && !user.getPassword().startsWith("{" + BcryptPasswordEncryptor.ALGORITHM + "}")) {
        // re-hash the legacy SHA-512 password now that we know it; the policy is not re-checked on an unchanged password
        user.setPassword(password);
        user.encryptPassword();
        Context.getCommandContext().getDbEntityManager().merge(user);
      }
    }
    return valid;
  }

  static void refuseGuestLike(String userId) {
    if (userId != null && (GUEST.matcher(userId).matches() || (production && PRODUCTION_FORBIDDEN.matcher(userId).matches()))) {
      throw new BadUserRequestException("5.1.8: ゲスト用・共用のユーザーIDは作成できません (guest-like user id refused): " + userId);
    }
  }
}
