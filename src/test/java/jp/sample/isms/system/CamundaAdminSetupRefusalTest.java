package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Camunda Admin's set-up of a first administrator is refused on every spelling that names it; the rest of Camunda
 * Admin passes. The same calls against the running application, on an empty database: {@code FirstAdministratorSetupIT}.
 */
class CamundaAdminSetupRefusalTest {

  @ParameterizedTest
  @ValueSource(strings = {"/camunda/api/admin/setup/default/user/create", "/camunda/api/admin/setup/default/user/create/",
      "/camunda/api/admin/setup;x/default/user/create", "/camunda/api/admin;x/setup/default/user/create",
      "/camunda/api/admin/%73etup/default/user/create", "/camunda/api/admin/SETUP/default/user/create",
      "/camunda/api/admin//setup/default/user/create", "/camunda/app/admin/default/setup/",
      "/camunda/app/admin/default/setup", "/camunda/app/admin/default/Setup;x/"})
  void refusesTheSetUp(String uri) throws Exception {
    MockHttpServletResponse response = filter("POST", uri);
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentAsString()).contains("isms.bootstrap.administrator");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/camunda/api/admin/x/../setup/default/user/create",
      "/camunda/api/admin/setup%2Fdefault/user/create", "/camunda/api/admin/%2573etup/default/user/create"})
  void refusesWhatOnlyAnAttackerSends(String uri) throws Exception {
    assertThat(filter("POST", uri).getStatus()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/camunda/api/admin/auth/user/default/login/admin", "/camunda/app/admin/default/",
      "/camunda/app/admin/default/index.html", "/camunda/api/admin/plugin/adminPlugins/static/app/plugin.js"})
  void letsTheRestOfCamundaAdminPass(String uri) throws Exception {
    MockFilterChain chain = new MockFilterChain();
    new CamundaAdminSetupRefusal.Refusal().doFilter(request("GET", uri), new MockHttpServletResponse(), chain);
    assertThat(chain.getRequest()).isNotNull();
  }

  private static MockHttpServletResponse filter(String method, String uri) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    new CamundaAdminSetupRefusal.Refusal().doFilter(request(method, uri), response, chain);
    assertThat(chain.getRequest()).as("reached Camunda Admin").isNull();
    return response;
  }

  /** The request as the servlet container hands it on: the raw URI, and the mapped path decoded without ;x. */
  private static MockHttpServletRequest request(String method, String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
    String mapped = java.net.URLDecoder.decode(uri.replaceAll(";[^/]*", "").replace("+", "%2B"),
        java.nio.charset.StandardCharsets.UTF_8);
    request.setServletPath(mapped);
    return request;
  }
}
