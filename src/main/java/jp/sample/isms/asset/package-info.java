/**
 * 情報資産管理台帳 (3.1): the information assets with their classification (3.1.1), kind and labelling (3.1.2), owning
 * department whose head is their 管理責任者 (3.1.3) and user scope (3.1.4), each change a new version. Flows read an
 * asset's classification and owner from here, never from the requester.
 */
package jp.sample.isms.asset;
