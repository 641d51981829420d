package jp.sample.isms.asset;

import java.time.OffsetDateTime;
import java.util.List;

import jp.sample.isms.organisation.Person;

/**
 * One version of an asset of the 情報資産管理台帳 (3.1). {@code userDepartments} and {@code userPersons} are its user
 * scope (3.1.4); its owning department may always use it.
 */
public record InformationAsset(String assetId, int version, String name, String description, AssetKind kind,
    String location, Classification classification, ClassificationReason classificationReason,
    String ownerDepartment, List<String> userDepartments, List<String> userPersons, String labelling,
    boolean labelImpossible, boolean personalData, String retention, Status status, OffsetDateTime changedAt,
    String changedBy, String changeReference, String changeKind) {

  /** 有効 or 廃棄済. */
  public enum Status {
    ACTIVE("有効"), RETIRED("廃棄済");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public InformationAsset {
    userDepartments = List.copyOf(userDepartments);
    userPersons = List.copyOf(userPersons);
  }

  /** 3.1.4: the person is in the user scope, or in the owning department. */
  public boolean usableBy(Person person) {
    return person != null && (userPersons.contains(person.userId())
        || (person.departmentCode() != null && (person.departmentCode().equals(ownerDepartment)
            || userDepartments.contains(person.departmentCode()))));
  }

  public boolean retired() {
    return status == Status.RETIRED;
  }
}
