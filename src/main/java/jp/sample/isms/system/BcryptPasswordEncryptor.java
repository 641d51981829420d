package jp.sample.isms.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Passwords stored with bcrypt (an adaptive hash, ASVS 2.4) instead of the engine's single salted SHA-512. The input
 * is first reduced with SHA-256, because bcrypt reads only 72 bytes and the engine appends its own salt.
 */
class BcryptPasswordEncryptor implements PasswordEncryptor {

  static final String ALGORITHM = "BCRYPT";
  private static final int COST = 10;

  @Override
  public String encrypt(String password) {
    return BCrypt.hashpw(prehash(password), BCrypt.gensalt(COST));
  }

  /** How many passwords were checked against a bcrypt hash (each costs ~100 ms of CPU); read by tests. */
  static final java.util.concurrent.atomic.AtomicLong CHECKS = new java.util.concurrent.atomic.AtomicLong();

  @Override
  public boolean check(String password, String encrypted) {
    CHECKS.incrementAndGet();
    try {
      return BCrypt.checkpw(prehash(password), encrypted);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A hash no password matches, made once: what an unknown user's password is compared with. */
  private static final class Nobody {
    static final String HASH = BCrypt.hashpw(prehash(java.util.UUID.randomUUID().toString()), BCrypt.gensalt(COST));
  }

  /**
   * One bcrypt comparison that always fails: a login for an unknown (or disabled) user costs what a known user's
   * wrong password costs, so the answer's time does not tell which user names exist.
   */
  static void checkAgainstNobody(String password) {
    BCrypt.checkpw(prehash(password == null ? "" : password), Nobody.HASH);
  }

  @Override
  public String hashAlgorithmName() {
    return ALGORITHM;
  }

  private static String prehash(String password) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
