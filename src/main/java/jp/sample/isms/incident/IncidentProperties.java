package jp.sample.isms.incident;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the incident flow ({@code isms.incident.*}).
 *
 * @param acknowledgementEscalation how long a responder has to acknowledge a report before it is sent again and up
 *                                  the contact chain of 9.3 (repeated while nobody acknowledges)
 * @param preliminaryReportDays     days from the discovery of a personal-data leak to the preliminary report to the
 *                                  supervisory authority (速報, "promptly": 3–5 days)
 * @param finalReportDays           days to the final report (確報)
 * @param maliciousFinalReportDays  days to the final report when the leak came from a malicious act (不正アクセス等)
 * @param recoveryTargets           the table of 9.5.1: damaged target, what to do, recovery owner, contact
 */
@ConfigurationProperties(prefix = "isms.incident")
public record IncidentProperties(@DefaultValue("PT30M") Duration acknowledgementEscalation,
    @DefaultValue("5") int preliminaryReportDays, @DefaultValue("30") int finalReportDays,
    @DefaultValue("60") int maliciousFinalReportDays, List<RecoveryTarget> recoveryTargets) {

  /**
   * One row of 9.5.1. {@code code} names the start form's checkbox {@code damaged<Code>} ({@code power} →
   * {@code damagedPower}).
   */
  public record RecoveryTarget(String code, String name, String nameEn, List<String> actions, String owner,
      String contact) {

    public String formField() {
      return IncidentProcess.DAMAGED_PREFIX + Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }
  }

  public IncidentProperties {
    recoveryTargets = recoveryTargets == null ? List.of() : List.copyOf(recoveryTargets);
  }

  Optional<RecoveryTarget> recoveryTarget(String code) {
    return recoveryTargets.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  /** The engine's timer cycle: the escalation repeats while nobody acknowledges (a day's worth at most). */
  String escalationCycle() {
    long repeats = Math.max(1, Duration.ofDays(1).dividedBy(acknowledgementEscalation));
    return "R" + repeats + "/" + acknowledgementEscalation;
  }
}
