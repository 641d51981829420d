/** 情報資産の社外持ち出し申請 (3.2): process {@code takeOut}, its routing table, rules and the 持ち出し台帳. */
package jp.sample.isms.takeout;
