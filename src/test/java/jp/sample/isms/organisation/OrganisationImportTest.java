package jp.sample.isms.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The organisation import (1.1): CSV as HR exports it (Shift_JIS or UTF-8) and YAML, checked as a whole — a bad row
 * is reported with its line and nothing is written; new persons cannot log in until given a one-time password;
 * importing again changes nothing and reports who the file no longer lists. Each test's writes are rolled back, so
 * the demo organisation of the shared application stays as it is.
 */
@IsmsSpringBootTest
class OrganisationImportTest {

  static final String HEADER = "ユーザーID,姓,名,メールアドレス,部門コード,部門名,課コード,課名,役割,従業員\r\n";

  @Autowired
  OrganisationImporter importer;
  @Autowired
  IdentityService identityService;
  @Autowired
  OrganisationService organisation;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  /** Runs {@code test} in a transaction that is rolled back afterwards. */
  private void rolledBack(Consumer<Void> test) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      status.setRollbackOnly();
      test.accept(null);
    });
  }

  private static OrganisationData read(String name, byte[] content) {
    OrganisationFile.Read read = OrganisationFile.read(name, content, null);
    assertThat(read.problems()).isEmpty();
    return read.data();
  }

  @Test
  void aShiftJisCsvIsImportedAndItsNewPersonsHaveNoPassword() {
    // given HR's export in Shift_JIS, as Excel saves it
    byte[] csv = (HEADER
        + "qa-head,品質,太郎,qa-head@example.co.jp,quality,品質保証部,,,部門責任者,はい\r\n"
        + "qa-chief,検査,花子,qa-chief@example.co.jp,quality,品質保証部,inspection,検査課,SECTION_CHIEF,\r\n"
        + "qa-member,髙橋,﨑子,qa-member@example.co.jp,quality,,inspection,,,1\r\n")
        .getBytes(OrganisationFile.SHIFT_JIS);

    rolledBack(none -> {
      // when it is imported (the encoding detected)
      ImportReport report = importer.importOrganisation(read("社員一覧.csv", csv), null);

      // then departments, sections, persons and role holders are there, in Japanese as written
      assertThat(report.createdPersons()).containsExactly("qa-head", "qa-chief", "qa-member");
      assertThat(report.departments()).isEqualTo(1);
      assertThat(report.sections()).isEqualTo(1);
      assertThat(organisation.person("qa-member")).hasValueSatisfying(p -> {
        assertThat(p.displayName()).isEqualTo("髙橋 﨑子");
        assertThat(p.departmentName()).isEqualTo("品質保証部");
        assertThat(p.sectionName()).isEqualTo("検査課");
      });
      assertThat(organisation.holders(Role.DEPARTMENT_HEAD, "qa-member").userIds()).containsExactly("qa-head");
      assertThat(organisation.holders(Role.SECTION_CHIEF, "qa-member").userIds()).containsExactly("qa-chief");
      assertThat(organisation.members(OrganisationGroups.EMPLOYEES)).contains("qa-head", "qa-chief", "qa-member");
      // and nobody new can log in: no password at all until the system administrator issues one
      assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER where ID_ like 'qa-%' and PWD_ is not null",
          Integer.class)).isZero();
      assertThat(identityService.checkPassword("qa-member", "")).isFalse();
      assertThat(identityService.checkPassword("qa-member", DemoOrganisation.PASSWORD)).isFalse();
    });
  }

  @Test
  void everyBadRowIsReportedWithItsLineAndNothingIsWritten() {
    int users = count("ACT_ID_USER");
    int departments = count("org_department");
    byte[] csv = (HEADER
        + "ok-person,正常,一郎,ok@example.co.jp,quality,品質保証部,,,,\r\n"
        + "bad-role,役割,違い,bad-role@example.co.jp,quality,品質保証部,,,社長,\r\n"
        + "ok-person,重複,二郎,dup@example.co.jp,quality,品質保証部,,,,\r\n"
        + "no-name,,三郎,no-name@example.co.jp,quality,品質保証部,,,,\r\n"
        + "lost,部門,不明,lost@example.co.jp,nowhere,,,,,\r\n"
        + "bad-flag,従業員,不明,flag@example.co.jp,quality,品質保証部,,,,たぶん\r\n")
        .getBytes(StandardCharsets.UTF_8);

    OrganisationFile.Read read = OrganisationFile.read("persons.csv", csv, null);
    assertThat(read.problems()).extracting(ImportProblem::line, ImportProblem::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(7, "employee"));
    assertThatThrownBy(() -> importer.importOrganisation(read.data(), null))
        .isInstanceOfSatisfying(OrganisationImportException.class, e -> assertThat(e.problems())
            .extracting(ImportProblem::line, ImportProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "roles"),
                org.assertj.core.groups.Tuple.tuple(4, "userId"),
                org.assertj.core.groups.Tuple.tuple(5, "lastName"),
                org.assertj.core.groups.Tuple.tuple(6, "departmentCode")))
        .hasMessageContaining("unknown role").hasMessageContaining("部門 nowhere は組織にありません");

    assertThat(count("ACT_ID_USER")).isEqualTo(users);
    assertThat(count("org_department")).isEqualTo(departments);
  }

  @Test
  void aRowTheIdentityRulesRefuseRollsBackTheRowsBeforeIt() {
    int users = count("ACT_ID_USER");
    // 5.1.8: no guest-like account, a rule the identity provider enforces when the user is written
    byte[] csv = (HEADER
        + "first-ok,正常,一郎,first@example.co.jp,quality,品質保証部,,,,\r\n"
        + "guest1,来客,用,guest@example.co.jp,quality,品質保証部,,,,\r\n").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> importer.importOrganisation(read("persons.csv", csv), null))
        .isInstanceOfSatisfying(OrganisationImportException.class, e -> assertThat(e.problems())
            .extracting(ImportProblem::line).containsExactly(3));

    assertThat(count("ACT_ID_USER")).isEqualTo(users);
    assertThat(identityService.createUserQuery().userId("first-ok").count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from org_department where code = 'quality'", Integer.class))
        .isZero();
  }

  @Test
  void importingAgainChangesNothingAndReportsWhoTheFileNoLongerLists() {
    byte[] both = (HEADER
        + "re-one,再,一,re-one@example.co.jp,quality,品質保証部,,,部門責任者,\r\n"
        + "re-two,再,二,re-two@example.co.jp,quality,品質保証部,,,,\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] onlyOne = (HEADER
        + "re-one,再,一,re-one@example.co.jp,quality,品質保証部,,,部門責任者,\r\n").getBytes(StandardCharsets.UTF_8);

    rolledBack(none -> {
      importer.importOrganisation(read("persons.csv", both), null);
      int users = count("ACT_ID_USER");
      int memberships = count("ACT_ID_MEMBERSHIP");
      int groups = count("ACT_ID_GROUP");

      ImportReport again = importer.importOrganisation(read("persons.csv", both), null);
      assertThat(again.createdPersons()).isEmpty();
      assertThat(again.existingPersons()).containsExactly("re-one", "re-two");
      assertThat(count("ACT_ID_USER")).isEqualTo(users);
      assertThat(count("ACT_ID_MEMBERSHIP")).isEqualTo(memberships);
      assertThat(count("ACT_ID_GROUP")).isEqualTo(groups);

      ImportReport later = importer.importOrganisation(read("persons.csv", onlyOne), null);
      assertThat(later.missingPersons()).contains("re-two").doesNotContain("re-one");
      // reported, not deleted: leavers go through offboarding
      assertThat(organisation.person("re-two")).isPresent();
      assertThat(count("ACT_ID_USER")).isEqualTo(users);
    });
  }

  @Test
  void utf8WithAByteOrderMarkAndADeclaredEncodingAreRead() {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] text = (HEADER + "bom-user,野口,英世,bom@example.co.jp,quality,品質保証部,,,,\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, withBom, 0, bom.length);
    System.arraycopy(text, 0, withBom, bom.length, text.length);

    OrganisationData data = read("persons.csv", withBom);
    assertThat(data.persons()).singleElement().satisfies(p -> {
      assertThat(p.id()).isEqualTo("bom-user");
      assertThat(p.lastName()).isEqualTo("野口");
    });

    // a Shift_JIS file declared as UTF-8 is refused at the line of the first byte that is not UTF-8
    byte[] shiftJis = ("userId,lastName,firstName,email,departmentCode,departmentName\r\n"
        + "sjis,ascii,only,sjis@example.co.jp,quality,Quality\r\n"
        + "sjis2,野口,英世,sjis2@example.co.jp,quality,Quality\r\n").getBytes(OrganisationFile.SHIFT_JIS);
    OrganisationFile.Read declared = OrganisationFile.read("persons.csv", shiftJis, StandardCharsets.UTF_8);
    assertThat(declared.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("encoding");
      assertThat(p.line()).isEqualTo(3);
    });
    // and bytes that are neither UTF-8 nor Shift_JIS are refused when detecting
    byte[] neither = (HEADER + "x,y,z,x@example.co.jp,quality,Q,,,,\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] broken = java.util.Arrays.copyOf(neither, neither.length + 2);
    broken[neither.length] = (byte) 0x82;
    broken[neither.length + 1] = (byte) 0xff;
    assertThat(OrganisationFile.read("persons.csv", broken, null).problems()).extracting(ImportProblem::field)
        .containsExactly("encoding");
  }

  @Test
  void aMissingColumnAndAnUnknownColumnAreReportedOnTheHeaderLine() {
    byte[] csv = "ユーザーID,姓,部署\r\nx,y,z\r\n".getBytes(StandardCharsets.UTF_8);
    assertThat(OrganisationFile.read("persons.csv", csv, null).problems())
        .extracting(ImportProblem::line, ImportProblem::field).contains(
            org.assertj.core.groups.Tuple.tuple(1, "部署"),
            org.assertj.core.groups.Tuple.tuple(1, "email"),
            org.assertj.core.groups.Tuple.tuple(1, "departmentCode"));
  }

  @Test
  void aYamlFileIsCheckedLikeACsvWithTheLineOfTheBadEntry() {
    String yaml = """
        departments:
          - code: quality
            name: 品質保証部
        persons:
          - id: y-one
            lastName: 一
            email: y-one@example.co.jp
            department: quality
          - id: y-two
            lastName: 二
            email: y-two@example.co.jp
            department: quality
            roles: [DEPARTMENT_HEAD, CHAIRMAN]
        """;
    OrganisationData data = read("organisation.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(importer.validate(data)).singleElement().satisfies(problem -> {
      assertThat(problem.line()).isEqualTo(9);
      assertThat(problem.field()).isEqualTo("roles");
      assertThat(problem.message()).contains("CHAIRMAN");
    });
    // the demo organisation and the sample of docs/operations.md are valid files
    assertThat(importer.validate(read("demo-organisation.yaml",
        resource("/organisation/demo-organisation.yaml")))).isEmpty();
  }

  @Test
  void theSampleCsvOfTheGuideIsValid() throws Exception {
    byte[] sample = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs", "samples", "organisation.csv"));
    OrganisationData data = read("organisation.csv", sample);
    assertThat(data.persons()).hasSizeGreaterThan(5);
    assertThat(importer.validate(data)).isEmpty();
  }

  private static byte[] resource(String path) {
    try (var in = OrganisationImportTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }
}
