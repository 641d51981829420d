/**
 * 情報資産管理台帳の登録・変更・廃棄申請 (3.1.1–3.1.4): process {@code assetRegistration}. Registering, reclassifying, changing
 * the user scope of or retiring an asset is filed in its owning department and approved by its 管理責任者; anything
 * touching 極秘 by the security officer as well. Each approved change is a new version of the register row.
 */
package jp.sample.isms.assetregistration;
