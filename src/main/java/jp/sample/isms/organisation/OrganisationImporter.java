package jp.sample.isms.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.Yaml;

/**
 * Loads an organisation file (departments, sections, persons and their roles) into the engine's identity tables and
 * the org_* tables. Idempotent: what exists is kept, what is missing is added, so a restart changes nothing.
 */
@Component
public class OrganisationImporter {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationImporter.class);
  private static final String ROLE_GROUP_TYPE = "ROLE";
  private static final String SYSTEM_GROUP_TYPE = "SYSTEM";

  private final IdentityService identityService;
  private final JdbcTemplate jdbc;

  public OrganisationImporter(IdentityService identityService, JdbcTemplate jdbc) {
    this.identityService = identityService;
    this.jdbc = jdbc;
  }

  /**
   * Imports the file. New users get {@code initialPassword}; existing users keep theirs.
   *
   * @return the number of users created
   */
  @Transactional
  public int importFile(Resource file, String initialPassword) {
    Map<String, Object> root;
    try (InputStream in = file.getInputStream()) {
      root = new Yaml().load(in);
    } catch (IOException e) {
      throw new IllegalStateException("organisation file cannot be read: " + file, e);
    }
    String mailDomain = (String) root.getOrDefault("mailDomain", "example.com");
    ensureGroup(OrganisationGroups.EMPLOYEES, "従業員", SYSTEM_GROUP_TYPE);
    ensureGroup(OrganisationGroups.CAMUNDA_ADMIN, "システム管理者 (Camunda Admin)", SYSTEM_GROUP_TYPE);
    for (Role role : Role.values()) {
      if (role.scope() == Role.Scope.COMPANY) {
        ensureGroup(role.groupId(null), role.groupName(null), ROLE_GROUP_TYPE);
      }
    }
    for (Map<String, Object> department : list(root, "departments")) {
      String code = (String) department.get("code");
      String name = (String) department.get("name");
      upsertDepartment(code, name, (String) department.get("nameEn"));
      ensureGroup(Role.DEPARTMENT_HEAD.groupId(code), Role.DEPARTMENT_HEAD.groupName(name), ROLE_GROUP_TYPE);
      for (Map<String, Object> section : list(department, "sections")) {
        String sectionCode = (String) section.get("code");
        String sectionName = (String) section.get("name");
        upsertSection(sectionCode, code, sectionName, (String) section.get("nameEn"));
        ensureGroup(Role.SECTION_CHIEF.groupId(sectionCode), Role.SECTION_CHIEF.groupName(sectionName),
            ROLE_GROUP_TYPE);
      }
    }
    int created = 0;
    for (Map<String, Object> person : list(root, "persons")) {
      String id = (String) person.get("id");
      String department = (String) person.get("department");
      String section = (String) person.get("section");
      if (ensureUser(id, (String) person.get("lastName"), (String) person.get("firstName"),
          (String) person.getOrDefault("email", id + "@" + mailDomain), initialPassword)) {
        created++;
      }
      upsertPerson(id, department, section, !Boolean.FALSE.equals(person.get("employee")),
          (String) person.getOrDefault("locale", "ja"));
      ensureMembership(id, OrganisationGroups.EMPLOYEES);
      for (Object roleName : (List<?>) person.getOrDefault("roles", List.of())) {
        Role role = Role.valueOf((String) roleName);
        String scope = switch (role.scope()) {
          case COMPANY -> null;
          case DEPARTMENT -> department;
          case SECTION -> section;
        };
        ensureMembership(id, role.groupId(scope));
        if (role == Role.SYSTEM_ADMINISTRATOR) {
          ensureMembership(id, OrganisationGroups.CAMUNDA_ADMIN);
        }
      }
    }
    LOG.info("organisation {} loaded: {} users created", file.getFilename(), created);
    return created;
  }

  /** The user ids an organisation file defines. */
  public static List<String> personIds(Resource file) {
    try (InputStream in = file.getInputStream()) {
      Map<String, Object> root = new Yaml().load(in);
      return list(root, "persons").stream().map(p -> (String) p.get("id")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  private boolean ensureUser(String id, String lastName, String firstName, String email, String password) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return false;
    }
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("user " + id + " is new but no initial password is configured");
    }
    User user = identityService.newUser(id);
    user.setLastName(lastName);
    user.setFirstName(firstName);
    user.setEmail(email);
    user.setPassword(password);
    identityService.saveUser(user);
    return true;
  }

  private void ensureMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }

  private void upsertDepartment(String code, String name, String nameEn) {
    if (jdbc.update("update org_department set name = ?, name_en = ? where code = ?", name, nameEn, code) == 0) {
      jdbc.update("insert into org_department (code, name, name_en) values (?, ?, ?)", code, name, nameEn);
    }
  }

  private void upsertSection(String code, String department, String name, String nameEn) {
    if (jdbc.update("update org_section set department_code = ?, name = ?, name_en = ? where code = ?",
        department, name, nameEn, code) == 0) {
      jdbc.update("insert into org_section (code, department_code, name, name_en) values (?, ?, ?, ?)",
          code, department, name, nameEn);
    }
  }

  private void upsertPerson(String userId, String department, String section, boolean employee, String locale) {
    // an existing person keeps where they are: moves (異動) are made in the product, not by re-reading the file
    Integer exists = jdbc.queryForObject("select count(*) from org_person where user_id = ?", Integer.class, userId);
    if (exists == null || exists == 0) {
      jdbc.update("insert into org_person (user_id, department_code, section_code, employee, locale) "
          + "values (?, ?, ?, ?, ?)", userId, department, section, employee, locale);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value == null ? List.of() : new ArrayList<>((List<Map<String, Object>>) value);
  }
}
