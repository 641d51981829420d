/**
 * 業務委託 (委託先評価・選定・契約・定期評価, 8.1.1–8.1.4, 8.1.6): process {@code outsourcing}, its routing table,
 * the rules of the evaluation, the contract and the periodic evaluation, and the 委託先台帳 (contractor register with
 * its evaluations).
 */
package jp.sample.isms.outsourcing;
