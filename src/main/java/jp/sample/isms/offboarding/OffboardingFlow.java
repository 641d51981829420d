package jp.sample.isms.offboarding;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;
import jp.sample.isms.organisation.Role;

/**
 * The rules of an offboarding (2.3, 5.1.7) beyond its forms: filed for a person of the organisation by the head of
 * the HR department ({@code isms.organisation.hr-department}) or of the person's department, never by the person; a last
 * working day not in the past. The returns are confirmed by the head of the person's department.
 */
@Component
class OffboardingFlow implements RequestFlow {

  static final String CLAUSE = "2.3";

  private final OrganisationService organisation;
  private final String hrDepartment;

  OffboardingFlow(OrganisationService organisation, @Value("${isms.organisation.hr-department:hr}") String hrDepartment) {
    this.organisation = organisation;
    this.hrDepartment = hrDepartment;
  }

  @Override
  public String processKey() {
    return OffboardingProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "OF";
  }

  @Override
  public String nameEn() {
    return "Offboarding";
  }

  /** The returns are confirmed by the head of the department the person leaves (2.3). */
  @Override
  public String ownerDepartment(VariableScope execution) {
    return organisation.person(RequestValues.string(execution, OffboardingProcess.TARGET_USER_ID))
        .map(Person::departmentCode).orElse(null);
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    String target = input.string(OffboardingProcess.TARGET_USER_ID);
    if (target != null) {
      Optional<Person> person = organisation.person(target);
      String requester = input.requester().userId();
      if (person.isEmpty()) {
        errors.field(OffboardingProcess.TARGET_USER_ID, "組織に登録されていない利用者です: " + target);
      } else if (requester.equals(target) || !(headOf(requester, hrDepartment)
          || headOf(requester, person.get().departmentCode()))) {
        errors.refuse(OffboardingProcess.TARGET_USER_ID, CLAUSE,
            "退職手続きは人事部の部門責任者又は本人の部門責任者が申請します (本人は申請できません)");
      }
    }
    java.time.LocalDate lastDay = input.date(OffboardingProcess.LAST_WORKING_DAY);
    if (lastDay != null && lastDay.isBefore(input.today())) {
      errors.field(OffboardingProcess.LAST_WORKING_DAY, "最終出社日に過去の日付は指定できません");
    }
  }

  private boolean headOf(String userId, String department) {
    return department != null && organisation.members(Role.DEPARTMENT_HEAD.groupId(department)).contains(userId);
  }
}
