package jp.sample.isms.onboarding;

import java.util.LinkedHashMap;
import java.util.Map;

/** Names of process {@code onboarding} (bpmn/onboarding.bpmn): key, element ids and variables. */
public final class OnboardingProcess {

  public static final String KEY = "onboarding";

  public static final String TASK_ATTACH_UNDERTAKING = "UserTask_AttachUndertaking";
  public static final String TASK_CREATE_ACCOUNT = "UserTask_CreateAccount";
  public static final String TASK_CREATE_PRODUCT_ACCOUNT = "ServiceTask_CreateProductAccount";
  public static final String TASK_FILE_ACCOUNT_REQUESTS = "ServiceTask_FileAccountRequests";
  public static final String TASK_CONDUCT_TRAINING = "UserTask_ConductInitialTraining";
  public static final String TASK_RECORD_TRAINING = "ServiceTask_RecordTraining";
  public static final String END_ONBOARDED = "EndEvent_Onboarded";

  public static final String NEW_USER_ID = "newUserId";
  public static final String LAST_NAME = "lastName";
  public static final String FIRST_NAME = "firstName";
  public static final String EMAIL = "email";
  public static final String DEPARTMENT_CODE = "departmentCode";
  public static final String HIRE_DATE = "hireDate";
  public static final String ACCESS_RIGHTS = "accessRights";
  /** The information assets the access rights are for (5.1.1), ids of the register. */
  public static final String ASSET_IDS = "assetIds";
  public static final String UNDERTAKING_SIGNED = "undertakingSigned";
  public static final String TRAINED_ON = "trainedOn";
  public static final String TRAINING_CONTENT = "trainingContent";
  /** The account request numbers filed for the person, for display. */
  public static final String ACCOUNT_REQUESTS = "accountRequests";

  /** The checkbox of each system of the account register (5.1.2, 5.1.4) the person needs, by system code. */
  public static final Map<String, String> SYSTEM_FIELDS;

  static {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("needsFileServer", "FILE_SERVER");
    fields.put("needsInternalSystemA", "INTERNAL_SYSTEM_A");
    fields.put("needsInternalDbA", "INTERNAL_DB_A");
    fields.put("needsInternalMail", "INTERNAL_MAIL");
    fields.put("needsExternalMail", "EXTERNAL_MAIL");
    SYSTEM_FIELDS = java.util.Collections.unmodifiableMap(fields);
  }

  private OnboardingProcess() {
  }
}
