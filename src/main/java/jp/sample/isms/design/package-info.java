/**
 * プロセス設計 (1.4): the process owners' workbench on the server — the deployed flows, decision tables and forms with
 * their versions, the checks every model passes before it is deployed (proposal, emergency deployment, start-up), the
 * dry run of a change, the {@code modelRevision} flow that deploys an approved revision, and the regulation revision.
 */
package jp.sample.isms.design;
