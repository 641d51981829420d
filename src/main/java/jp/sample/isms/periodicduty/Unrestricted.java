package jp.sample.isms.periodicduty;

import java.util.concurrent.Callable;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.EngineInternals;

/**
 * Runs what the product does on its own account (read its table, create an occurrence) without the engine's
 * authorization checks of whoever is logged in; outside an engine command with the caller's authentication restored
 * after.
 */
@Component
class Unrestricted {

  private final IdentityService identityService;

  Unrestricted(IdentityService identityService) {
    this.identityService = identityService;
  }

  <T> T call(Callable<T> action) {
    try {
      if (EngineInternals.inCommand()) {
        return EngineInternals.withoutAuthorization(action);
      }
      return asSystem(action);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code action} with nobody logged in (the engine's own account), then restores the caller. */
  <T> T asSystem(Callable<T> action) throws Exception {
    return EngineInternals.asSystem(identityService, action::call);
  }

  /** Runs {@code action} as {@code userId} with their groups (a filing in their name), then restores the caller. */
  <T> T as(String userId, java.util.List<String> groups, Callable<T> action) throws Exception {
    return EngineInternals.asUser(identityService, userId, groups, action::call);
  }
}
