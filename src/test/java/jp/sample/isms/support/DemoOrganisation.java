package jp.sample.isms.support;

import java.util.List;
import java.util.Objects;

import org.springframework.core.io.ClassPathResource;

import jp.sample.isms.organisation.OrganisationData;
import jp.sample.isms.organisation.OrganisationData.PersonEntry;
import jp.sample.isms.organisation.OrganisationFile;
import jp.sample.isms.organisation.Role;

/**
 * The demo organisation (株式会社サンプル印刷機) as tests use it: who holds which role and sits where, read from the
 * file the product loads when {@code isms.demo.enabled} is true ({@code organisation/demo-organisation.yaml}), and
 * the demo password of {@code application.yaml}. The constants name a person by what a test needs them to be;
 * {@code DemoOrganisationTest} checks every constant against the file, so a changed organisation fails there first.
 */
public final class DemoOrganisation {

  /** The password every demo user has ({@code isms.demo.password}). */
  public static final String PASSWORD = "Demo-2026!";

  /** The organisation file the product loads for the demo. */
  public static final String FILE = "organisation/demo-organisation.yaml";

  // ---------------------------------------------------------------- company-wide roles (tanaka)

  /** 代表取締役 (tanaka). */
  public static final String PRESIDENT = "tanaka";
  /** 情報セキュリティ責任者 (tanaka). */
  public static final String SECURITY_OFFICER = "tanaka";
  /** 情報セキュリティ委員会 (process owner), also the president (tanaka). */
  public static final String PROCESS_OWNER = "tanaka";

  // ---------------------------------------------------------------- 総務部 general-affairs

  /** 総務部長 (suzuki). */
  public static final String GENERAL_AFFAIRS_HEAD = "suzuki";
  /** システム管理者 (suzuki, 総務部長). */
  public static final String SYSTEM_ADMINISTRATOR = "suzuki";
  /** 情報セキュリティ委員会 (process owner) who is a department head, not the president (suzuki). */
  public static final String DEPARTMENT_PROCESS_OWNER = "suzuki";
  /** An employee of 総務課 without a role (kato). */
  public static final String GENERAL_AFFAIRS_EMPLOYEE = "kato";

  // ---------------------------------------------------------------- 人事部 hr

  /** 人事部長 (sato). */
  public static final String HR_HEAD = "sato";
  /** 教育責任者 (sato, 人事部長). */
  public static final String EDUCATION_OFFICER = "sato";

  // ---------------------------------------------------------------- 製造部 manufacturing

  /** 製造部長 (takahashi). */
  public static final String MANUFACTURING_HEAD = "takahashi";
  /** インシデント対応責任者 (takahashi, 製造部長). */
  public static final String INCIDENT_OFFICER = "takahashi";
  /** 製造課長 (nakamura). */
  public static final String PRODUCTION_CHIEF = "nakamura";
  /** 監査・点検責任者 (nakamura, 製造課長). */
  public static final String AUDIT_OFFICER = "nakamura";
  /** An employee of 製造課 without a role (kobayashi). */
  public static final String PRODUCTION_EMPLOYEE = "kobayashi";

  // ---------------------------------------------------------------- 開発設計部 development

  /** 開発設計部長 (ito). */
  public static final String DEVELOPMENT_HEAD = "ito";
  /** 設計課長 (watanabe). */
  public static final String DESIGN_CHIEF = "watanabe";
  /** An employee of 設計課 without a role (yamamoto). */
  public static final String DESIGN_EMPLOYEE = "yamamoto";

  /** Department codes of the file. */
  public static final String GENERAL_AFFAIRS = "general-affairs";
  public static final String HR = "hr";
  public static final String MANUFACTURING = "manufacturing";
  public static final String DEVELOPMENT = "development";

  private static final OrganisationData DATA = read();

  private DemoOrganisation() {
  }

  private static OrganisationData read() {
    OrganisationFile.Read read = OrganisationFile.read(new ClassPathResource(FILE), null);
    if (!read.ok()) {
      throw new IllegalStateException(FILE + ": " + read.problems());
    }
    return read.data();
  }

  /** The organisation as the product reads the file. */
  public static OrganisationData data() {
    return DATA;
  }

  /** Every person of the file, in file order. */
  public static List<PersonEntry> persons() {
    return DATA.persons();
  }

  /** The ids of every person, in file order. */
  public static List<String> ids() {
    return DATA.persons().stream().map(PersonEntry::id).toList();
  }

  /** The person of this id. */
  public static PersonEntry person(String id) {
    return DATA.persons().stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo person " + id));
  }

  /** The ids of the holders of a role (a {@code Role} name such as {@code SECURITY_OFFICER}), in file order. */
  public static List<String> holders(String role) {
    return DATA.persons().stream().filter(p -> p.roles().contains(role)).map(PersonEntry::id).toList();
  }

  /** The ids of the holders of a role, in file order. */
  public static List<String> holders(Role role) {
    return holders(role.name());
  }

  /** The id of the single holder of a role; fails if the file names none or several. */
  public static String holder(Role role) {
    return holder(role.name());
  }

  /** The id of the single holder of a role; fails if the file names none or several. */
  public static String holder(String role) {
    List<String> holders = holders(role);
    if (holders.size() != 1) {
      throw new IllegalStateException(role + " is held by " + holders + " in " + FILE);
    }
    return holders.get(0);
  }

  /** The id of the head (部門長) of the department of this code. */
  public static String headOf(String department) {
    List<String> heads = DATA.persons().stream()
        .filter(p -> department.equals(p.department()) && p.section() == null && p.roles().contains("DEPARTMENT_HEAD"))
        .map(PersonEntry::id).toList();
    if (heads.size() != 1) {
      throw new IllegalStateException(department + " is headed by " + heads + " in " + FILE);
    }
    return heads.get(0);
  }

  /** The id of the chief (課長) of the section of this code. */
  public static String chiefOf(String section) {
    return DATA.persons().stream()
        .filter(p -> section.equals(p.section()) && p.roles().contains("SECTION_CHIEF")).map(PersonEntry::id)
        .findFirst().orElseThrow(() -> new IllegalStateException(section + " has no chief in " + FILE));
  }

  /** The department code of a person (null for one outside every department, as the president). */
  public static String departmentOf(String id) {
    return person(id).department();
  }

  /** The ids of the persons of a department without any role. */
  public static List<String> employeesWithoutRole(String department) {
    return DATA.persons().stream().filter(p -> Objects.equals(department, p.department()) && p.roles().isEmpty())
        .map(PersonEntry::id).toList();
  }
}
