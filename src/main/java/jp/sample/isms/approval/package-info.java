/**
 * The approval kernel every flow shares: requester and business key at filing, routing of approval steps to role
 * holders, four eyes, server-side validation of every form, send-back and withdrawal, the decision record.
 * It attaches itself to every deployed process through a BPMN parse listener, so no model can forget it.
 */
package jp.sample.isms.approval;
