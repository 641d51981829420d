package jp.sample.isms.asset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import jp.sample.isms.engine.CommandScopedCache;
import jp.sample.isms.organisation.Person;

/**
 * 情報資産管理台帳 (3.1): reads the assets in force and writes each change as a new version, kept in the history with
 * the request (or import) that made it.
 *
 * <p>Inside an engine command an asset in force is read once ({@link CommandScopedCache}): filing a request checks the
 * selected assets, routes by their owner and records them, each asking for the same assets. {@link #save} (and so
 * {@link #retire}) forgets the asset it wrote, so that the rest of the command reads the new version.
 */
@Repository
public class InformationAssets {

  private static final String COLUMNS = "asset_id, version, name, description, kind, location, classification, "
      + "classification_reason, owner_department, user_departments, user_persons, labelling, label_impossible, "
      + "personal_data, retention, status, changed_at, changed_by, change_reference, change_kind";

  private final JdbcTemplate jdbc;
  private final ZoneId zone;
  private final RowMapper<InformationAsset> row;
  /** The assets in force the running command has read, by id. */
  private final CommandScopedCache<String, Optional<InformationAsset>> inForce =
      new CommandScopedCache<>("information assets in force");

  InformationAssets(JdbcTemplate jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
    this.row = this::asset;
  }

  public Optional<InformationAsset> find(String assetId) {
    return assetId == null ? read(null) : inForce.get(assetId, this::read);
  }

  private Optional<InformationAsset> read(String assetId) {
    return jdbc.query("select " + COLUMNS + " from information_asset where asset_id = ?", row, assetId).stream()
        .findFirst();
  }

  public List<InformationAsset> findAll(Collection<String> assetIds) {
    return assetIds.stream().map(this::find).flatMap(Optional::stream).toList();
  }

  public List<InformationAsset> all() {
    return jdbc.query("select " + COLUMNS + " from information_asset order by asset_id", row);
  }

  /** Every version of an asset, oldest first. */
  public List<InformationAsset> history(String assetId) {
    return jdbc.query("select " + COLUMNS + " from information_asset_history where asset_id = ? order by version",
        row, assetId);
  }

  /**
   * The assets in force that {@code person} may use (3.1.4) whose id or name contains {@code query} (all when blank),
   * at most {@code limit}, by id.
   */
  public List<InformationAsset> usable(Person person, String query, int limit) {
    String like = "%" + (query == null ? "" : query.trim().toLowerCase().replace("!", "!!").replace("%", "!%")
        .replace("_", "!_")) + "%";
    return jdbc.query("select " + COLUMNS + " from information_asset where status = 'ACTIVE' and "
        + "(lower(asset_id) like ? escape '!' or lower(name) like ? escape '!') order by asset_id", row, like, like)
        .stream().filter(asset -> asset.usableBy(person)).limit(limit).toList();
  }

  /** The next free asset id, {@code IA-0026} after {@code IA-0025}. */
  public String nextId() {
    Integer highest = jdbc.queryForObject(
        "select max(cast(substring(asset_id, 4) as integer)) from information_asset", Integer.class);
    return String.format("IA-%04d", highest == null ? 1 : highest + 1);
  }

  /**
   * Writes {@code asset} as the next version of its row (the first for a new id) and into the history. The version,
   * time, actor and reference of {@code asset} are replaced by the given ones.
   */
  public InformationAsset save(InformationAsset asset, String changedBy, String changeReference, String changeKind,
      OffsetDateTime at) {
    Integer current = jdbc.queryForObject("select max(version) from information_asset_history where asset_id = ?",
        Integer.class, asset.assetId());
    InformationAsset saved = new InformationAsset(asset.assetId(), current == null ? 1 : current + 1, asset.name(),
        asset.description(), asset.kind(), asset.location(), asset.classification(), asset.classificationReason(),
        asset.ownerDepartment(), asset.userDepartments(), asset.userPersons(), asset.labelling(),
        asset.labelImpossible(), asset.personalData(), asset.retention(), asset.status(), at, changedBy,
        changeReference, changeKind);
    jdbc.update("delete from information_asset where asset_id = ?", asset.assetId());
    insert("information_asset", saved);
    insert("information_asset_history", saved);
    // the rest of the command reads the new version as stored
    inForce.forget(asset.assetId());
    return saved;
  }

  /**
   * Retires the asset in force (a new version with status 廃棄済, change kind {@code RETIRED}) for the request that
   * destroyed its last copy (3.3.1); empty when the asset is not in force (another request retired it meanwhile).
   */
  public Optional<InformationAsset> retire(String assetId, String changedBy, String changeReference,
      OffsetDateTime at) {
    InformationAsset current = find(assetId).orElse(null);
    if (current == null || current.retired()) {
      return Optional.empty();
    }
    return Optional.of(save(new InformationAsset(current.assetId(), 0, current.name(), current.description(),
        current.kind(), current.location(), current.classification(), current.classificationReason(),
        current.ownerDepartment(), current.userDepartments(), current.userPersons(), current.labelling(),
        current.labelImpossible(), current.personalData(), current.retention(), InformationAsset.Status.RETIRED,
        null, null, null, null), changedBy, changeReference, "RETIRED", at));
  }

  private void insert(String table, InformationAsset a) {
    jdbc.update("insert into " + table + " (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        + "?, ?, ?, ?)", a.assetId(), a.version(), a.name(), a.description(), a.kind().name(), a.location(),
        a.classification().name(), a.classificationReason().name(), a.ownerDepartment(),
        String.join(",", a.userDepartments()), String.join(",", a.userPersons()), a.labelling(), a.labelImpossible(),
        a.personalData(), a.retention(), a.status().name(), Timestamp.from(a.changedAt().toInstant()), a.changedBy(),
        a.changeReference(), a.changeKind());
  }

  private InformationAsset asset(ResultSet rs, int row) throws SQLException {
    return new InformationAsset(rs.getString("asset_id"), rs.getInt("version"), rs.getString("name"),
        rs.getString("description"), AssetKind.valueOf(rs.getString("kind")), rs.getString("location"),
        Classification.valueOf(rs.getString("classification")),
        ClassificationReason.valueOf(rs.getString("classification_reason")), rs.getString("owner_department"),
        list(rs.getString("user_departments")), list(rs.getString("user_persons")), rs.getString("labelling"),
        rs.getBoolean("label_impossible"), rs.getBoolean("personal_data"), rs.getString("retention"),
        InformationAsset.Status.valueOf(rs.getString("status")),
        rs.getTimestamp("changed_at").toInstant().atZone(zone).toOffsetDateTime(),
        rs.getString("changed_by"), rs.getString("change_reference"), rs.getString("change_kind"));
  }

  static List<String> list(String commaSeparated) {
    return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split("[,、\\s]+"))
        .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }
}
