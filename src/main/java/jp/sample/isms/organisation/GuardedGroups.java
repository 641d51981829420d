package jp.sample.isms.organisation;

import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import jp.sample.isms.engine.EngineInternals;

/**
 * The role groups of 1.1 and {@code camunda-admin} change only through an approved request (1.1, 10.1, 5.1.5,
 * 5.1.10): creating or deleting a membership, and creating, renaming or deleting such a group, is refused at the
 * identity provider, so for every client and API root alike (Camunda Admin, {@code /engine-rest},
 * {@code /camunda/api/...}, the Java API as a logged-in user). Allowed are only:
 * <ul>
 * <li>the application's own code in {@link #asApplication}: the organisation import, departments and sections
 * opened by the system administrator (an empty head's group), 人事異動 leaving a headship, the first administrator of
 * an empty database, and the delegates of the approved request {@code roleChange};</li>
 * <li>code that runs as nobody outside any HTTP request (start-up, the engine's jobs; models cannot reach the
 * identity service);</li>
 * <li>the break-glass property {@code isms.identity.break-glass} for a broken installation: off by default, and
 * every change it lets through is logged at ERROR.</li>
 * </ul>
 * A refusal is an {@link AuthorizationException}: 403 on both REST roots and in Camunda Admin; nothing changes. The
 * identity provider is built with this bean ({@code system.SecurityExtensions}); the break-glass setting is read once,
 * when it is made.
 */
@Component
public class GuardedGroups {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedGroups.class);

  /** The reason of the application's own change in progress on this thread, null if none. */
  private static final ThreadLocal<String> APPLICATION = new ThreadLocal<>();

  /** {@code isms.identity.break-glass}. */
  private final boolean breakGlass;

  public GuardedGroups(@Value("${isms.identity.break-glass:false}") boolean breakGlass) {
    this.breakGlass = breakGlass;
    if (breakGlass) {
      LOG.error("BREAK-GLASS: isms.identity.break-glass is on: role groups and camunda-admin can be changed without "
          + "an approved roleChange request. Every such change is logged at ERROR. Switch it off once the "
          + "installation is repaired.");
    }
  }

  /** True for {@code camunda-admin} and every role's group ({@code security-officer}, {@code department-head.hr} …). */
  public static boolean isGuarded(String groupId) {
    if (groupId == null) {
      return false;
    }
    if (groupId.equals(OrganisationGroups.CAMUNDA_ADMIN)) {
      return true;
    }
    for (Role role : Role.values()) {
      String prefix = role.groupPrefix();
      if (role.scope() == Role.Scope.COMPANY ? groupId.equals(prefix) : groupId.startsWith(prefix + ".")) {
        return true;
      }
    }
    return false;
  }

  /** Runs the application's own change of guarded groups, e.g. the approved role change of a request. */
  public static <T> T asApplication(String reason, Supplier<T> change) {
    String outer = APPLICATION.get();
    APPLICATION.set(reason);
    try {
      return change.get();
    } finally {
      if (outer == null) {
        APPLICATION.remove();
      } else {
        APPLICATION.set(outer);
      }
    }
  }

  public static void asApplication(String reason, Runnable change) {
    asApplication(reason, () -> {
      change.run();
      return null;
    });
  }

  /** Whether the break-glass property is on (the 組織体制図 and the start-up log say so). */
  public boolean breakGlassEnabled() {
    return breakGlass;
  }

  /**
   * Refuses {@code operation} on {@code groupId} unless it is the application's own change.
   *
   * @throws AuthorizationException (403) for everybody else, administrators included
   */
  public void check(String operation, String groupId, String userId) {
    if (!isGuarded(groupId) || APPLICATION.get() != null) {
      return;
    }
    String actor = EngineInternals.commandUser();
    boolean web = RequestContextHolder.getRequestAttributes() != null;
    if (actor == null && !web) {
      return;
    }
    if (breakGlass) {
      LOG.error("BREAK-GLASS: {} of group {} (user {}) by {} let through by isms.identity.break-glass; no request "
          + "approved it. Switch the property off again once the installation is repaired.", operation, groupId,
          userId, actor == null ? "(anonymous)" : actor);
      return;
    }
    LOG.warn("refused {} of guarded group {} (user {}) by {}: role groups change only through an approved roleChange "
        + "request", operation, groupId, userId, actor == null ? "(anonymous)" : actor);
    throw new AuthorizationException("1.1, 10.1, 5.1.10: 役割のグループ " + groupId + " の変更は、情報セキュリティ責任者が"
        + "承認した役割変更申請 (roleChange) でのみ行えます (role groups change only through an approved roleChange "
        + "request)");
  }
}
