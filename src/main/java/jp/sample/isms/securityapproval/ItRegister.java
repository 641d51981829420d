package jp.sample.isms.securityapproval;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * 社内IT機材管理台帳 (7.3) and the approved software list (承認済みソフトウェア, 7.4): written only by the approvals of
 * flow {@code securityApproval} (under their request number) and by the system administrator's CSV import; every
 * change is a row of the history with who, when and why. Nothing is deleted.
 */
@Repository
class ItRegister {

  static final String ACTIVE = "ACTIVE";
  static final String LAPSED = "LAPSED";
  static final String APPROVED = "APPROVED";
  static final String DEVICE = "DEVICE";
  static final String SOFTWARE = "SOFTWARE";

  /** One device (ノード). */
  record Device(String deviceId, String kind, String product, String owner, String departmentCode, String location,
      String macAddress, String ipAddress, String os, String purpose, boolean remoteAccess,
      LocalDate remoteAccessUntil, String status, LocalDate validUntil, String lastRequestNumber) {
  }

  /** One approved software (or OS, or antivirus product) in one version. */
  record Software(String name, String version, String category, String vendor, String licence,
      LocalDate supportUntil, String approvalNumber, String approvedBy, LocalDate approvedOn, String status) {

    String key() {
      return name + " " + version;
    }
  }

  /** One change of the register. */
  record Change(String register, String itemKey, String change, String detail, String requestNumber, String actor,
      OffsetDateTime occurredAt) {
  }

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  ItRegister(JdbcTemplate jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  Optional<Device> device(String deviceId) {
    return jdbc.query("select * from it_device where device_id = ?", ItRegister::device, deviceId).stream()
        .findFirst();
  }

  List<Device> devices() {
    return jdbc.query("select * from it_device order by device_id", ItRegister::device);
  }

  Optional<Software> software(String name, String version) {
    return jdbc.query("select * from approved_software where name = ? and version = ?", ItRegister::software, name,
        version).stream().findFirst();
  }

  List<String> installedOn(String deviceId) {
    return jdbc.queryForList("select software_name || ' ' || software_version from it_device_software"
        + " where device_id = ? order by software_name, software_version", String.class, deviceId);
  }

  List<Change> history(String register, String itemKey) {
    return jdbc.query("select * from it_register_history where register = ? and item_key = ? order by id",
        (rs, row) -> new Change(rs.getString("register"), rs.getString("item_key"), rs.getString("change"),
            rs.getString("detail"), rs.getString("request_number"), rs.getString("actor"),
            rs.getTimestamp("occurred_at").toInstant().atZone(zone).toOffsetDateTime()),
        register, itemKey);
  }

  /** Enters a device, or replaces every column of the one with its id (an import, or a renewed approval). */
  void saveDevice(Device device, String change, String detail, String requestNumber, String actor,
      OffsetDateTime at) {
    int updated = jdbc.update("""
        update it_device set kind = ?, product = ?, owner = ?, department_code = ?, location = ?, mac_address = ?,
          ip_address = ?, os = ?, purpose = ?, remote_access = ?, remote_access_until = ?, status = ?,
          valid_until = ?, last_request_number = ?, updated_at = ?
        where device_id = ?
        """, device.kind(), device.product(), device.owner(), device.departmentCode(), device.location(),
        device.macAddress(), device.ipAddress(), device.os(), device.purpose(), device.remoteAccess(),
        date(device.remoteAccessUntil()), device.status(), date(device.validUntil()), requestNumber, ts(at),
        device.deviceId());
    if (updated == 0) {
      jdbc.update("""
          insert into it_device (device_id, kind, product, owner, department_code, location, mac_address, ip_address,
            os, purpose, remote_access, remote_access_until, status, valid_until, last_request_number, updated_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, device.deviceId(), device.kind(), device.product(), device.owner(), device.departmentCode(),
          device.location(), device.macAddress(), device.ipAddress(), device.os(), device.purpose(),
          device.remoteAccess(), date(device.remoteAccessUntil()), device.status(), date(device.validUntil()),
          requestNumber, ts(at));
    }
    record(DEVICE, device.deviceId(), change, detail, requestNumber, actor, at);
  }

  /** Registers the MAC address of a device for the wireless LAN (5.1.3). */
  void registerMacAddress(String deviceId, String macAddress, String requestNumber, String actor, OffsetDateTime at) {
    jdbc.update("update it_device set mac_address = ?, last_request_number = ?, updated_at = ? where device_id = ?",
        macAddress, requestNumber, ts(at), deviceId);
    record(DEVICE, deviceId, "MAC_REGISTERED", "MAC アドレス " + macAddress + " を無線 LAN に登録 (5.1.3)",
        requestNumber, actor, at);
  }

  /** Permits (or ends) remote access from a device (7.25). */
  void setRemoteAccess(String deviceId, boolean permitted, LocalDate until, String change, String detail,
      String requestNumber, String actor, OffsetDateTime at) {
    jdbc.update("update it_device set remote_access = ?, remote_access_until = ?, last_request_number = ?,"
        + " updated_at = ? where device_id = ?", permitted, date(until), requestNumber, ts(at), deviceId);
    record(DEVICE, deviceId, change, detail, requestNumber, actor, at);
  }

  /** Ends a temporary connection (7.13): the device stays in the register as LAPSED. */
  void lapseDevice(String deviceId, String detail, String requestNumber, String actor, OffsetDateTime at) {
    jdbc.update("update it_device set status = ?, updated_at = ? where device_id = ?", LAPSED, ts(at), deviceId);
    record(DEVICE, deviceId, "CONNECTION_LAPSED", detail, requestNumber, actor, at);
  }

  /** Enters an approved software version, or replaces the one with its name and version. */
  void saveSoftware(Software software, String change, String detail, String actor, OffsetDateTime at) {
    int updated = jdbc.update("""
        update approved_software set category = ?, vendor = ?, licence = ?, support_until = ?, approval_number = ?,
          approved_by = ?, approved_on = ?, status = ?, updated_at = ?
        where name = ? and version = ?
        """, software.category(), software.vendor(), software.licence(), date(software.supportUntil()),
        software.approvalNumber(), software.approvedBy(), date(software.approvedOn()), software.status(), ts(at),
        software.name(), software.version());
    if (updated == 0) {
      jdbc.update("""
          insert into approved_software (name, version, category, vendor, licence, support_until, approval_number,
            approved_by, approved_on, status, updated_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, software.name(), software.version(), software.category(), software.vendor(), software.licence(),
          date(software.supportUntil()), software.approvalNumber(), software.approvedBy(),
          date(software.approvedOn()), software.status(), ts(at));
    }
    record(SOFTWARE, software.key(), change, detail, software.approvalNumber(), actor, at);
  }

  /** Records an approved software as installed on a device (7.3 ソフトウェアとそのバージョン). */
  void install(String deviceId, String name, String version, String requestNumber, String actor, OffsetDateTime at) {
    Integer present = jdbc.queryForObject("select count(*) from it_device_software where device_id = ?"
        + " and software_name = ? and software_version = ?", Integer.class, deviceId, name, version);
    if (present == 0) {
      jdbc.update("insert into it_device_software (device_id, software_name, software_version, approval_number,"
          + " installed_at) values (?, ?, ?, ?, ?)", deviceId, name, version, requestNumber, ts(at));
    }
    jdbc.update("update it_device set last_request_number = ?, updated_at = ? where device_id = ?", requestNumber,
        ts(at), deviceId);
    record(DEVICE, deviceId, "SOFTWARE_INSTALLED", name + " " + version + " を導入 (7.4, 7.9)", requestNumber, actor,
        at);
  }

  private void record(String register, String itemKey, String change, String detail, String requestNumber,
      String actor, OffsetDateTime at) {
    jdbc.update("insert into it_register_history (register, item_key, change, detail, request_number, actor,"
        + " occurred_at) values (?, ?, ?, ?, ?, ?, ?)", register, itemKey, change, detail, requestNumber, actor,
        ts(at));
  }

  private static Timestamp ts(OffsetDateTime at) {
    return Timestamp.from(at.toInstant());
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private static LocalDate day(ResultSet rs, String column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }

  private static Device device(ResultSet rs, int row) throws SQLException {
    return new Device(rs.getString("device_id"), rs.getString("kind"), rs.getString("product"),
        rs.getString("owner"), rs.getString("department_code"), rs.getString("location"),
        rs.getString("mac_address"), rs.getString("ip_address"), rs.getString("os"), rs.getString("purpose"),
        rs.getBoolean("remote_access"), day(rs, "remote_access_until"), rs.getString("status"),
        day(rs, "valid_until"), rs.getString("last_request_number"));
  }

  private static Software software(ResultSet rs, int row) throws SQLException {
    return new Software(rs.getString("name"), rs.getString("version"), rs.getString("category"),
        rs.getString("vendor"), rs.getString("licence"), day(rs, "support_until"), rs.getString("approval_number"),
        rs.getString("approved_by"), day(rs, "approved_on"), rs.getString("status"));
  }
}
