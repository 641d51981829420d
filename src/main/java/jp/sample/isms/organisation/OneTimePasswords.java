package jp.sample.isms.organisation;

import java.security.SecureRandom;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 5.1.6, 5.1.8: a one-time password for a person, random and within the password policy, set as a password someone
 * else chose — the person must change it at the first login before doing anything else. The password is returned
 * to the caller once and kept nowhere else: not mailed, not logged, not recorded.
 */
@Component
public class OneTimePasswords {

  static final int LENGTH = 16;
  // no look-alikes (0/O, 1/l/I) and no quotes or backslash: read aloud or typed from a screen without mistakes
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "!#$%&*+-=?@";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

  private final IdentityService identityService;
  private final AccountStates accounts;
  private final SecureRandom random = new SecureRandom();

  public OneTimePasswords(IdentityService identityService, AccountStates accounts) {
    this.identityService = identityService;
    this.accounts = accounts;
  }

  /**
   * Gives the user a new one-time password and returns it.
   *
   * @throws IllegalArgumentException the user does not exist
   * @throws IllegalStateException the account is disabled (5.1.7: enable it first)
   */
  @Transactional
  public String issue(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      throw new IllegalArgumentException(userId);
    }
    if (accounts.isDisabled(userId)) {
      throw new IllegalStateException(userId);
    }
    String password;
    do {
      password = generate();
    } while (!identityService.checkPasswordAgainstPolicy(password, user).isValid());
    user.setPassword(password);
    // the one path on which someone else sets a person's password (5.1.6, 5.1.8: PasswordChanges)
    PasswordChanges.reissue(user.getId(), () -> {
      identityService.saveUser(user);
      return null;
    });
    // set by someone else, also when no one is logged in (the first administrator at start-up)
    accounts.passwordSet(userId, false);
    return password;
  }

  String generate() {
    char[] password = new char[LENGTH];
    String[] required = {UPPER, LOWER, DIGITS, SYMBOLS};
    for (int i = 0; i < LENGTH; i++) {
      String from = i < required.length ? required[i] : ALL;
      password[i] = from.charAt(random.nextInt(from.length()));
    }
    for (int i = LENGTH - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      char swap = password[i];
      password[i] = password[j];
      password[j] = swap;
    }
    return new String(password);
  }
}
