package jp.sample.isms.organisation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 5.1.8 「ゲスト用アカウントは、無効化する」: which account ids name nobody. One rule for the product's own user ids (the
 * identity provider, onboarding) and for the accounts on other systems that account requests grant, where an id may be
 * a mail address (its local part counts). Case does not matter.
 * <ul>
 * <li>guest accounts: {@code guest} followed by anything ({@code guest}, {@code Guest01}, {@code guest-kiosk}),
 * {@code anonymous} with an optional number;</li>
 * <li>shared test and demo accounts: {@code test} or {@code demo} with an optional number. An installation that is not
 * production may have its own (the identity provider allows them there); nobody may request or onboard one.</li>
 * </ul>
 */
public final class GuestAccountIds {

  public static final String CLAUSE = "5.1.8";

  private static final Pattern GUEST = Pattern.compile("guest.*|anonymous\\d*");
  private static final Pattern SHARED = Pattern.compile("(test|demo)\\d*");

  private GuestAccountIds() {
  }

  /** A guest or a shared test or demo id: no one files for it, in production or not. */
  public static boolean isGuestLike(String id) {
    String name = localPart(id);
    return name != null && (GUEST.matcher(name).matches() || SHARED.matcher(name).matches());
  }

  /**
   * Whether the identity provider refuses to create or rename a user to {@code id}: guest ids always, shared test and
   * demo ids in production.
   */
  public static boolean refusedAsUser(String id, boolean production) {
    String name = localPart(id);
    return name != null && (GUEST.matcher(name).matches() || (production && SHARED.matcher(name).matches()));
  }

  private static String localPart(String id) {
    if (id == null) {
      return null;
    }
    String name = id.trim().toLowerCase(Locale.ROOT);
    int at = name.indexOf('@');
    return at < 0 ? name : name.substring(0, at);
  }
}
