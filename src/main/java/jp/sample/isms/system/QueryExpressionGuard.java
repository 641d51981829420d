package jp.sample.isms.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import jp.sample.isms.organisation.OrganisationGroups;

/**
 * Expressions in task and filter queries are a known path to code execution, and 7.24.0 gets no more community
 * security fixes: any request of a non-administrator that carries a key ending in {@code Expression} (query
 * parameter or JSON, at any depth, orQueries included) is refused with 400 on both REST roots.
 */
@Configuration
class QueryExpressionGuard {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> queryExpressionGuardFilter(IdentityService identityService) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard(identityService));
    registration.setName("query-expression-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // after the REST authentication and the webapps' own authentication: the user is known
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {

    private static final int MAX_BODY = 1 << 20;
    private final IdentityService identityService;
    private final ObjectMapper json = new ObjectMapper();

    Guard(IdentityService identityService) {
      this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      boolean expression = request.getParameterMap().keySet().stream().anyMatch(Guard::isExpressionKey);
      HttpServletRequest forwarded = request;
      String contentType = request.getContentType();
      if (!expression && contentType != null && contentType.contains("json")) {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY);
        forwarded = new CachedBody(request, body);
        expression = body.length > 0 && containsExpression(body);
      }
      if (expression && !isAdministrator(request)) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"InvalidRequestException\",\"message\":\"クエリに式 (…Expression) "
            + "は指定できません。管理者が作成したフィルターを使ってください (expressions in queries are refused)\"}")
            .getBytes(StandardCharsets.UTF_8));
        return;
      }
      chain.doFilter(forwarded, response);
    }

    private boolean containsExpression(byte[] body) {
      try {
        return containsExpression(json.readTree(body));
      } catch (IOException e) {
        return false; // not JSON after all: the REST API answers it itself
      }
    }

    private static boolean containsExpression(JsonNode node) {
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (isExpressionKey(field.getKey()) || containsExpression(field.getValue())) {
            return true;
          }
        }
      } else if (node.isArray()) {
        for (JsonNode element : node) {
          if (containsExpression(element)) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean isExpressionKey(String key) {
      return key.endsWith("Expression");
    }

    private boolean isAdministrator(HttpServletRequest request) {
      var engineAuthentication = identityService.getCurrentAuthentication();
      if (engineAuthentication != null && engineAuthentication.getGroupIds() != null) {
        return engineAuthentication.getGroupIds().contains(OrganisationGroups.CAMUNDA_ADMIN);
      }
      jakarta.servlet.http.HttpSession session = request.getSession(false);
      Authentications webapp = session == null ? Authentications.getCurrent()
          : org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil.getAuthsFromSession(session);
      if (webapp != null) {
        for (UserAuthentication user : webapp.getAuthentications()) {
          List<String> groups = user.getGroupIds();
          if (groups != null && groups.contains(OrganisationGroups.CAMUNDA_ADMIN)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** The request with its body read once and replayed to the REST API. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public boolean isFinished() {
          return body.length == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
