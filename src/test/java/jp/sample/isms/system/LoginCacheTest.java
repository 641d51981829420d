package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.support.DemoOrganisation;

/** The verified-login cache of {@link IsmsIdentityProvider}: what it spares, and what it never lets through. */
@IsmsSpringBootTest
class LoginCacheTest {

  @Autowired
  IdentityService identityService;
  @Autowired
  LoginCache logins;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  AccountStates accounts;

  private HttpStatus basicCall(String password) {
    return HttpStatus.valueOf(rest.withBasicAuth(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, password)
        .getForEntity("/engine-rest/task/count", String.class).getStatusCode().value());
  }

  @Test
  void overHttpBasicARememberedLoginIsStillRefusedForAWrongPasswordAndADisabledAccount() {
    logins.forgetLogin(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    assertThat(basicCall(DemoOrganisation.PASSWORD)).isEqualTo(HttpStatus.OK);
    long before = BcryptPasswordEncryptor.CHECKS.get();
    assertThat(basicCall(DemoOrganisation.PASSWORD)).isEqualTo(HttpStatus.OK);
    assertThat(BcryptPasswordEncryptor.CHECKS.get() - before).isZero();
    assertThat(basicCall("Wrong-2026!")).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(basicCall(DemoOrganisation.PASSWORD)).isEqualTo(HttpStatus.OK);
    // disabled behind the cache's back (no forgotten login): the account read of the call refuses it at once
    assertThat(logins.remembered(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
        LoginCache.hash(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.PASSWORD))).isTrue();
    accounts.disable(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.SYSTEM_ADMINISTRATOR, "test");
    try {
      assertThat(basicCall(DemoOrganisation.PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
    } finally {
      accounts.enable(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    }
    assertThat(basicCall(DemoOrganisation.PASSWORD)).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aRememberedLoginCostsNoBcryptAndAWrongPasswordIsStillRefused() {
    logins.forgetLogin(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    assertThat(identityService.checkPassword(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
        DemoOrganisation.PASSWORD)).isTrue();
    long before = BcryptPasswordEncryptor.CHECKS.get();
    for (int i = 0; i < 5; i++) {
      assertThat(identityService.checkPassword(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
          DemoOrganisation.PASSWORD)).isTrue();
    }
    assertThat(BcryptPasswordEncryptor.CHECKS.get() - before).isZero();
    assertThat(identityService.checkPassword(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "Wrong-2026!")).isFalse();
  }

  @Test
  void clientsThatMissTogetherPayBcryptOnce() throws Exception {
    // the remembered login of kato has expired (forgotten); eight clients call at the same moment
    logins.forgetLogin(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    int clients = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long before = BcryptPasswordEncryptor.CHECKS.get();
    List<Future<Boolean>> answers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      answers.add(pool.submit(() -> {
        start.await();
        return identityService.checkPassword(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.PASSWORD);
      }));
    }
    start.countDown();
    for (Future<Boolean> answer : answers) {
      assertThat(answer.get()).isTrue();
    }
    pool.shutdown();
    // one of them checked the password; the others waited for its answer
    assertThat(BcryptPasswordEncryptor.CHECKS.get() - before).isEqualTo(1);
  }
}
