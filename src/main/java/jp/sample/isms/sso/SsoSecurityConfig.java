package jp.sample.isms.sso;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.sample.isms.accounts.AccountDeactivation;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.system.ApiAuthentication;

/**
 * Single sign-on (profile {@code sso}, {@code isms.sso.enabled}): Spring Security in front of the whole application.
 * <ul>
 * <li>Browsers sign in at the IdP (OpenID Connect, authorization code with PKCE); the webapps take the login over by
 * their container-based authentication ({@link SsoWebappAuthenticationProvider}); the pages and the webapps keep
 * their own CSRF tokens.</li>
 * <li>/engine-rest and /api take a JWT bearer token, validated against the IdP's keys (JWKS), issuer, audience and
 * expiry; never a token in the URL.</li>
 * <li>Local passwords are off: the webapps' login form and HTTP Basic are refused, but for the break-glass
 * administrator ({@code isms.sso.break-glass-user}).</li>
 * </ul>
 * Off (the first run, the default profile), none of this exists and the product logs in with its own passwords.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "isms.sso", name = "enabled", havingValue = "true")
@EnableWebSecurity
@EnableConfigurationProperties(SsoProperties.class)
class SsoSecurityConfig {

  private static final String LOGIN = "/oauth2/authorization/" + SsoProperties.REGISTRATION_ID;
  private static final String BREAK_GLASS = "/break-glass";

  /** /engine-rest and /api without a session: the bearer token or the break-glass login (SsoApiAuthenticationProvider). */
  @Bean
  ApiAuthentication ssoApiAuthentication() {
    return () -> SsoApiAuthenticationProvider.class;
  }

  @Bean
  IdpMetadata idpMetadata(SsoProperties properties) {
    return new IdpMetadata(properties);
  }

  @Bean
  SsoUsers ssoUsers(SsoProperties properties, @Lazy IdentityService identityService, JdbcTemplate jdbc,
      AccountStates accounts, TransactionTemplate transactions, @Lazy AccountDeactivation deactivation) {
    return new SsoUsers(properties, identityService, jdbc, accounts, transactions, deactivation);
  }

  @Bean
  BearerCheck bearerCheck(SsoProperties properties, IdpMetadata idp, SsoUsers users) {
    return new BearerCheck(properties, idp, users);
  }

  @Bean
  ClientRegistrationRepository clientRegistrationRepository(IdpMetadata idp) {
    return id -> SsoProperties.REGISTRATION_ID.equals(id) ? idp.registration() : null;
  }

  @Bean
  OAuth2AuthorizedClientRepository authorizedClientRepository() {
    return new HttpSessionOAuth2AuthorizedClientRepository();
  }

  /** Signature through the IdP's JWKS, issuer, audience, expiry (required) and not-before, with a small skew. */
  @Bean
  JwtDecoder jwtDecoder(SsoProperties properties, IdpMetadata idp) {
    List<String> audiences = properties.acceptedAudiences();
    return new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(idp.jwksUri()).build();
      decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
          new JwtTimestampValidator(properties.clockSkew()),
          new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
          new JwtIssuerValidator(properties.issuerUri()),
          new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
              aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
      return decoder;
    });
  }

  /**
   * Spring Security's firewall, but for the engine REST roots: there a path parameter ({@code ;x}) goes on to the
   * product's engine API guard, which drops it and answers as without single sign-on (the operation's refusal, 403,
   * or the call), so both profiles answer an attack alike. Everywhere else a semicolon stays refused (400).
   */
  @Bean
  WebSecurityCustomizer engineApiPathParameters() {
    return web -> web.httpFirewall(new EngineApiFirewall());
  }

  /** {@link StrictHttpFirewall}, with path parameters allowed below /engine-rest and /camunda/api/engine only. */
  static final class EngineApiFirewall implements HttpFirewall {

    private final StrictHttpFirewall strict = new StrictHttpFirewall();
    private final StrictHttpFirewall engineApi = new StrictHttpFirewall();

    EngineApiFirewall() {
      engineApi.setAllowSemicolon(true);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
      return (isEngineApi(request) ? engineApi : strict).getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
      return strict.getFirewalledResponse(response);
    }

    /** The servlet path is the container's, path parameters removed and decoded: the root the call really reaches. */
    static boolean isEngineApi(HttpServletRequest request) {
      String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      return path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/");
    }
  }

  @Bean
  DelegatingFilterProxyRegistrationBean ssoSecurityFilterRegistration() {
    DelegatingFilterProxyRegistrationBean registration =
        new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
    registration.setOrder(-100);
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
    return registration;
  }

  /** The webapps take who signed in from Spring Security (after its filter chain, before their own filters). */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> ssoWebappAuthenticationFilter() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("sso-webapp-authentication");
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SsoWebappAuthenticationProvider.class.getName()));
    registration.setOrder(-99);
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    return registration;
  }

  @Bean
  SecurityFilterChain ssoFilterChain(HttpSecurity http, SsoProperties properties, SsoUsers users,
      ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients, JwtDecoder jwtDecoder,
      BearerCheck bearerCheck, @Lazy IdentityService identityService) throws Exception {
    RequestMatcher api = new OrRequestMatcher(ant("/engine-rest/**"), ant("/api/**"));
    RequestMatcher xhr = new OrRequestMatcher(api, ant("/camunda/api/**"),
        request -> "XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
    RequestMatcher webappLogout = ant("/camunda/api/admin/auth/user/*/logout", HttpMethod.POST);

    HttpSessionRequestCache pages = new HttpSessionRequestCache();
    pages.setRequestMatcher(new AndRequestMatcher(ant("/**", HttpMethod.GET), new NegatedRequestMatcher(xhr)));

    DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
    bearer.setAllowUriQueryParameter(false);
    bearer.setAllowFormEncodedBodyParameter(false);

    DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(
        new java.util.LinkedHashMap<>(Map.of(
            ant(BREAK_GLASS), (AuthenticationEntryPoint) (request, response, e) -> {
              response.setHeader("WWW-Authenticate", "Basic realm=\"isms break-glass\", charset=\"UTF-8\"");
              json(response, 401, "ログインが必要です (login required)");
            },
            xhr, (request, response, e) -> {
              response.setHeader("WWW-Authenticate", "Bearer");
              json(response, 401, "ログインが必要です (login required)");
            })));
    entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN));

    OidcClientInitiatedLogoutSuccessHandler idpLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    idpLogout.setPostLogoutRedirectUri("{baseUrl}/camunda/");

    OidcUserService oidcUsers = new OidcUserService();
    OAuth2UserService<OidcUserRequest, OidcUser> provisioning = request -> {
      OidcUser user = oidcUsers.loadUser(request);
      try {
        return new ProductOidcUser(user, users.login(user.getClaims()));
      } catch (SsoUsers.Refused refused) {
        throw new OAuth2AuthenticationException(new OAuth2Error("access_denied"), refused.getMessage());
      }
    };

    http
        .securityMatcher("/**")
        // the webapps (X-XSRF-TOKEN of /camunda/api) and the product's /api keep their own CSRF tokens; bearer calls
        // carry no ambient credential
        .csrf(csrf -> csrf.disable())
        // the product and the webapps set their own security headers
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.requestCache(pages))
        .authorizeHttpRequests(authorize -> authorize
            .requestMatchers(ant("/error"), ant("/favicon.ico")).permitAll()
            // local passwords are off: the webapps' login form, and the first-administrator set-up
            .requestMatchers(ant("/camunda/api/admin/auth/user/*/login/**"), ant("/camunda/api/admin/setup/**"))
            .denyAll()
            .anyRequest().authenticated())
        .oauth2Login(login -> login
            .loginPage(LOGIN)
            .authorizedClientRepository(clients)
            .userInfoEndpoint(info -> info.oidcUserService(provisioning))
            .failureHandler((request, response, e) -> html(response, 403,
                "シングルサインオンでログインできませんでした (single sign-on refused): " + e.getMessage())))
        .oauth2ResourceServer(resource -> resource
            .bearerTokenResolver(request -> api.matches(request) ? bearer.resolve(request) : null)
            .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter((Jwt token) -> {
              try {
                String userId = users.bearer(token.getClaims());
                bearerCheck.check(userId, token.getTokenValue());
                return new JwtAuthenticationToken(token, List.of(), userId);
              } catch (SsoUsers.Refused refused) {
                // English only: the description goes into the WWW-Authenticate header
                throw new InvalidBearerTokenException("the person of this token may not use the product");
              }
            })))
        .authenticationProvider(new BreakGlass(properties, identityService))
        .httpBasic(basic -> basic
            .authenticationEntryPoint(entryPoint)
            .securityContextRepository(new BreakGlassSessions()))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(ant("/logout"), webappLogout))
            .logoutSuccessHandler((request, response, authentication) -> {
              if (webappLogout.matches(request)) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
              } else {
                idpLogout.onLogoutSuccess(request, response, authentication);
              }
            }))
        .addFilterBefore(new SsoSessionCheck(clients, properties, users), AnonymousAuthenticationFilter.class)
        .addFilterAfter(new BreakGlassPage(), org.springframework.security.web.access.intercept.AuthorizationFilter.class);
    return http.build();
  }

  private static RequestMatcher ant(String pattern) {
    return AntPathRequestMatcher.antMatcher(pattern);
  }

  private static RequestMatcher ant(String pattern, HttpMethod method) {
    return AntPathRequestMatcher.antMatcher(method, pattern);
  }

  private static void json(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(("{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
        .getBytes(StandardCharsets.UTF_8));
  }

  private static void html(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.getOutputStream().write(("<!DOCTYPE html><html lang=\"ja\"><meta charset=\"UTF-8\"><title>ログイン</title>"
        + "<p>" + HtmlUtils.htmlEscape(message) + "</p><p><a href=\"" + LOGIN + "\">もう一度ログインする (sign in again)</a>"
        + "</p></html>").getBytes(StandardCharsets.UTF_8));
  }

  /** The break-glass administrator's local password (HTTP Basic); nobody else's. */
  static final class BreakGlass implements AuthenticationProvider {

    private final SsoProperties properties;
    private final IdentityService identityService;

    BreakGlass(SsoProperties properties, IdentityService identityService) {
      this.properties = properties;
      this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
      String user = authentication.getName();
      Object password = authentication.getCredentials();
      if (!properties.hasBreakGlassUser() || !properties.breakGlassUser().equals(user) || password == null
          || !identityService.checkPassword(user, password.toString())) {
        throw new BadCredentialsException("local passwords are off with single sign-on");
      }
      return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
  }

  /** Only the break-glass page keeps an HTTP Basic login in the session (for the webapps); a script's call does not. */
  static final class BreakGlassSessions implements SecurityContextRepository {

    private final SecurityContextRepository request = new RequestAttributeSecurityContextRepository();
    private final SecurityContextRepository session = new HttpSessionSecurityContextRepository();

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(
        org.springframework.security.web.context.HttpRequestResponseHolder holder) {
      return request.loadContext(holder);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest httpRequest, HttpServletResponse response) {
      request.saveContext(context, httpRequest, response);
      if (BREAK_GLASS.equals(httpRequest.getRequestURI().substring(httpRequest.getContextPath().length()))) {
        httpRequest.changeSessionId();
        session.saveContext(context, httpRequest, response);
      }
    }

    @Override
    public boolean containsContext(HttpServletRequest httpRequest) {
      return request.containsContext(httpRequest);
    }
  }

  /** /break-glass: after the break-glass administrator's HTTP Basic login, to Camunda Admin. */
  static final class BreakGlassPage extends org.springframework.web.filter.OncePerRequestFilter {

    private final RequestMatcher page = ant(BREAK_GLASS);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, IOException {
      if (page.matches(request)) {
        response.sendRedirect(request.getContextPath() + "/camunda/app/admin/default/");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
