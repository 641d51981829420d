package jp.sample.isms.organisation;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an organisation (departments, sections, persons and their roles) into the engine's identity tables and the
 * org_* tables, all or nothing: the whole file is checked first, and one bad row means nothing is written. New
 * persons get the given initial password (the demo) or none at all: they cannot log in until the system
 * administrator issues a one-time password. Idempotent: departments and sections are added or renamed, persons who
 * are already placed are left as they are (moves and role changes are 人事異動, not a re-read file), and persons the
 * file no longer lists are reported, never deleted.
 */
@Component
public class OrganisationImporter {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationImporter.class);
  private static final String ROLE_GROUP_TYPE = "ROLE";
  private static final String SYSTEM_GROUP_TYPE = "SYSTEM";
  /** Codes and user ids become parts of engine ids (the engine's resource id pattern of application.yaml). */
  private static final Pattern CODE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final OrganisationService organisation;

  public OrganisationImporter(IdentityService identityService, JdbcTemplate jdbc, OrganisationService organisation) {
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  /**
   * Reads and imports a file (the setting {@code isms.organisation.file}, or the demo organisation).
   *
   * @param encoding the CSV's encoding, null to detect
   * @throws OrganisationImportException listing every bad row; nothing was written
   */
  @Transactional
  public ImportReport importFile(Resource file, Charset encoding, String initialPassword) {
    OrganisationFile.Read read = OrganisationFile.read(file, encoding);
    if (!read.ok()) {
      throw new OrganisationImportException(String.valueOf(file.getFilename()), read.problems());
    }
    return importOrganisation(read.data(), initialPassword);
  }

  /**
   * Imports what a file described, after checking all of it.
   *
   * @throws OrganisationImportException listing every bad row; nothing was written
   */
  @Transactional
  public ImportReport importOrganisation(OrganisationData data, String initialPassword) {
    // the import is the application's own change of the role groups (new persons only; existing ones stay as they are)
    try {
      return GuardedGroups.asApplication("organisation import " + data.source(),
          () -> importChecked(data, initialPassword));
    } finally {
      organisation.organisationChanged();
    }
  }

  private ImportReport importChecked(OrganisationData data, String initialPassword) {
    List<ImportProblem> problems = validate(data);
    if (identityService.getCurrentAuthentication() != null) {
      // imported by a person (the administration page): roles come only by an approved roleChange request (10.1);
      // the start-up import of the organisation file (nobody logged in) sets them
      Set<String> known = new HashSet<>(jdbc.queryForList("select user_id from org_person", String.class));
      for (OrganisationData.PersonEntry person : data.persons()) {
        if (!person.roles().isEmpty() && !known.contains(person.id())) {
          problems.add(new ImportProblem(person.line(), "roles", "10.1: 役割は役割変更申請 (roleChange) で情報セキュリティ"
              + "責任者の承認を受けて付与します。列 roles を空にして取り込んでください (roles are given by a roleChange request)"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new OrganisationImportException(data.source(), problems);
    }
    ensureGroup(OrganisationGroups.EMPLOYEES, "従業員", SYSTEM_GROUP_TYPE);
    ensureGroup(OrganisationGroups.CAMUNDA_ADMIN, "システム管理者 (Camunda Admin)", SYSTEM_GROUP_TYPE);
    for (Role role : Role.values()) {
      if (role.scope() == Role.Scope.COMPANY) {
        ensureGroup(role.groupId(null), role.groupName(null), ROLE_GROUP_TYPE);
      }
    }
    int departments = 0;
    int sections = 0;
    for (OrganisationData.Department department : data.departments()) {
      if (department.name() != null) {
        upsertDepartment(department.code(), department.name(), department.nameEn());
        ensureGroup(Role.DEPARTMENT_HEAD.groupId(department.code()), Role.DEPARTMENT_HEAD.groupName(department.name()),
            ROLE_GROUP_TYPE);
        departments++;
      }
      for (OrganisationData.Section section : department.sections()) {
        if (section.name() != null) {
          upsertSection(section.code(), department.code(), section.name(), section.nameEn());
          ensureGroup(Role.SECTION_CHIEF.groupId(section.code()), Role.SECTION_CHIEF.groupName(section.name()),
              ROLE_GROUP_TYPE);
          sections++;
        }
      }
    }
    Set<String> placed = new HashSet<>(jdbc.queryForList("select user_id from org_person", String.class));
    List<String> created = new ArrayList<>();
    List<String> existing = new ArrayList<>();
    for (OrganisationData.PersonEntry person : data.persons()) {
      if (placed.contains(person.id())) {
        existing.add(person.id());
        continue;
      }
      try {
        ensureUser(person, initialPassword);
      } catch (BadUserRequestException e) {
        // a rule of the identity provider (e.g. 5.1.8: no guest-like ids): the whole import is rolled back
        throw new OrganisationImportException(data.source(), List.of(new ImportProblem(person.line(), "userId",
            e.getMessage())));
      }
      jdbc.update("insert into org_person (user_id, department_code, section_code, employee, locale) "
          + "values (?, ?, ?, ?, ?)", person.id(), person.department(), person.section(), person.employee(),
          person.locale());
      ensureMembership(person.id(), OrganisationGroups.EMPLOYEES);
      for (String roleName : person.roles()) {
        Role role = Role.parse(roleName);
        String scope = switch (role.scope()) {
          case COMPANY -> null;
          case DEPARTMENT -> person.department();
          case SECTION -> person.section();
        };
        ensureMembership(person.id(), role.groupId(scope));
        if (role == Role.SYSTEM_ADMINISTRATOR) {
          ensureMembership(person.id(), OrganisationGroups.CAMUNDA_ADMIN);
        }
      }
      created.add(person.id());
    }
    Set<String> listed = new HashSet<>(data.persons().stream().map(OrganisationData.PersonEntry::id).toList());
    List<String> missing = placed.stream().filter(id -> !listed.contains(id)).sorted().toList();
    ImportReport report = new ImportReport(data.source(), departments, sections, created, existing, missing);
    LOG.info("organisation {} imported: {} departments, {} sections, {} persons added, {} already there, "
        + "{} not in the file (kept)", data.source(), departments, sections, created.size(), existing.size(),
        missing.size());
    return report;
  }

  /** Every reason why the organisation cannot be imported as it stands, by line; empty when it can. */
  public List<ImportProblem> validate(OrganisationData data) {
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, Boolean> openDepartments = new HashMap<>();
    jdbc.query("select code, closed_at from org_department",
        rs -> {
          openDepartments.put(rs.getString(1), rs.getTimestamp(2) == null);
        });
    Map<String, String> sectionDepartments = new HashMap<>();
    Set<String> closedSections = new HashSet<>();
    jdbc.query("select code, department_code, closed_at from org_section", rs -> {
      sectionDepartments.put(rs.getString(1), rs.getString(2));
      if (rs.getTimestamp(3) != null) {
        closedSections.add(rs.getString(1));
      }
    });
    // a CSV row names its person's department: an unknown one is reported once, for the person
    Set<Integer> personRows = new HashSet<>(data.persons().stream().map(OrganisationData.PersonEntry::line).toList());
    Map<String, Integer> departmentLines = new HashMap<>();
    Map<String, Integer> sectionLines = new HashMap<>();
    Map<String, String> fileSections = new HashMap<>();
    Set<String> fileDepartments = new LinkedHashSet<>();
    for (OrganisationData.Department department : data.departments()) {
      if (!code(department.code(), department.line(), "departmentCode", "部門コード", problems)) {
        continue;
      }
      Integer first = departmentLines.putIfAbsent(department.code(), department.line());
      if (first != null) {
        problems.add(new ImportProblem(department.line(), "departmentCode", "部門コード " + department.code() + " が "
            + first + " 行目と重複しています (duplicate department code)"));
        continue;
      }
      Boolean open = openDepartments.get(department.code());
      if (department.name() == null && open == null) {
        if (personRows.contains(department.line())) {
          continue;
        }
        problems.add(new ImportProblem(department.line(), "departmentCode", "部門 " + department.code()
            + " は組織にありません。部門名を書いてください (unknown department)"));
        continue;
      }
      if (Boolean.FALSE.equals(open)) {
        problems.add(new ImportProblem(department.line(), "departmentCode", "部門 " + department.code()
            + " は閉鎖されています (the department is closed)"));
        continue;
      }
      fileDepartments.add(department.code());
      for (OrganisationData.Section section : department.sections()) {
        if (!code(section.code(), section.line(), "sectionCode", "課コード", problems)) {
          continue;
        }
        Integer firstSection = sectionLines.putIfAbsent(section.code(), section.line());
        String inDatabase = sectionDepartments.get(section.code());
        if (firstSection != null) {
          problems.add(new ImportProblem(section.line(), "sectionCode", "課コード " + section.code() + " が "
              + firstSection + " 行目と重複しています (duplicate section code)"));
        } else if (inDatabase != null && !inDatabase.equals(department.code())) {
          problems.add(new ImportProblem(section.line(), "sectionCode", "課 " + section.code() + " は部門 "
              + inDatabase + " の課です (the section belongs to another department)"));
        } else if (section.name() == null && inDatabase == null) {
          problems.add(new ImportProblem(section.line(), "sectionCode", "課 " + section.code()
              + " は組織にありません。課名を書いてください (unknown section)"));
        } else if (closedSections.contains(section.code())) {
          problems.add(new ImportProblem(section.line(), "sectionCode", "課 " + section.code()
              + " は閉鎖されています (the section is closed)"));
        } else {
          fileSections.put(section.code(), department.code());
        }
      }
    }
    Map<String, Integer> personLines = new HashMap<>();
    for (OrganisationData.PersonEntry person : data.persons()) {
      int line = person.line();
      if (!code(person.id(), line, "userId", "ユーザーID", problems)) {
        continue;
      }
      Integer first = personLines.putIfAbsent(person.id(), line);
      if (first != null) {
        problems.add(new ImportProblem(line, "userId", "ユーザーID " + person.id() + " が " + first
            + " 行目と重複しています (duplicate user id)"));
        continue;
      }
      if (person.lastName() == null) {
        problems.add(new ImportProblem(line, "lastName", "姓がありません (last name missing)"));
      }
      if (person.email() == null || !EMAIL.matcher(person.email()).matches()) {
        problems.add(new ImportProblem(line, "email", "メールアドレスがないか正しくありません (e-mail missing or invalid)"));
      }
      String department = person.department();
      boolean departmentKnown = department == null || fileDepartments.contains(department)
          || Boolean.TRUE.equals(openDepartments.get(department));
      if (!departmentKnown) {
        problems.add(new ImportProblem(line, "departmentCode", "部門 " + department
            + " は組織にありません (unknown department)"));
      }
      if (person.section() != null) {
        String sectionDepartment = fileSections.containsKey(person.section()) ? fileSections.get(person.section())
            : closedSections.contains(person.section()) ? null : sectionDepartments.get(person.section());
        if (sectionDepartment == null) {
          problems.add(new ImportProblem(line, "sectionCode", "課 " + person.section()
              + " は組織にありません (unknown section)"));
        } else if (!sectionDepartment.equals(department)) {
          problems.add(new ImportProblem(line, "sectionCode", "課 " + person.section() + " は部門 " + department
              + " の課ではありません (the section is not in this department)"));
        }
      }
      for (String roleName : person.roles()) {
        Role role = Role.parse(roleName);
        if (role == null) {
          problems.add(new ImportProblem(line, "roles", "役割「" + roleName + "」はありません。使える役割: "
              + Role.names() + " (unknown role)"));
        } else if (role.scope() == Role.Scope.DEPARTMENT && department == null) {
          problems.add(new ImportProblem(line, "roles", role.nameJa() + " には部門が必要です (" + role.name()
              + " needs a department)"));
        } else if (role.scope() == Role.Scope.SECTION && person.section() == null) {
          problems.add(new ImportProblem(line, "roles", role.nameJa() + " には課が必要です (" + role.name()
              + " needs a section)"));
        }
      }
    }
    return problems;
  }

  private static boolean code(String code, int line, String field, String label, List<ImportProblem> problems) {
    if (code == null) {
      problems.add(new ImportProblem(line, field, label + "がありません (" + field + " missing)"));
      return false;
    }
    if (!CODE.matcher(code).matches()) {
      problems.add(new ImportProblem(line, field, label + "「" + code + "」には英数字と . _ - だけが使えます"
          + " (letters, digits, dot, underscore and hyphen only, at most 64)"));
      return false;
    }
    return true;
  }

  /** The user ids a YAML organisation file defines (the demo file, for the production safety check). */
  public static List<String> personIds(Resource file) {
    OrganisationFile.Read read = OrganisationFile.read(file, null);
    return read.data() == null ? List.of()
        : read.data().persons().stream().map(OrganisationData.PersonEntry::id).toList();
  }

  private void ensureGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    } else if (!name.equals(group.getName())) {
      group.setName(name);
      identityService.saveGroup(group);
    }
  }

  private void ensureUser(OrganisationData.PersonEntry person, String password) {
    if (identityService.createUserQuery().userId(person.id()).count() > 0) {
      return;
    }
    User user = identityService.newUser(person.id());
    user.setLastName(person.lastName());
    user.setFirstName(person.firstName());
    user.setEmail(person.email());
    // no password: the person cannot log in until the system administrator issues a one-time password
    user.setPassword(password == null || password.isBlank() ? null : password);
    identityService.saveUser(user);
  }

  private void ensureMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }

  private void upsertDepartment(String code, String name, String nameEn) {
    if (jdbc.update("update org_department set name = ?, name_en = coalesce(?, name_en) where code = ?", name, nameEn,
        code) == 0) {
      jdbc.update("insert into org_department (code, name, name_en) values (?, ?, ?)", code, name, nameEn);
    }
  }

  private void upsertSection(String code, String department, String name, String nameEn) {
    if (jdbc.update("update org_section set department_code = ?, name = ?, name_en = coalesce(?, name_en) "
        + "where code = ?", department, name, nameEn, code) == 0) {
      jdbc.update("insert into org_section (code, department_code, name, name_en) values (?, ?, ?, ?)",
          code, department, name, nameEn);
    }
  }
}
