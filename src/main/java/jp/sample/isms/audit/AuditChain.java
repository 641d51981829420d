package jp.sample.isms.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tamper evidence of the decision record: each record's hash covers its content and the previous record's hash.
 * {@link #verify()} walks the chain in order and reports the first broken link: a changed record (its hash no longer
 * matches), a deleted record (the next one points to a hash nobody has) or a deleted last record (the head points
 * further). A scheduled check runs it every night and logs a broken chain as an error.
 */
@Component
public class AuditChain {

  /** The hash the first record points to. */
  public static final String GENESIS = "0".repeat(64);

  private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);

  /** Outcome of a verification: intact, or the id of the first record whose link is broken and why. */
  public record Verification(boolean intact, long recordsChecked, Long brokenAtId, String reason,
      OffsetDateTime checkedAt) {
  }

  private final JdbcTemplate jdbc;
  private final AtomicReference<Verification> lastScheduled = new AtomicReference<>();

  public AuditChain(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public static String hash(String previousHash, AuditEntry entry) {
    String content = Stream.of(entry.businessKey(), entry.processInstanceId(), entry.flowKey(),
            entry.flowVersion(), entry.step(), entry.stepName(), entry.stepKind(), entry.actor(), entry.actorName(),
            entry.actingRole(), entry.principal(), entry.requester(), entry.departmentCode(),
            entry.occurredAt().toInstant().toEpochMilli(), entry.outcome(), entry.comment(), entry.clauses(),
            entry.flags(), entry.regulationRevision())
        .map(v -> Objects.toString(v, "\u2400")).collect(Collectors.joining("\u001f"))
        // records written before submitted values were kept hash as they always did
        + (entry.submittedValues() == null ? "" : "\u001f" + entry.submittedValues());
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(previousHash.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0x1e);
      return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Walks the whole chain (streamed, in constant memory). */
  public Verification verify() {
    long[] checked = {0};
    String[] previous = {GENESIS};
    Long[] lastId = {0L};
    Verification[] broken = {null};
    jdbc.query("select * from audit_record order by id", rs -> {
      if (broken[0] != null) {
        return;
      }
      AuditEntry entry = AuditRecorder.ROW.mapRow(rs, 0);
      String storedPrevious = rs.getString("previous_hash");
      String storedHash = rs.getString("record_hash");
      checked[0]++;
      if (!previous[0].equals(storedPrevious)) {
        broken[0] = broken(checked[0], entry.id(), "直前の記録が削除または変更されています (previous hash does not match)");
      } else if (!hash(storedPrevious, entry).equals(storedHash)) {
        broken[0] = broken(checked[0], entry.id(), "記録の内容が変更されています (content does not match its hash)");
      }
      previous[0] = storedHash;
      lastId[0] = entry.id();
    });
    if (broken[0] != null) {
      return broken[0];
    }
    var head = jdbc.queryForMap("select last_id, last_hash from audit_chain_head where id = 1");
    if (((Number) head.get("last_id")).longValue() != lastId[0] || !previous[0].equals(head.get("last_hash"))) {
      return broken(checked[0], ((Number) head.get("last_id")).longValue(),
          "最後の記録が削除されています (the chain head points past the last record)");
    }
    return new Verification(true, checked[0], null, null, OffsetDateTime.now(AuditRecorder.JAPAN));
  }

  /** Every night at 02:30 Japan time; a broken chain is logged as an error for the system administrator. */
  @Scheduled(cron = "${isms.audit.verification-cron:0 30 2 * * *}", zone = "Asia/Tokyo")
  public void verifyNightly() {
    Verification result = verify();
    lastScheduled.set(result);
    if (result.intact()) {
      LOG.info("audit chain intact: {} records", result.recordsChecked());
    } else {
      LOG.error("audit chain BROKEN at record {}: {}", result.brokenAtId(), result.reason());
    }
  }

  public Verification lastScheduled() {
    return lastScheduled.get();
  }

  private static Verification broken(long checked, Long id, String reason) {
    return new Verification(false, checked, id, reason, OffsetDateTime.now(AuditRecorder.JAPAN));
  }
}
