package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import jp.sample.isms.organisation.AccountStates;

/**
 * HTTP Basic on the REST API: a login verified within the TTL is answered without the engine's password check, and
 * only then; the account is read on every call, and anything else goes to the engine's check.
 */
class RememberedBasicLoginTest {

  private static final String USER = "kato";
  private static final String PASSWORD = "Demo-2026!";

  private final ProcessEngine engine = mock(ProcessEngine.class);
  private final IdentityService identityService = mock(IdentityService.class);
  private final AccountStates accounts = mock(AccountStates.class);

  @BeforeEach
  void engine() {
    when(engine.getIdentityService()).thenReturn(identityService);
  }

  private static MockHttpServletRequest basic(String credentials) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
    request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        credentials.getBytes(StandardCharsets.UTF_8)));
    return request;
  }

  private AuthenticationResult login(LoginCache logins, String credentials) {
    return new RememberedBasicLogin(logins, () -> accounts).extractAuthenticatedUser(basic(credentials), engine);
  }

  @Test
  void aRememberedLoginOfAnEnabledAccountNeedsNoEngineCommand() {
    LoginCache logins = new LoginCache(Duration.ofSeconds(60));
    logins.remember(USER, LoginCache.hash(USER, PASSWORD));

    AuthenticationResult result = login(logins, USER + ":" + PASSWORD);

    assertThat(result.isAuthenticated()).isTrue();
    assertThat(result.getAuthenticatedUser()).isEqualTo(USER);
    verify(accounts).isDisabled(USER);
    verify(identityService, never()).checkPassword(any(), any());
  }

  @Test
  void aDisabledAccountIsCheckedByTheEngineEvenWhenItsLoginIsRemembered() {
    LoginCache logins = new LoginCache(Duration.ofSeconds(60));
    logins.remember(USER, LoginCache.hash(USER, PASSWORD));
    when(accounts.isDisabled(USER)).thenReturn(true);

    assertThat(login(logins, USER + ":" + PASSWORD).isAuthenticated()).isFalse();
    verify(identityService).checkPassword(USER, PASSWORD);
  }

  @Test
  void anotherPasswordOrUserIsCheckedByTheEngine() {
    LoginCache logins = new LoginCache(Duration.ofSeconds(60));
    logins.remember(USER, LoginCache.hash(USER, PASSWORD));

    assertThat(login(logins, USER + ":Wrong-2026!").isAuthenticated()).isFalse();
    verify(identityService).checkPassword(USER, "Wrong-2026!");
    // the hash binds user and password: another user with kato's password, or a colon moved, is not kato's login
    assertThat(login(logins, "ito:" + PASSWORD).isAuthenticated()).isFalse();
    verify(identityService).checkPassword("ito", PASSWORD);
    assertThat(login(logins, USER + "\u0000" + PASSWORD + ":").isAuthenticated()).isFalse();
    verify(accounts, never()).isDisabled(any());
  }

  @Test
  void withTheCacheOffEveryLoginIsCheckedByTheEngine() {
    LoginCache logins = new LoginCache(Duration.ZERO);
    logins.remember(USER, LoginCache.hash(USER, PASSWORD));
    when(identityService.checkPassword(USER, PASSWORD)).thenReturn(true);

    assertThat(login(logins, USER + ":" + PASSWORD).isAuthenticated()).isTrue();
    verify(identityService).checkPassword(USER, PASSWORD);
  }

  @Test
  void anExpiredRememberedLoginIsCheckedByTheEngine() throws Exception {
    LoginCache logins = new LoginCache(Duration.ofMillis(1));
    logins.remember(USER, LoginCache.hash(USER, PASSWORD));
    Thread.sleep(5);

    assertThat(login(logins, USER + ":" + PASSWORD).isAuthenticated()).isFalse();
    verify(identityService).checkPassword(USER, PASSWORD);
  }

  @Test
  void malformedCredentialsAreRefusedWithoutAnyCheck() {
    LoginCache logins = new LoginCache(Duration.ofSeconds(60));

    assertThat(login(logins, "no colon").isAuthenticated()).isFalse();
    verify(identityService, never()).checkPassword(any(), any());
    verify(accounts, never()).isDisabled(any());
  }
}
