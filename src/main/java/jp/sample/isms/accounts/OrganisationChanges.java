package jp.sample.isms.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationChanged;
import jp.sample.isms.organisation.OrganisationChanged.Kind;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.OrganisationUnits;
import jp.sample.isms.organisation.Role;
import jp.sample.isms.substitution.SubstituteAssignments;

/**
 * 人事異動 without stranding a request: open steps follow the role, not the person. A replaced role holder's claimed
 * steps go back to the role's group (where the new holder finds them); a person who moves to another department
 * leaves the headships of the old one with their claimed steps. Decided requests are not touched; every change is
 * recorded: the change is published ({@link OrganisationChanged}) and the record writes it in the same transaction.
 */
@Service
public class OrganisationChanges {

  private final IdentityService identityService;
  private final TaskService taskService;
  private final OrganisationService organisation;
  private final SubstituteAssignments substitutes;
  private final ApplicationEventPublisher events;
  private final JdbcTemplate jdbc;
  private final RequestRecords records;
  private final OrganisationUnits units;

  OrganisationChanges(IdentityService identityService, TaskService taskService, OrganisationService organisation,
      SubstituteAssignments substitutes, ApplicationEventPublisher events, JdbcTemplate jdbc, RequestRecords records,
      OrganisationUnits units) {
    this.records = records;
    this.units = units;
    this.identityService = identityService;
    this.taskService = taskService;
    this.organisation = organisation;
    this.substitutes = substitutes;
    this.events = events;
    this.jdbc = jdbc;
  }

  /**
   * The holder of a role's group changes: e.g. 開発設計部長 ito → sato. Returns the steps handed back. Only the
   * application calls it (an approved roleChange request, tests); the system administrator cannot (1.1, 10.1).
   */
  @Transactional
  public List<String> replaceRoleHolder(String groupId, String oldHolder, String newHolder, String by) {
    return asSystem(() -> {
      if (identityService.createUserQuery().userId(oldHolder).memberOfGroup(groupId).count() > 0) {
        identityService.deleteMembership(oldHolder, groupId);
      }
      if (identityService.createUserQuery().userId(newHolder).memberOfGroup(groupId).count() == 0) {
        identityService.createMembership(newHolder, groupId);
      }
      List<String> released = release(oldHolder);
      record(by, Kind.ROLE_HOLDER_REPLACED, groupId + ": " + organisation.displayName(oldHolder) + " → "
          + organisation.displayName(newHolder) + "; 差し戻した担当ステップ " + released);
      return released;
    });
  }

  /**
   * An approved role change adds a holder to a role's group (1.1, 10.1): the request number is on the record. Only the
   * application calls it; the identity provider refuses the same change to everybody else.
   */
  @Transactional
  public void addRoleHolder(String groupId, String userId, String by, String businessKey) {
    asSystem(() -> {
      if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
        identityService.createMembership(userId, groupId);
      }
      organisation.organisationChanged();
      substitutes.synchronise();
      record(by, Kind.ROLE_HOLDER_ADDED, groupId + ": + " + organisation.displayName(userId) + " (" + userId + "); "
          + businessKey);
      return null;
    });
  }

  /**
   * An approved role change (or a lapsed 5.1.10 exception) removes a holder from a role's group; their claimed steps
   * of the role go back to the group.
   */
  @Transactional
  public List<String> removeRoleHolder(String groupId, String userId, String by, String businessKey) {
    return asSystem(() -> {
      if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0) {
        identityService.deleteMembership(userId, groupId);
      }
      List<String> released = release(userId);
      record(by, Kind.ROLE_HOLDER_REMOVED, groupId + ": − " + organisation.displayName(userId) + " (" + userId + "); "
          + businessKey + "; 差し戻した担当ステップ " + released);
      return released;
    });
  }

  /**
   * A person moves to another department and section; their headships of the old ones end. A closed department or
   * section takes no one ({@link OrganisationUnits.Refused}, a conflict).
   */
  @Transactional
  public List<String> move(String userId, String department, String section, String by) {
    return asSystem(() -> {
      var before = organisation.person(userId).orElseThrow(() -> new IllegalArgumentException("user"));
      if (department != null && jdbc.queryForObject("select count(*) from org_department where code = ?",
          Integer.class, department) == 0) {
        throw new IllegalArgumentException("department");
      }
      if (section != null && jdbc.queryForObject("select count(*) from org_section where code = ? and department_code = ?",
          Integer.class, section, department) == 0) {
        throw new IllegalArgumentException("section");
      }
      units.refuseClosedPlacement(department, section);
      jdbc.update("update org_person set department_code = ?, section_code = ? where user_id = ?", department, section,
          userId);
      for (String group : List.of(
          before.departmentCode() == null ? "" : Role.DEPARTMENT_HEAD.groupId(before.departmentCode()),
          before.sectionCode() == null ? "" : Role.SECTION_CHIEF.groupId(before.sectionCode()))) {
        if (!group.isEmpty() && identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0
            && !Set.of(department == null ? "" : Role.DEPARTMENT_HEAD.groupId(department),
                section == null ? "" : Role.SECTION_CHIEF.groupId(section)).contains(group)) {
          identityService.deleteMembership(userId, group);
        }
      }
      List<String> released = release(userId);
      record(by, Kind.MOVED, organisation.displayName(userId) + ": " + before.departmentName() + "/" + before.sectionName()
          + " → " + department + "/" + section + "; 差し戻した担当ステップ " + released);
      return released;
    });
  }

  /** The person's claimed role steps whose role they no longer hold go back to the role's group. */
  private List<String> release(String userId) {
    // what this command read of the organisation before the change is read again
    organisation.organisationChanged();
    List<String> released = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().taskAssignee(userId).active().list()) {
      RequestRecords.Step step = records.step(task.getId()).orElse(null);
      if (step == null) {
        continue; // the person's own requests and duties stay theirs
      }
      boolean stillHolds = step.candidateGroups().stream()
          .anyMatch(group -> organisation.members(group).contains(userId));
      if (!stillHolds) {
        taskService.setAssignee(task.getId(), null);
        released.add(task.getId());
      }
    }
    substitutes.synchronise();
    return released;
  }

  /** The change goes on the record in this transaction ({@link OrganisationChanged}). */
  private void record(String by, Kind kind, String comment) {
    events.publishEvent(new OrganisationChanged(kind, by, comment));
  }

  private <T> T asSystem(java.util.function.Supplier<T> change) {
    return EngineInternals.asSystem(identityService, () -> {
      try {
        return jp.sample.isms.organisation.GuardedGroups.asApplication("organisation change", change);
      } finally {
        organisation.organisationChanged();
      }
    });
  }
}
