package jp.sample.isms.sso;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.accounts.AccountDeactivation;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationGroups;

/**
 * Who is who comes from the directory: a person is created at the first login from the token's claims (family name
 * first as the product shows it, mail, department and section codes of the organisation, a member of the employees)
 * and updated at each later login (name, mail; the department only while the person has none: a transfer is the
 * product's 人事異動, which moves open tasks with it). Groups of the mapping table follow the IdP's groups; every
 * other group is kept in the product (role holders change through the role-change request). A person disabled in
 * the product (5.1.7) is refused whatever the IdP says; a person the IdP reports disabled has the product account
 * disabled too, so that their open steps move on ({@link AccountDeactivation}).
 */
class SsoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(SsoUsers.class);
  /** The engine's resource id pattern of application.yaml, and the length of the org tables' ids. */
  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");

  /** Refused at the login or on a bearer token: the message is Japanese first, without the token. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private record Provisioned(int claimsHash, long at) {
  }

  private final SsoProperties properties;
  private final GroupMapping mapping;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final AccountStates accounts;
  private final TransactionTemplate transactions;
  private final AccountDeactivation deactivation;
  private final Map<String, Provisioned> recent = new ConcurrentHashMap<>();

  SsoUsers(SsoProperties properties, IdentityService identityService, JdbcTemplate jdbc, AccountStates accounts,
      TransactionTemplate transactions, AccountDeactivation deactivation) {
    this.properties = properties;
    this.mapping = new GroupMapping(properties.groupMapping());
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.transactions = transactions;
    this.deactivation = deactivation;
  }

  /** The product's user id in these claims, or {@link Refused}. */
  String userId(Map<String, Object> claims) {
    Object value = claims.get(properties.userIdClaim());
    String id = value == null ? null : value.toString().strip();
    if (id != null && properties.stripDomain() && id.indexOf('@') > 0) {
      id = id.substring(0, id.indexOf('@'));
    }
    if (id == null || !USER_ID.matcher(id).matches()) {
      throw new Refused("ID プロバイダのトークンに利用者 ID (" + properties.userIdClaim() + ") がないか、使えない文字を含みます"
          + " (the token carries no usable user id)");
    }
    return id;
  }

  /** A browser login: the person is written from the claims; the login is recorded (inactive accounts, 5.1.7). */
  String login(Map<String, Object> claims) {
    String userId = provision(claims);
    accounts.loggedIn(userId);
    recent.put(userId, new Provisioned(claims.hashCode(), System.currentTimeMillis()));
    return userId;
  }

  /** A bearer token: the person is written from its claims, at most once per {@code provisioning-cache-ttl}. */
  String bearer(Map<String, Object> claims) {
    String userId = userId(claims);
    Provisioned last = recent.get(userId);
    long now = System.currentTimeMillis();
    if (last != null && last.claimsHash() == claims.hashCode()
        && now - last.at() < properties.provisioningCacheTtl().toMillis()) {
      refuseDisabled(userId);
      return userId;
    }
    provision(claims);
    recent.put(userId, new Provisioned(claims.hashCode(), now));
    return userId;
  }

  /**
   * The IdP refused the session's refresh because the person is disabled there (5.1.7): the product account is
   * disabled as well and every open step of the person is handed over, recorded as done by the system.
   */
  void disabledAtIdp(String userId) {
    if (accounts.isDisabled(userId) || identityService.createUserQuery().userId(userId).count() == 0) {
      return;
    }
    List<String> moved = deactivation.disable(userId, "system",
        "ID プロバイダでアカウントが無効化されたため (disabled at the identity provider)");
    LOG.info("person {} disabled at the IdP: product account disabled, steps handed over {}", userId, moved);
  }

  private void refuseDisabled(String userId) {
    if (accounts.isDisabled(userId)) {
      throw new Refused("アカウントが停止されています (5.1.7) (the account is disabled)");
    }
  }

  String provision(Map<String, Object> claims) {
    String userId = userId(claims);
    refuseDisabled(userId);
    bindSubject(userId, claims);
    try {
      transactions.executeWithoutResult(status -> write(userId, claims));
    } catch (BadUserRequestException e) {
      // a rule of the identity provider of the product (5.1.8: no guest-like ids)
      throw new Refused(e.getMessage());
    }
    return userId;
  }

  /**
   * The IdP account (issuer + {@code sub}, which the IdP never gives to another account) is bound to the person at
   * the first single sign-on; afterwards the user-id claim and the subject must name the same person. A user id is a
   * name the IdP's administrators can change or give again: without the binding, an IdP account renamed to
   * {@code suzuki} (or a new account created under a deleted person's name) would act as the product's suzuki.
   */
  private void bindSubject(String userId, Map<String, Object> claims) {
    String subject = text(claims.get("sub"));
    if (subject == null) {
      throw new Refused("ID プロバイダのトークンに sub がありません (the token carries no subject)");
    }
    String issuer = properties.issuerUri();
    for (int attempt = 0; attempt < 2; attempt++) {
      List<String> bound = jdbc.queryForList("select user_id from sso_subject where issuer = ? and subject = ?",
          String.class, issuer, subject);
      if (!bound.isEmpty()) {
        if (!bound.get(0).equals(userId)) {
          LOG.warn("refused: the IdP account {} is bound to {}, its token names {}", subject, bound.get(0), userId);
          throw new Refused("この ID プロバイダのアカウントは別の利用者に結び付いています (the IdP account belongs to "
              + "another person of the product)");
        }
        return;
      }
      List<String> other = jdbc.queryForList("select subject from sso_subject where issuer = ? and user_id = ?",
          String.class, issuer, userId);
      if (!other.isEmpty()) {
        LOG.warn("refused: {} is bound to the IdP account {}, the token comes from the IdP account {}", userId,
            other.get(0), subject);
        throw new Refused("利用者 " + userId + " は別の ID プロバイダのアカウントに結び付いています (the person is bound to "
            + "another IdP account)");
      }
      try {
        jdbc.update("insert into sso_subject (issuer, subject, user_id, bound_at) values (?, ?, ?, ?)", issuer,
            subject, userId, java.sql.Timestamp.from(java.time.Instant.now()));
        LOG.info("person {} bound to the IdP account {}", userId, subject);
        return;
      } catch (org.springframework.dao.DuplicateKeyException concurrent) {
        // bound at the same moment by another request: read again
      }
    }
    throw new Refused("ID プロバイダのアカウントを結び付けられませんでした (the IdP account could not be bound)");
  }

  private void write(String userId, Map<String, Object> claims) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    boolean created = user == null;
    if (created) {
      user = identityService.newUser(userId);
    }
    String lastName = text(claims.get("family_name"));
    String firstName = text(claims.get("given_name"));
    String email = text(claims.get("email"));
    boolean changed = created;
    if (lastName != null && !lastName.equals(user.getLastName())) {
      user.setLastName(lastName);
      changed = true;
    }
    if (firstName != null && !firstName.equals(user.getFirstName())) {
      user.setFirstName(firstName);
      changed = true;
    }
    if (email != null && !email.equals(user.getEmail())) {
      user.setEmail(email);
      changed = true;
    }
    if (changed) {
      identityService.saveUser(user);
    }
    placeInOrganisation(userId, text(claims.get(properties.departmentClaim())),
        text(claims.get(properties.sectionClaim())));
    ensureMembership(userId, OrganisationGroups.EMPLOYEES);
    syncMappedGroups(userId, strings(claims.get(properties.groupsClaim())));
    if (created) {
      LOG.info("person {} created at the first single sign-on", userId);
    }
  }

  /** A new person's department and section come from the claims when the organisation knows them (and they are open). */
  private void placeInOrganisation(String userId, String department, String section) {
    String knownDepartment = department == null ? null : jdbc.query(
        "select code from org_department where code = ? and closed_at is null",
        rs -> rs.next() ? rs.getString(1) : null, department);
    String knownSection = section == null || knownDepartment == null ? null : jdbc.query(
        "select code from org_section where code = ? and department_code = ? and closed_at is null",
        rs -> rs.next() ? rs.getString(1) : null, section, knownDepartment);
    if (department != null && knownDepartment == null) {
      LOG.warn("person {}: the IdP's department code {} is not an open department of the organisation", userId,
          department);
    }
    List<String> current = jdbc.query("select department_code from org_person where user_id = ?",
        (rs, i) -> rs.getString(1) == null ? "" : rs.getString(1), userId);
    if (current.isEmpty()) {
      jdbc.update("insert into org_person (user_id, department_code, section_code, employee, locale) "
          + "values (?, ?, ?, ?, ?)", userId, knownDepartment, knownSection, true, "ja");
    } else if (current.get(0).isEmpty() && knownDepartment != null) {
      jdbc.update("update org_person set department_code = ?, section_code = ? where user_id = ?", knownDepartment,
          knownSection, userId);
    } else if (knownDepartment != null && !current.get(0).equals(knownDepartment)) {
      LOG.info("person {}: the IdP names department {}, the organisation {}; a transfer is made with 人事異動", userId,
          knownDepartment, current.get(0));
    }
  }

  private void syncMappedGroups(String userId, Collection<String> idpGroups) {
    Set<String> managed = mapping.managed();
    if (managed.isEmpty()) {
      return;
    }
    Set<String> granted = mapping.granted(idpGroups);
    Set<String> held = Set.copyOf(identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    for (String group : managed) {
      if (granted.contains(group) && !held.contains(group)) {
        ensureMembership(userId, group);
        LOG.info("person {} joins group {} (IdP group mapping)", userId, group);
      } else if (!granted.contains(group) && held.contains(group)) {
        identityService.deleteMembership(userId, group);
        LOG.info("person {} leaves group {} (IdP group mapping)", userId, group);
      }
    }
  }

  private void ensureMembership(String userId, String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      LOG.warn("group {} of the single sign-on does not exist in the product", groupId);
      return;
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  private static List<String> strings(Object value) {
    if (value instanceof Collection<?> values) {
      return values.stream().filter(Objects::nonNull).map(Object::toString).toList();
    }
    if (value instanceof String one) {
      return List.of(one);
    }
    return List.of();
  }
}
