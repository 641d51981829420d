/**
 * 代理承認: a substitute in force becomes a candidate of the principal's open role steps and stops being one when the
 * substitution ends. Implements the kernel's {@link jp.sample.isms.approval.SubstituteCandidates}; the substitutions
 * themselves are kept by {@code organisation}.
 */
@ApplicationModule(displayName = "Substitution", allowedDependencies = {"approval", "audit", "engine", "organisation"})
package jp.sample.isms.substitution;

import org.springframework.modulith.ApplicationModule;
