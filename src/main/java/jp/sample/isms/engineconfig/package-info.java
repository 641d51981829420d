/**
 * The engine's configuration: the one engine plugin that registers the extensions of {@code approval}, {@code audit},
 * {@code design} and {@code system} in their declared order. It builds on those modules; none of them builds on it.
 * What the engine does not publish stays in {@code engine} ({@code EngineInternals}), which everybody may use.
 */
@ApplicationModule(displayName = "Engine configuration")
package jp.sample.isms.engineconfig;

import org.springframework.modulith.ApplicationModule;
