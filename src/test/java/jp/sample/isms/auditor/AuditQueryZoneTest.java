package jp.sample.isms.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The auditors' queries count days and show times in the product's zone: a day given as {@code from}/{@code to}
 * begins and ends at midnight there, and a stored time is read back with that zone's offset. Outside Japan (UTC
 * here) the same day is a different range of instants.
 */
class AuditQueryZoneTest {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void aDayOfAQueryBeginsAndEndsAtMidnightInTheProductsZone() {
    Map<String, String> day = Map.of("from", "2026-04-01", "to", "2026-04-01");

    AuditQueryParameters utc = new AuditQueryParameters(day, UTC);
    assertThat(utc.startOfDay("from", "期間の開始日").toInstant()).isEqualTo("2026-04-01T00:00:00Z");
    assertThat(utc.endOfDay("to", "期間の終了日").toInstant()).isEqualTo("2026-04-02T00:00:00Z");

    AuditQueryParameters japan = new AuditQueryParameters(day, JAPAN);
    assertThat(japan.startOfDay("from", "期間の開始日").toInstant()).isEqualTo("2026-03-31T15:00:00Z");
    assertThat(japan.endOfDay("to", "期間の終了日").toInstant()).isEqualTo("2026-04-01T15:00:00Z");
  }

  @Test
  void aStoredTimeIsReadWithTheProductsZone() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:audit-query-zone");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "select timestamp with time zone '2026-03-31 20:00:00+00:00' as occurred_at, "
                + "cast(null as timestamp) as decided_at")) {
      rs.next();
      OffsetDateTime utc = RequestSearch.time(rs, "occurred_at", UTC);
      OffsetDateTime japan = RequestSearch.time(rs, "occurred_at", JAPAN);
      // the same instant; in UTC still 31 March, in Japan already 1 April
      assertThat(utc).isEqualTo("2026-03-31T20:00:00Z");
      assertThat(japan).isEqualTo("2026-04-01T05:00:00+09:00");
      assertThat(utc.toInstant()).isEqualTo(japan.toInstant());
      assertThat(RequestSearch.time(rs, "decided_at", UTC)).isNull();
    }
  }
}
