/**
 * The approval kernel every flow shares: requester and business key at filing, routing of approval steps to role
 * holders, four eyes, server-side validation of every form, send-back and withdrawal, the decision record.
 * It attaches itself to every deployed process through a BPMN parse listener, so no model can forget it.
 * The modules around it (attachment, substitution, bulkapproval, accounts) build on it; it builds on none of them
 * ({@link jp.sample.isms.approval.SubstituteCandidates} is the 代理承認 rule it needs, implemented by substitution).
 */
@ApplicationModule(displayName = "Approval kernel")
package jp.sample.isms.approval;

import org.springframework.modulith.ApplicationModule;
