/**
 * The approval system for the company's 情報管理規程: one package per flow, plus the shared
 * {@code organisation}, {@code approval}, {@code audit}, {@code notification} and {@code system} packages.
 */
package jp.sample.isms;
