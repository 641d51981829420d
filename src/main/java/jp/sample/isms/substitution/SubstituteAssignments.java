package jp.sample.isms.substitution;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.SubstituteCandidates;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Substitutes;

/**
 * 代理承認 in the engine: a substitute in force becomes a candidate user of the principal's open role steps (never of
 * a step of their own request: four eyes), and stops being one when the substitution ends. Candidate users on role
 * steps exist only for this; {@link #synchronise()} makes them match the substitutions of today.
 */
@Component
public class SubstituteAssignments implements SubstituteCandidates {

  private final TaskService taskService;
  private final OrganisationService organisation;
  private final Substitutes substitutes;

  private final IdentityService identityService;
  private final RequestRecords records;

  SubstituteAssignments(TaskService taskService, OrganisationService organisation,
      Substitutes substitutes, IdentityService identityService, RequestRecords records) {
    this.records = records;
    this.identityService = identityService;
    this.taskService = taskService;
    this.organisation = organisation;
    this.substitutes = substitutes;
  }

  /** The substitutes who should be candidates of a role step now. */
  @Override
  public Set<String> substitutesFor(Set<String> holders, String assignee, String requester) {
    Set<String> result = new LinkedHashSet<>();
    Set<String> principals = assignee != null ? Set.of(assignee) : holders;
    for (String principal : principals) {
      result.addAll(substitutes.activeSubstitutesOf(principal));
    }
    result.remove(requester);
    result.removeAll(assignee != null ? Set.of(assignee) : holders);
    return result;
  }

  /**
   * For whom the actor acts on a step offered to {@code groups}: a holder they substitute today, or empty when they
   * hold the role themselves (or substitute nobody who does).
   */
  @Override
  public Optional<String> principalOf(String actor, java.util.List<String> groups) {
    Set<String> holders = new LinkedHashSet<>();
    groups.forEach(group -> holders.addAll(organisation.members(group)));
    if (holders.contains(actor)) {
      return Optional.empty();
    }
    return substitutes.activePrincipalsOf(actor).stream().filter(holders::contains).findFirst();
  }

  @Override
  public Set<String> holders(Set<? extends IdentityLink> links) {
    Set<String> holders = new LinkedHashSet<>();
    for (IdentityLink link : links) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        holders.addAll(organisation.members(link.getGroupId()));
      }
    }
    return holders;
  }

  /** Every open role step gets exactly the substitutes in force today; run after a change and every night. */
  @Transactional
  @Scheduled(cron = "${isms.substitutes.sync-cron:0 5 0 * * *}", zone = "${isms.time-zone}")
  public int synchronise() {
    // as the system: every open step, whoever triggered the change
    return EngineInternals.asSystem(identityService, this::synchroniseAll);
  }

  private int synchroniseAll() {
    int changes = 0;
    for (Task task : taskService.createTaskQuery().active().list()) {
      RequestRecords.Step step = records.step(task.getId()).orElse(null);
      if (step == null) {
        continue; // not a role holder's step
      }
      Set<IdentityLink> links = new LinkedHashSet<>(taskService.getIdentityLinksForTask(task.getId()));
      String requester = records.filing(task.getProcessInstanceId()).map(RequestRecords.Filing::requester).orElse(null);
      Set<String> holders = new LinkedHashSet<>();
      step.candidateGroups().forEach(group -> holders.addAll(organisation.members(group)));
      Set<String> wanted = substitutesFor(holders, task.getAssignee(), requester);
      Set<String> present = new LinkedHashSet<>();
      for (IdentityLink link : links) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
          present.add(link.getUserId());
        }
      }
      for (String user : wanted) {
        if (!present.contains(user)) {
          taskService.addCandidateUser(task.getId(), user);
          changes++;
        }
      }
      for (String user : present) {
        if (!wanted.contains(user)) {
          taskService.deleteCandidateUser(task.getId(), user);
          changes++;
        }
      }
    }
    return changes;
  }
}
