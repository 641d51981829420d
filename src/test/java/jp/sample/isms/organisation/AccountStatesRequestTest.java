package jp.sample.isms.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jp.sample.isms.IsmsSpringBootTest;

/**
 * An HTTP request reads its user's account state once (disabled, password) and keeps it; a change made through
 * {@link AccountStates} in the same request is read again; outside a request every call reads the database.
 */
@IsmsSpringBootTest
class AccountStatesRequestTest {

  @Autowired
  AccountStates accounts;
  @Autowired
  JdbcTemplate jdbc;

  private void inRequest() {
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
  }

  @AfterEach
  void cleanUp() {
    RequestContextHolder.resetRequestAttributes();
    accounts.enable("kato");
    jdbc.update("update account_state set must_change_password = false where user_id = 'kato'");
  }

  @Test
  void aRequestReadsTheStateOnceAndAChangeThroughAccountStatesIsSeen() {
    accounts.enable("kato");
    inRequest();
    assertThat(accounts.isDisabled("kato")).isFalse();
    assertThat(accounts.password("kato").mustChange()).isFalse();

    // a write behind AccountStates' back is not seen by the request that already read the row
    jdbc.update("update account_state set must_change_password = true where user_id = 'kato'");
    assertThat(accounts.mustChangePassword("kato")).isFalse();

    // a change through AccountStates is
    accounts.disable("kato", "suzuki", "退職");
    assertThat(accounts.isDisabled("kato")).isTrue();
    assertThat(accounts.mustChangePassword("kato")).isTrue();
    accounts.passwordSet("kato", true);
    assertThat(accounts.mustChangePassword("kato")).isFalse();
    accounts.enable("kato");
    assertThat(accounts.isDisabled("kato")).isFalse();

    // the next request reads the database again
    inRequest();
    jdbc.update("update account_state set disabled = true where user_id = 'kato'");
    assertThat(accounts.isDisabled("kato")).isTrue();
  }

  @Test
  void outsideARequestEveryCallReadsTheDatabase() {
    accounts.enable("kato");
    assertThat(accounts.isDisabled("kato")).isFalse();
    jdbc.update("update account_state set disabled = true where user_id = 'kato'");
    assertThat(accounts.isDisabled("kato")).isTrue();
  }
}
