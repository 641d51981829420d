package jp.sample.isms.clouduse;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;

import jp.sample.isms.approval.RequestValues;

/** The variables of a cloud service request and its evaluation, typed (map in, call a service, map out). */
record CloudUseRequest(String businessKey, String serviceName, String provider, String purpose,
    String classification, boolean backupUse, String registrationEmail, LocalDate expectedStartDate,
    boolean iso27017Certified, boolean csMarkCertified, String otherCertifications, boolean termsConform,
    String dataLocation, Boolean facilityOutsideDisasterArea, String evaluationOpinion, LocalDate ndaSignedOn,
    String ndaReference) {

  static CloudUseRequest of(VariableScope scope) {
    boolean backupUse = isTrue(scope.getVariable(CloudUseProcess.BACKUP_USE));
    return new CloudUseRequest(
        RequestValues.businessKey(scope),
        string(scope, CloudUseProcess.SERVICE_NAME),
        string(scope, CloudUseProcess.PROVIDER),
        string(scope, CloudUseProcess.PURPOSE),
        string(scope, CloudUseProcess.CLASSIFICATION),
        backupUse,
        string(scope, CloudUseProcess.REGISTRATION_EMAIL),
        date(scope.getVariable(CloudUseProcess.EXPECTED_START_DATE)),
        isTrue(scope.getVariable(CloudUseProcess.ISO27017_CERTIFIED)),
        isTrue(scope.getVariable(CloudUseProcess.CS_MARK_CERTIFIED)),
        string(scope, CloudUseProcess.OTHER_CERTIFICATIONS),
        isTrue(scope.getVariable(CloudUseProcess.TERMS_CONFORM)),
        string(scope, CloudUseProcess.DATA_LOCATION),
        // asked only for backup use (4.1.3): otherwise not evaluated, not "no"
        backupUse ? isTrue(scope.getVariable(CloudUseProcess.FACILITY_OUTSIDE_DISASTER_AREA)) : null,
        string(scope, CloudUseProcess.EVALUATION_OPINION),
        date(scope.getVariable(CloudUseProcess.NDA_SIGNED_ON)),
        string(scope, CloudUseProcess.NDA_REFERENCE));
  }

  /** 公開 (機密性0), 社外秘 (機密性1), 極秘 (機密性2) (3.1.1). */
  String classificationLabel() {
    return switch (classification) {
      case "PUBLIC" -> "公開 (機密性0)";
      case "INTERNAL" -> "社外秘 (機密性1)";
      case "SECRET" -> "極秘 (機密性2)";
      default -> classification;
    };
  }

  /** The same in English: Public (confidentiality 0), Internal (confidentiality 1), Secret (confidentiality 2). */
  String classificationLabelEn() {
    return switch (classification) {
      case "PUBLIC" -> "Public (confidentiality 0)";
      case "INTERNAL" -> "Internal (confidentiality 1)";
      case "SECRET" -> "Secret (confidentiality 2)";
      default -> classification;
    };
  }

  static String string(VariableScope scope, String name) {
    return RequestValues.string(scope, name);
  }

  static boolean isTrue(Object value) {
    return RequestValues.isTrue(value);
  }

  static LocalDate date(Object value) {
    return RequestValues.date(value);
  }
}
