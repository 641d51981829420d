/**
 * What an operator watches (docs/operations.md): the product's gauges for Prometheus beside the engine's health and
 * readiness; read from the database at most once per refresh interval, never by walking the decision record.
 */
package jp.sample.isms.monitoring;
