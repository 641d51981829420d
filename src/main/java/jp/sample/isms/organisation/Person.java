package jp.sample.isms.organisation;

/** A person of the organisation: engine user id plus where they sit (department and section may be null). */
public record Person(
    String userId,
    String displayName,
    String email,
    String departmentCode,
    String departmentName,
    String sectionCode,
    String sectionName,
    boolean employee,
    String locale) {
}
