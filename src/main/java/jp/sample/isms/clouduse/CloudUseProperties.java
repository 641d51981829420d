package jp.sample.isms.clouduse;

import java.time.Period;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the cloud service flow ({@code isms.cloud.*}).
 *
 * @param internalMailDomains the company's internal-only mail domains: a registration address in one of them, or in a
 *                            subdomain of one, is refused at filing (7.18 register an external address)
 * @param reviewPeriod        how long after the security officer's approval a registered service is due for review
 */
@ConfigurationProperties(prefix = "isms.cloud")
record CloudUseProperties(@DefaultValue("sample-printing.example") List<String> internalMailDomains,
    @DefaultValue("P1Y") Period reviewPeriod) {

  /** Whether the address is in an internal-only domain (case-insensitive; subdomains included). */
  boolean isInternal(String address) {
    int at = address.lastIndexOf('@');
    String domain = normalised(at < 0 ? address : address.substring(at + 1));
    return internalMailDomains.stream().map(CloudUseProperties::normalised).filter(d -> !d.isEmpty())
        .anyMatch(internal -> domain.equals(internal) || domain.endsWith("." + internal));
  }

  private static String normalised(String domain) {
    String d = domain.trim().toLowerCase(Locale.ROOT);
    while (d.startsWith("@") || d.startsWith(".")) {
      d = d.substring(1);
    }
    while (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }
}
