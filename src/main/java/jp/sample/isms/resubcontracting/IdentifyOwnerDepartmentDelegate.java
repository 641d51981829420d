package jp.sample.isms.resubcontracting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;
import jp.sample.isms.outsourcing.RunningOutsourcings;

/**
 * {@code ServiceTask_IdentifyOwnerDepartment}, 8.1.5: reads from the engine the running outsourcing the request names
 * (its requester and contractor) and the department that owns it, whose head reviews the re-subcontracting.
 */
@Component
class IdentifyOwnerDepartmentDelegate implements JavaDelegate {

  private final RunningOutsourcings outsourcings;
  private final OrganisationService organisation;

  IdentifyOwnerDepartmentDelegate(RunningOutsourcings outsourcings, OrganisationService organisation) {
    this.outsourcings = outsourcings;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = (String) execution.getVariable(ResubcontractingProcess.OUTSOURCING_BUSINESS_KEY);
    RunningOutsourcings.Outsourcing outsourcing = outsourcings.find(businessKey);
    if (!outsourcing.running()) {
      // the filing and the resubmission were refused already when it is not: this is a race, roll it back
      throw new IllegalStateException("outsourcing " + businessKey + " is " + outsourcing.state());
    }
    Person owner = organisation.person(outsourcing.requester()).orElse(null);
    execution.setVariable(ResubcontractingProcess.OUTSOURCING_REQUESTER, outsourcing.requester());
    execution.setVariable(ResubcontractingProcess.OUTSOURCING_CONTRACTOR, outsourcing.contractor());
    execution.setVariable(ResubcontractingProcess.OUTSOURCING_DEPARTMENT, owner == null ? null : owner.departmentCode());
    execution.setVariable(ResubcontractingProcess.OUTSOURCING_DEPARTMENT_NAME,
        owner == null ? null : owner.departmentName());
  }
}
