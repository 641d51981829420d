/**
 * People's accounts over time: disabling unused and leavers' accounts (5.1.7), password expiry warnings, and 人事異動
 * (role holders replaced, added and removed, people moving department) without stranding a request's open steps.
 * It lives above the kernel because an organisation change hands claimed steps back to the role (the kernel's step
 * records) and re-synchronises substitutes; {@code organisation}, which the kernel itself builds on, cannot.
 */
@ApplicationModule(displayName = "Accounts and organisation changes",
    allowedDependencies = {"approval", "audit", "engine", "notification", "organisation", "substitution"})
package jp.sample.isms.accounts;

import org.springframework.modulith.ApplicationModule;
