package jp.sample.isms.approval;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.task.IdentityLink;

/**
 * 代理承認 as the kernel needs it: who may take a role step in place of its holders, and for whom an actor acts. The
 * kernel routes and checks four eyes with it; the {@code substitution} module implements it (and keeps the open steps'
 * candidates in line with the substitutions in force).
 */
public interface SubstituteCandidates {

  /** The substitutes who should be candidates of a role step now (never the requester, never a holder). */
  Set<String> substitutesFor(Set<String> holders, String assignee, String requester);

  /**
   * For whom the actor acts on a step offered to {@code groups}: a holder they substitute today, or empty when they
   * hold the role themselves (or substitute nobody who does).
   */
  Optional<String> principalOf(String actor, List<String> groups);

  /** The holders of the candidate groups among a step's identity links. */
  Set<String> holders(Set<? extends IdentityLink> links);
}
