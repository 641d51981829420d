package jp.sample.isms.sso;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

import jp.sample.isms.IsmsSpringBootTest;

/**
 * Without the profile sso (the first run and every test of the fast suite) no Spring Security filter runs: the product
 * logs in with its own passwords exactly as before (the authorization attack tests of SECURITY.md run in this mode).
 */
@IsmsSpringBootTest
class SingleSignOffTest {

  @Autowired
  ApplicationContext context;

  @Test
  void withoutTheProfileSsoNoSpringSecurityFilterRuns() {
    assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
    assertThat(context.containsBean("springSecurityFilterChain")).isFalse();
    assertThat(context.getBeanNamesForType(SsoUsers.class)).isEmpty();
  }
}
