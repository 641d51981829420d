/**
 * 利用者アカウントの新設・変更・削除申請 (5.1.1, 5.1.4–5.1.10): process {@code accountRequest}, its routing and
 * sharing tables, the rules refused at filing and the システムアカウント及び付帯情報管理台帳.
 */
package jp.sample.isms.accountrequest;
