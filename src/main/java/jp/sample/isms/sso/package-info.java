/**
 * Single sign-on with the company's OpenID Connect identity provider (profile {@code sso}): the browser login of the
 * webapps and pages, JWT bearer tokens for {@code /engine-rest} and {@code /api}, persons created and updated from
 * the tokens, IdP groups mapped to product groups by an explicit table, local passwords off (but a break-glass
 * administrator's).
 */
package jp.sample.isms.sso;
