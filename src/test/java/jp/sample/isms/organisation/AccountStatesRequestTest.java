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
import jp.sample.isms.support.DemoOrganisation;

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
    accounts.enable(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    jdbc.update("update account_state set must_change_password = false where user_id = 'kato'");
  }

  @Test
  void aRequestReadsTheStateOnceAndAChangeThroughAccountStatesIsSeen() {
    accounts.enable(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    inRequest();
    assertThat(accounts.isDisabled(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isFalse();
    assertThat(accounts.password(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).mustChange()).isFalse();

    // a write behind AccountStates' back is not seen by the request that already read the row
    jdbc.update("update account_state set must_change_password = true where user_id = 'kato'");
    assertThat(accounts.mustChangePassword(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isFalse();

    // a change through AccountStates is
    accounts.disable(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.SYSTEM_ADMINISTRATOR, "退職");
    assertThat(accounts.isDisabled(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isTrue();
    assertThat(accounts.mustChangePassword(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isTrue();
    accounts.passwordSet(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, true);
    assertThat(accounts.mustChangePassword(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isFalse();
    accounts.enable(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    assertThat(accounts.isDisabled(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isFalse();

    // the next request reads the database again
    inRequest();
    jdbc.update("update account_state set disabled = true where user_id = 'kato'");
    assertThat(accounts.isDisabled(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isTrue();
  }

  @Test
  void outsideARequestEveryCallReadsTheDatabase() {
    accounts.enable(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    assertThat(accounts.isDisabled(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isFalse();
    jdbc.update("update account_state set disabled = true where user_id = 'kato'");
    assertThat(accounts.isDisabled(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isTrue();
  }
}
