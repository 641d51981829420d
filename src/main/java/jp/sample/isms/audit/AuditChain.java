package jp.sample.isms.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tamper evidence of the decision record: each record's hash covers its content and the previous record's hash in its
 * strand. The chain has {@link #STRANDS} strands, each with a head row that holds its last link; a recording
 * transaction locks the head of one strand that no other transaction holds ({@link #lockStrand()}) and keeps it for
 * all its records, so concurrent requests are not serialised by the chain. The records written before the strands
 * existed are strand 1. {@link #verify()} walks all records in order, each against the previous record of its strand,
 * and reports the first broken link: a changed record (its hash no longer matches), a deleted, inserted or moved
 * record (the next one of its strand points to a hash nobody has, or the record itself does) or a deleted last record
 * of a strand (its head points further). A scheduled check runs it every night and logs a broken chain as an error.
 * See docs/adr/0013-audit-chain-strands.md.
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

  /** The strands of the chain: the head rows 1 to 32 of {@code audit_chain_head}. */
  public static final int STRANDS = 32;

  /** The strand a transaction records in, and the hash of that strand's last record. */
  public record Link(int strand, String previousHash) {
  }

  /** Remembers the strand of the current transaction (suspended with it while a nested one of its own runs). */
  private static final class StrandHeld implements TransactionSynchronization {
    private final int strand;

    StrandHeld(int strand) {
      this.strand = strand;
    }
  }

  private final JdbcTemplate jdbc;
  private final AtomicReference<Verification> lastScheduled = new AtomicReference<>();

  private final java.time.Clock clock;

  public AuditChain(JdbcTemplate jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
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

  /**
   * Locks the head of a strand for the current transaction and returns its last link: the strand this transaction
   * already holds, else the first one no other transaction holds ({@code skip locked}: no wait), else (more
   * concurrent recording transactions than strands) one at random, waiting for it. Without a transaction the lock
   * ends with the statement, as any single statement's does.
   */
  Link lockStrand() {
    boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
    Integer held = !inTransaction ? null : TransactionSynchronizationManager.getSynchronizations().stream()
        .filter(StrandHeld.class::isInstance).map(s -> ((StrandHeld) s).strand).findFirst().orElse(null);
    if (held != null) {
      return new Link(held, jdbc.queryForObject("select last_hash from audit_chain_head where id = ? for update",
          String.class, held));
    }
    List<Link> free = jdbc.query("""
        select id, last_hash from audit_chain_head where id between 1 and ? order by id
         fetch first 1 rows only for update skip locked
        """, (rs, i) -> new Link(rs.getInt(1), rs.getString(2)), STRANDS);
    Link link;
    if (!free.isEmpty()) {
      link = free.get(0);
    } else {
      int strand = 1 + ThreadLocalRandom.current().nextInt(STRANDS);
      link = new Link(strand, jdbc.queryForObject("select last_hash from audit_chain_head where id = ? for update",
          String.class, strand));
    }
    if (inTransaction) {
      TransactionSynchronizationManager.registerSynchronization(new StrandHeld(link.strand()));
    }
    return link;
  }

  /** Walks the whole chain (streamed; memory for one link per strand). */
  public Verification verify() {
    long[] checked = {0};
    Map<Integer, String> previous = new HashMap<>();
    Map<Integer, Long> lastId = new HashMap<>();
    Verification[] broken = {null};
    jdbc.query("select * from audit_record order by id", rs -> {
      if (broken[0] != null) {
        return;
      }
      AuditEntry entry = AuditRecorder.ROW.mapRow(rs, 0);
      int strand = rs.getInt("chain_strand");
      String storedPrevious = rs.getString("previous_hash");
      String storedHash = rs.getString("record_hash");
      checked[0]++;
      if (strand < 1 || strand > STRANDS) {
        broken[0] = broken(checked[0], entry.id(), "記録の連鎖の番号が不正です (no such strand: " + strand + ")");
      } else if (!previous.getOrDefault(strand, GENESIS).equals(storedPrevious)) {
        broken[0] = broken(checked[0], entry.id(), "直前の記録が削除または変更されています (previous hash does not match)");
      } else if (!hash(storedPrevious, entry).equals(storedHash)) {
        broken[0] = broken(checked[0], entry.id(), "記録の内容が変更されています (content does not match its hash)");
      }
      previous.put(strand, storedHash);
      lastId.put(strand, entry.id());
    });
    if (broken[0] != null) {
      return broken[0];
    }
    List<Map<String, Object>> heads = jdbc.queryForList(
        "select id, last_id, last_hash from audit_chain_head where id between 1 and ? order by id", STRANDS);
    if (heads.size() != STRANDS) {
      return broken(checked[0], null, "記録の連鎖の先頭が削除されています (" + heads.size() + " of " + STRANDS
          + " chain heads)");
    }
    for (Map<String, Object> head : heads) {
      int strand = ((Number) head.get("id")).intValue();
      long headLastId = ((Number) head.get("last_id")).longValue();
      if (headLastId != lastId.getOrDefault(strand, 0L)
          || !previous.getOrDefault(strand, GENESIS).equals(head.get("last_hash"))) {
        return broken(checked[0], headLastId, "最後の記録が削除されています (the chain head points past the last record"
            + " of strand " + strand + ")");
      }
    }
    return new Verification(true, checked[0], null, null, OffsetDateTime.now(clock));
  }

  /** Every night at 02:30 in the product's zone; a broken chain is logged as an error for the system administrator. */
  @Scheduled(cron = "${isms.audit.verification-cron:0 30 2 * * *}", zone = "${isms.time-zone}")
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

  private Verification broken(long checked, Long id, String reason) {
    return new Verification(false, checked, id, reason, OffsetDateTime.now(clock));
  }
}
