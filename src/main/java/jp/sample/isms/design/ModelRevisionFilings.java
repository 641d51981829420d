package jp.sample.isms.design;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The files of each {@code modelRevision} request exactly as filed, with their SHA-256 (1.4): stored before the request
 * starts, bound to its number when it starts, deployed on approval only while each stored text still has its hash.
 */
@Component
class ModelRevisionFilings {

  /** A stored file and the hash it had when filed. */
  record StoredFile(String name, String content, String sha256) {

    boolean intact() {
      return ModelRevisionFilings.sha256(content).equals(sha256);
    }
  }

  /** A filing with its files. */
  record Filing(String filingId, String filedBy, boolean emergency, String deploymentId, String businessKey,
      List<StoredFile> files) {
  }

  private final JdbcTemplate jdbc;

  ModelRevisionFilings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the files of a new filing and returns its number. */
  String store(String filedBy, List<ModelFile> files, boolean emergency, String deploymentId, OffsetDateTime now) {
    String id = UUID.randomUUID().toString();
    jdbc.update("insert into model_revision_filing (filing_id, filed_by, filed_at, emergency, deployment_id) "
        + "values (?, ?, ?, ?, ?)", id, filedBy, Timestamp.from(now.toInstant()), emergency, deploymentId);
    for (ModelFile file : files) {
      jdbc.update("insert into model_revision_file (filing_id, file_name, content, sha256) values (?, ?, ?, ?)", id,
          file.name(), file.content(), sha256(file.content()));
    }
    return id;
  }

  boolean isOpenFilingOf(String filingId, String userId) {
    Integer count = jdbc.queryForObject("select count(*) from model_revision_filing where filing_id = ? and filed_by = ? "
        + "and business_key is null", Integer.class, filingId, userId);
    return count != null && count > 0;
  }

  /** Binds an open filing of {@code requester} to the request; false when there is none. */
  boolean bind(String filingId, String requester, String businessKey) {
    return jdbc.update("update model_revision_filing set business_key = ? where filing_id = ? and filed_by = ? "
        + "and business_key is null", businessKey, filingId, requester) == 1;
  }

  /** The filing of a request, or null. */
  Filing of(String businessKey) {
    List<Filing> filings = jdbc.query("select filing_id, filed_by, emergency, deployment_id, business_key "
        + "from model_revision_filing where business_key = ?", (rs, i) -> new Filing(rs.getString(1), rs.getString(2),
            rs.getBoolean(3), rs.getString(4), rs.getString(5), null), businessKey);
    if (filings.isEmpty()) {
      return null;
    }
    Filing filing = filings.get(0);
    List<StoredFile> files = jdbc.query("select file_name, content, sha256 from model_revision_file where filing_id = ? "
        + "order by file_name", (rs, i) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3)),
        filing.filingId());
    return new Filing(filing.filingId(), filing.filedBy(), filing.emergency(), filing.deploymentId(),
        filing.businessKey(), files);
  }

  void outcome(String businessKey, String outcome, String detail) {
    jdbc.update("update model_revision_filing set outcome = ?, outcome_detail = ? where business_key = ?", outcome,
        detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail, businessKey);
  }

  /** The files as approvers read them: one line each, name and SHA-256. */
  static String summary(List<? extends Object> files) {
    return files.stream().map(f -> f instanceof StoredFile s ? s.name() + "  SHA-256 " + s.sha256()
        : ((ModelFile) f).name() + "  SHA-256 " + sha256(((ModelFile) f).content())).collect(Collectors.joining("\n"));
  }

  static String sha256(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
