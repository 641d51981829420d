package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import jp.sample.isms.sso.SsoApiAuthenticationProvider;

/**
 * Who authenticates a call of /engine-rest and /api without a session: the product's passwords, or with
 * {@code isms.sso.enabled} the provider single sign-on declares; never Basic by default when single sign-on is on.
 */
class ApiAuthenticationTest {

  private static String provider(boolean sso, StaticListableBeanFactory beans) {
    RestAuthenticationConfig config = new RestAuthenticationConfig(sso, beans.getBeanProvider(ApiAuthentication.class));
    return config.engineRestAuthenticationFilter(new LoginCache(Duration.ofSeconds(1)),
        beans.getBeanProvider(jp.sample.isms.organisation.AccountStates.class)).getInitParameters()
        .get(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM);
  }

  @Test
  void withoutSingleSignOnThePasswordsDecide() {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("ssoApiAuthentication", (ApiAuthentication) () -> SsoApiAuthenticationProvider.class);
    assertThat(provider(false, beans)).isEqualTo(HttpBasicAuthenticationProvider.class.getName());
  }

  @Test
  void withSingleSignOnItsDeclaredProviderDecides() {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("ssoApiAuthentication", (ApiAuthentication) () -> SsoApiAuthenticationProvider.class);
    assertThat(provider(true, beans)).isEqualTo(SsoApiAuthenticationProvider.class.getName());
  }

  @Test
  void singleSignOnOnWithoutItsProviderDoesNotStart() {
    assertThatThrownBy(() -> provider(true, new StaticListableBeanFactory()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("isms.sso.enabled");
  }
}
