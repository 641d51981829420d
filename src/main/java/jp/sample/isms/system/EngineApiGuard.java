package jp.sample.isms.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
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
import jakarta.servlet.http.HttpSession;

import jp.sample.isms.organisation.OrganisationGroups;
import jp.sample.isms.organisation.PasswordChanges;
import jp.sample.isms.organisation.Role;

/**
 * Deny by default on both engine REST roots ({@code /engine-rest}, {@code /camunda/api/engine}): for everyone but
 * system administrators ({@code camunda-admin}), only the operations of {@link EngineApiAllowList} reach the engine,
 * matched on the normalised path ({@link EngineApiPath}); anything else is 403 before the engine sees it, so a
 * refusal reveals nothing about the ids in the path. The one place that reads a request body: JSON bodies are read
 * whole up to {@code isms.engine-api.max-json-body} (bigger: 413) and replayed to the REST API, and query expressions
 * ({@code …Expression} keys, a known path to code execution) of non-administrators are refused with 400. For
 * everyone, administrators included: another user's {@code user/{id}/credentials} and a {@code user/create} that sets
 * a password are 403 ({@link PasswordChanges}).
 */
@Configuration
class EngineApiGuard {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiGuard.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineApiGuardFilter(@Lazy IdentityService identityService,
      @Value("${isms.engine-api.max-json-body}") DataSize maxJsonBody) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Guard(identityService, maxJsonBody));
    registration.setName("engine-api-guard");
    registration.addUrlPatterns(EngineApiPath.ENGINE_REST + "/*", EngineApiPath.WEBAPP + "/*");
    // after the REST authentication and the webapps' own authentication: the user is known
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  /** The caller as the authentication filters left them; null when nobody is logged in. */
  record Caller(String userId, List<String> groups) {

    boolean isAdministrator() {
      return groups.contains(OrganisationGroups.CAMUNDA_ADMIN);
    }

    boolean belongsTo(EngineApiAllowList.Audience audience) {
      return switch (audience) {
        case EMPLOYEES -> true;
        case PROCESS_OWNERS -> groups.contains(Role.PROCESS_OWNER.groupId(null));
      };
    }
  }

  static final class Guard extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final long maxJsonBody;
    private final ObjectMapper json = new ObjectMapper();

    Guard(IdentityService identityService, DataSize maxJsonBody) {
      this.identityService = identityService;
      this.maxJsonBody = maxJsonBody.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      EngineApiPath path;
      try {
        path = EngineApiPath.of(request.getContextPath(), request.getRequestURI());
      } catch (EngineApiPath.Unacceptable e) {
        answer(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", "このパスの表記は受け付けられ"
            + "ません (path refused: " + e.getMessage() + ")");
        return;
      }
      if (path == null) {
        chain.doFilter(request, response);
        return;
      }
      Caller caller = caller(request);
      // 5.1.6, 5.1.8: nobody sets another person's password, administrators included (PasswordChanges)
      String credentialsOf = credentialsOf(path);
      if (credentialsOf != null && (caller == null || !caller.userId().equals(credentialsOf))) {
        refuse(request, response, caller, path, PasswordChanges.REFUSED);
        return;
      }
      boolean administrator = caller != null && caller.isAdministrator();
      EngineApiAllowList.Operation operation = null;
      if (!administrator) {
        operation = EngineApiAllowList.find(request.getMethod(), path.segments()).orElse(null);
        // nobody logged in: the authentication of each root answers; only what every employee may call goes on to it
        boolean allowed = operation != null && (caller == null
            ? operation.audience() == EngineApiAllowList.Audience.EMPLOYEES : caller.belongsTo(operation.audience()));
        if (!allowed) {
          refuse(request, response, caller, path, "この操作は許可されていません (operation not allowed: "
              + request.getMethod() + " " + path.path() + ")");
          return;
        }
      }
      Body body;
      try {
        body = Body.read(request, maxJsonBody, json);
      } catch (TooLarge e) {
        answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
            "リクエスト本文が上限 " + size(maxJsonBody) + " を超えています (the JSON body exceeds the limit of "
                + size(maxJsonBody) + ", isms.engine-api.max-json-body)");
        return;
      }
      if (isUserCreate(request, path) && body.setsPassword()) {
        refuse(request, response, caller, path, PasswordChanges.REFUSED);
        return;
      }
      if (!administrator) {
        if (hasExpressionParameter(request.getQueryString()) || body.hasExpressionKey()) {
          answer(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", "クエリに式 (…Expression) "
              + "は指定できません。管理者が作成したフィルターを使ってください (expressions in queries are refused)");
          return;
        }
        if (!conditionHolds(operation, caller, path, body)) {
          refuse(request, response, caller, path, "他の利用者に代わってこの操作はできません (only for yourself: "
              + operation.condition().label + ")");
          return;
        }
      }
      chain.doFilter(body.replay(request), response);
    }

    /**
     * The {@code {id}} of {@code user/{id}/credentials} (any method, the fixed segments in any case); null for every
     * other path.
     */
    static String credentialsOf(EngineApiPath path) {
      List<String> segments = path.segments();
      return segments.size() == 3 && segments.get(0).equalsIgnoreCase("user")
          && segments.get(2).equalsIgnoreCase("credentials") ? segments.get(1) : null;
    }

    /** {@code POST user/create} (the fixed segments in any case). */
    static boolean isUserCreate(HttpServletRequest request, EngineApiPath path) {
      List<String> segments = path.segments();
      return "POST".equalsIgnoreCase(request.getMethod()) && segments.size() == 2
          && segments.get(0).equalsIgnoreCase("user") && segments.get(1).equalsIgnoreCase("create");
    }

    private static boolean conditionHolds(EngineApiAllowList.Operation operation, Caller caller, EngineApiPath path,
        Body body) {
      return switch (operation.condition()) {
        case NONE -> true;
        case OWN_USER -> caller != null && caller.userId().equals(path.segments().get(1));
        case CLAIM_FOR_ONESELF -> caller != null && body.tree() != null
            && caller.userId().equals(body.tree().path("userId").asText(null));
      };
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Caller caller, EngineApiPath path,
        String message) throws IOException {
      LOG.info("engine API refused: {} {} {} by {}", path.root(), request.getMethod(), path.path(),
          caller == null ? "(anonymous)" : caller.userId());
      answer(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", message);
    }

    private static void answer(HttpServletResponse response, int status, String type, String message)
        throws IOException {
      response.setStatus(status);
      response.setContentType("application/json;charset=UTF-8");
      String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
      response.getOutputStream().write(("{\"type\":\"" + type + "\",\"message\":\"" + escaped + "\"}")
          .getBytes(StandardCharsets.UTF_8));
    }

    /** 1048576 → {@code 1 MiB}, 2048 → {@code 2 KiB}. */
    static String size(long bytes) {
      if (bytes % (1 << 20) == 0) {
        return bytes / (1 << 20) + " MiB";
      }
      return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
    }

    private static boolean hasExpressionParameter(String query) {
      if (query == null) {
        return false;
      }
      for (String pair : query.split("&")) {
        String name = pair.split("=", 2)[0];
        try {
          name = URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return true; // a name that cannot be decoded is treated as the worst case
        }
        if (isExpressionKey(name)) {
          return true;
        }
      }
      return false;
    }

    private Caller caller(HttpServletRequest request) {
      var engine = identityService.getCurrentAuthentication();
      if (engine != null && engine.getUserId() != null) {
        return new Caller(engine.getUserId(), engine.getGroupIds() == null ? List.of() : engine.getGroupIds());
      }
      HttpSession session = request.getSession(false);
      Authentications webapp = session == null ? Authentications.getCurrent()
          : AuthenticationUtil.getAuthsFromSession(session);
      if (webapp != null) {
        for (UserAuthentication user : webapp.getAuthentications()) {
          return new Caller(user.getName(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
        }
      }
      return null;
    }
  }

  static boolean isExpressionKey(String key) {
    return key.endsWith("Expression");
  }

  /** The body is bigger than the limit. */
  private static final class TooLarge extends Exception {
  }

  /** A request body read once (JSON only; other bodies are left to the REST API). */
  private record Body(byte[] bytes, JsonNode tree) {

    static final Body NONE = new Body(null, null);

    static Body read(HttpServletRequest request, long limit, ObjectMapper json) throws IOException, TooLarge {
      String contentType = request.getContentType();
      if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
        return NONE;
      }
      if (request.getContentLengthLong() > limit) {
        throw new TooLarge();
      }
      byte[] bytes = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw new TooLarge();
      }
      JsonNode tree = null;
      if (bytes.length > 0) {
        try {
          tree = json.readTree(bytes);
        } catch (IOException notJson) {
          // the REST API answers malformed JSON itself (400)
        }
      }
      return new Body(bytes, tree);
    }

    /**
     * Whether a {@code user/create} body gives the new user a password: {@code credentials.password} set, or a JSON
     * body that cannot be read here (refused rather than guessed).
     */
    boolean setsPassword() {
      if (bytes == null || bytes.length == 0) {
        return false;
      }
      if (tree == null) {
        return true;
      }
      JsonNode password = tree.path("credentials").path("password");
      return !password.isMissingNode() && !password.isNull();
    }

    boolean hasExpressionKey() {
      return tree != null && containsExpression(tree);
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

    HttpServletRequest replay(HttpServletRequest request) {
      return bytes == null ? request : new CachedBody(request, bytes);
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
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
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
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
