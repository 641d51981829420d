package jp.sample.isms.organisation;

import java.util.List;

/**
 * An organisation as a file describes it, before it is checked against the database: departments with their
 * sections, and persons with where they sit and their roles. Each entry keeps the line it came from.
 */
public record OrganisationData(String source, List<Department> departments, List<PersonEntry> persons) {

  /** A department (部) and its sections (課). */
  public record Department(int line, String code, String name, String nameEn, List<Section> sections) {
  }

  /** A section (課) of a department. */
  public record Section(int line, String code, String name, String nameEn) {
  }

  /** A person as the file lists them; {@code roles} as written (checked against {@link Role} on import). */
  public record PersonEntry(int line, String id, String lastName, String firstName, String email, String department,
      String section, boolean employee, String locale, List<String> roles) {
  }
}
