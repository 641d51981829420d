package jp.sample.isms.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.GuardedGroups;
import jp.sample.isms.organisation.PasswordChanges;

/**
 * The engine's database identity provider with the regulation's rules for our own users: no guest-like accounts
 * (5.1.8), and passwords moved to bcrypt at the next successful login of a user whose hash is still SHA-512.
 */
public class IsmsIdentityProvider extends DbIdentityServiceProvider {

  private final LoginCache logins;
  /** Disabled accounts and last logins (looked up when first used: the organisation needs the engine). */
  private final Supplier<AccountStates> accounts;
  /** {@code isms.environment=production}: test and demo ids are refused too. */
  private final boolean production;
  /** The role groups and camunda-admin, which change only through an approved request. */
  private final GuardedGroups guardedGroups;

  IsmsIdentityProvider(LoginCache logins, Supplier<AccountStates> accounts, boolean production,
      GuardedGroups guardedGroups) {
    this.logins = logins;
    this.accounts = accounts;
    this.production = production;
    this.guardedGroups = guardedGroups;
  }

  /** Opens the provider for each command, with the collaborators it was built with. */
  static final class Factory implements SessionFactory {

    private final LoginCache logins;
    private final Supplier<AccountStates> accounts;
    private final boolean production;
    private final GuardedGroups guardedGroups;

    Factory(LoginCache logins, Supplier<AccountStates> accounts, boolean production, GuardedGroups guardedGroups) {
      this.logins = logins;
      this.accounts = accounts;
      this.production = production;
      this.guardedGroups = guardedGroups;
    }

    @Override
    public Class<?> getSessionType() {
      return IsmsIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new IsmsIdentityProvider(logins, accounts, production, guardedGroups);
    }
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    guardedGroups.check("create membership", groupId, userId);
    logins.forgetMemberships(userId);
    return super.createMembership(userId, groupId);
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    guardedGroups.check("delete membership", groupId, userId);
    logins.forgetMemberships(userId);
    return super.deleteMembership(userId, groupId);
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    guardedGroups.check("delete group", groupId, null);
    logins.forgetMemberships(null);
    return super.deleteGroup(groupId);
  }

  @Override
  public IdentityOperationResult saveGroup(org.camunda.bpm.engine.identity.Group group) {
    guardedGroups.check("save group", group.getId(), null);
    return super.saveGroup(group);
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    logins.forgetMemberships(userId);
    return super.createTenantUserMembership(tenantId, userId);
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    logins.forgetMemberships(null);
    return super.createTenantGroupMembership(tenantId, groupId);
  }

  @Override
  public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
    logins.forgetMemberships(userId);
    return super.deleteTenantUserMembership(tenantId, userId);
  }

  @Override
  public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
    logins.forgetMemberships(null);
    return super.deleteTenantGroupMembership(tenantId, groupId);
  }

  @Override
  public IdentityOperationResult deleteTenant(String tenantId) {
    logins.forgetMemberships(null);
    return super.deleteTenant(tenantId);
  }

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
    String actor = Context.getCommandContext().getAuthenticatedUserId();
    if (newPassword) {
      // 5.1.6, 5.1.8: nobody sets another person's password, not even camunda-admin (PasswordChanges)
      PasswordChanges.check(user.getId(), actor, ((UserEntity) user).getRevision() > 0);
      logins.forgetLogin(user.getId());
    }
    IdentityOperationResult result = super.saveUser(user);
    // 5.1.8: a password someone else set (a one-time password) is changed by the user at the first login; the
    // organisation import at start (no user) sets none that must be changed. Either way a new password starts its
    // age afresh (expiry) and lifts an expired one's lapse.
    if (newPassword) {
      if (actor != null) {
        accounts.get().passwordSet(user.getId(), actor.equals(user.getId()));
      } else {
        accounts.get().passwordSetBySystem(user.getId());
      }
    }
    return result;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    // a disabled account (5.1.7) cannot log in, to the webapps or the REST API
    if (userId != null && accounts.get().isDisabled(userId)) {
      BcryptPasswordEncryptor.checkAgainstNobody(password);
      return false;
    }
    String hash = password == null ? null : LoginCache.hash(userId, password);
    if (remembered(userId, hash)) {
      return true;
    }
    if (hash == null || userId == null) {
      return verify(userId, password, hash);
    }
    // when a remembered login expires, every client of that user misses at once: one of them checks the password,
    // the others with the same credentials wait for it instead of paying bcrypt each; other credentials (someone
    // trying passwords) never wait for these
    return logins.checkOnce(hash, () -> remembered(userId, hash) || verify(userId, password, hash));
  }

  private boolean remembered(String userId, String hash) {
    return logins.remembered(userId, hash);
  }

  private boolean verify(String userId, String password, String hash) {
    UserEntity stored = userId == null ? null : findUserById(userId);
    if (stored == null || stored.getPassword() == null || password == null || password.isEmpty()) {
      // an unknown user, or a person imported without a password (who cannot log in until the system administrator
      // issues a one-time password), costs the same as a known user's wrong password: the time of the answer does
      // not tell who exists
      BcryptPasswordEncryptor.checkAgainstNobody(password);
      return false;
    }
    boolean valid = super.checkPassword(userId, password);
    if (valid) {
      accounts.get().loggedIn(userId);
    }
    if (valid && hash != null && logins.enabled()) {
      logins.remember(userId, hash);
    } else if (userId != null) {
      logins.forgetLogin(userId);
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

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    logins.forgetLogin(userId);
    return super.deleteUser(userId);
  }

  void refuseGuestLike(String userId) {
    if (jp.sample.isms.organisation.GuestAccountIds.refusedAsUser(userId, production)) {
      throw new BadUserRequestException("5.1.8: ゲスト用・共用のユーザーIDは作成できません (guest-like user id refused): " + userId);
    }
  }
}
