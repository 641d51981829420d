package jp.sample.isms.securityapproval;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.asset.AssetImport;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.organisation.OrganisationService;

/**
 * Loads the company's current 社内IT機材管理台帳 (7.3) or approved software list (7.4) from a CSV as Excel saves it
 * (UTF-8 or Shift_JIS, read as {@link AssetImport} reads the 情報資産管理台帳): a header naming the columns, one
 * device or software version a line. Every row is checked first; one bad row refuses the whole file with its line and
 * reason, and nothing is written. Each loaded row is a change of the history (IMPORTED, without request number).
 */
@Service
class ItRegisterImport {

  static final int MAX_ROWS = 5000;
  static final String CLAUSE_REGISTER = "7.3";
  static final String CLAUSE_SOFTWARE = "7.4";
  static final List<String> DEVICE_COLUMNS = List.of("deviceId", "kind", "product", "owner", "departmentCode",
      "location", "macAddress", "ipAddress", "os", "purpose", "remoteAccess", "remoteAccessUntil");
  static final List<String> DEVICE_REQUIRED = List.of("deviceId", "kind", "product");
  static final List<String> SOFTWARE_COLUMNS = List.of("name", "version", "category", "vendor", "licence",
      "supportUntil", "devices");
  static final List<String> SOFTWARE_REQUIRED = List.of("name", "version", "category");
  static final Set<String> DEVICE_KINDS = Set.of("SERVER", "CLIENT", "NETWORK", "WIRELESS", "EXTERNAL");
  static final Set<String> SOFTWARE_CATEGORIES = Set.of("APPLICATION", "OS", "ANTIVIRUS");
  private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}");

  private final ItRegister register;
  private final AuditRecorder audit;
  private final OrganisationService organisation;

  ItRegisterImport(ItRegister register, AuditRecorder audit, OrganisationService organisation) {
    this.register = register;
    this.audit = audit;
    this.organisation = organisation;
  }

  /** Loads the devices, all or none; the number loaded. */
  @Transactional
  public int loadDevices(byte[] content, String actor) {
    ValidationErrors errors = new ValidationErrors();
    List<ItRegister.Device> devices = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Row row : rows(content, DEVICE_COLUMNS, DEVICE_REQUIRED, errors)) {
      String id = row.value("deviceId");
      if (id != null && !DEVICE_ID.matcher(id).matches()) {
        errors.field(row.at("deviceId"), "ノード名は英数字と . _ - の64文字までです");
      } else if (id != null && !ids.add(id)) {
        errors.field(row.at("deviceId"), "ノード名が重複しています (" + id + ")");
      }
      String kind = row.value("kind");
      if (kind != null && !DEVICE_KINDS.contains(kind)) {
        errors.field(row.at("kind"), "種類は " + String.join(", ", DEVICE_KINDS.stream().sorted().toList())
            + " のいずれかです");
      }
      String department = row.value("departmentCode");
      if (department != null && organisation.departmentName(department).isEmpty()) {
        errors.field(row.at("departmentCode"), "組織にない部門コードです (" + department + ")");
      }
      String mac = row.value("macAddress");
      if (mac != null && !MAC.matcher(mac).matches()) {
        errors.field(row.at("macAddress"), "MAC アドレスは 00:1A:2B:3C:4D:5E の形で書いてください");
      }
      Boolean remoteAccess = row.flag("remoteAccess", errors);
      LocalDate remoteAccessUntil = row.date("remoteAccessUntil", errors);
      devices.add(new ItRegister.Device(id, kind, row.value("product"), row.value("owner"), department,
          row.value("location"), mac, row.value("ipAddress"), row.value("os"), row.value("purpose"),
          Boolean.TRUE.equals(remoteAccess), remoteAccessUntil, ItRegister.ACTIVE, null, null));
    }
    if (errors.isEmpty() && devices.isEmpty()) {
      errors.field("file", "取り込む行がありません (no rows)");
    }
    errors.throwIfAny();
    OffsetDateTime now = audit.now();
    devices.forEach(device -> register.saveDevice(device, "IMPORTED", "CSV から取り込み", null, actor, now));
    recordImport("社内IT機材管理台帳の取り込み", devices.stream().map(ItRegister.Device::deviceId).toList(),
        CLAUSE_REGISTER, actor);
    return devices.size();
  }

  /** Loads the approved software (and where each is installed), all or none; the number loaded. */
  @Transactional
  public int loadSoftware(byte[] content, String actor) {
    ValidationErrors errors = new ValidationErrors();
    List<ItRegister.Software> software = new ArrayList<>();
    Map<String, List<String>> installedOn = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (Row row : rows(content, SOFTWARE_COLUMNS, SOFTWARE_REQUIRED, errors)) {
      String name = row.value("name");
      String version = row.value("version");
      if (name != null && version != null && !keys.add(name + " " + version)) {
        errors.field(row.at("version"), "同じソフトウェアとバージョンが重複しています (" + name + " " + version + ")");
      }
      String category = row.value("category");
      if (category != null && !SOFTWARE_CATEGORIES.contains(category)) {
        errors.field(row.at("category"), "分類は APPLICATION, ANTIVIRUS, OS のいずれかです");
      }
      LocalDate supportUntil = row.date("supportUntil", errors);
      List<String> devices = SecurityApprovalRequest.deviceIds(row.value("devices") == null ? null
          : row.value("devices").replace(';', ','));
      for (String device : devices) {
        if (register.device(device).isEmpty()) {
          errors.field(row.at("devices"), "社内IT機材管理台帳にない機器です (" + device + ")");
        }
      }
      ItRegister.Software entry = new ItRegister.Software(name, version, category, row.value("vendor"),
          row.value("licence"), supportUntil, null, null, null, ItRegister.APPROVED);
      software.add(entry);
      installedOn.put(entry.key(), devices);
    }
    if (errors.isEmpty() && software.isEmpty()) {
      errors.field("file", "取り込む行がありません (no rows)");
    }
    errors.throwIfAny();
    OffsetDateTime now = audit.now();
    for (ItRegister.Software entry : software) {
      register.saveSoftware(entry, "IMPORTED", "CSV から取り込み", actor, now);
      installedOn.get(entry.key()).forEach(device -> register.install(device, entry.name(), entry.version(), null,
          actor, now));
    }
    recordImport("承認済みソフトウェアの取り込み", software.stream().map(ItRegister.Software::key).toList(),
        CLAUSE_SOFTWARE, actor);
    return software.size();
  }

  private void recordImport(String what, List<String> items, String clause, String actor) {
    audit.record(AuditEntry.event("itRegister", "ItRegisterImport", what, AuditStepKind.REGISTER)
        .by(actor, organisation.displayName(actor)).outcome(Outcome.RECORDED)
        .comment(items.size() + " 件: " + String.join(", ", items)).clauses(clause).build());
  }

  /** One line of the file, by column name. */
  private record Row(int line, Map<String, String> values) {

    String value(String column) {
      String value = values.get(column);
      return value == null || value.isBlank() ? null : value.trim();
    }

    String at(String column) {
      return line + "行目 " + column;
    }

    Boolean flag(String column, ValidationErrors errors) {
      String value = value(column);
      if (value == null) {
        return null;
      }
      return switch (value.toLowerCase()) {
        case "true", "はい", "1" -> true;
        case "false", "いいえ", "0" -> false;
        default -> {
          errors.field(at(column), "true か false で書いてください");
          yield null;
        }
      };
    }

    LocalDate date(String column, ValidationErrors errors) {
      String value = value(column);
      try {
        return value == null ? null : LocalDate.parse(value.replace('/', '-'));
      } catch (DateTimeParseException e) {
        errors.field(at(column), "日付は 2026-04-01 の形で書いてください");
        return null;
      }
    }
  }

  private static List<Row> rows(byte[] content, List<String> columns, List<String> required,
      ValidationErrors errors) {
    String text = AssetImport.decode(content);
    if (text == null) {
      errors.field("file", "文字コードを読み取れません。UTF-8 または Shift_JIS の CSV にしてください (the file is neither UTF-8 nor Shift_JIS)");
      return List.of();
    }
    List<List<String>> lines = AssetImport.Csv.parse(text);
    if (lines.isEmpty()) {
      errors.field("file", "CSV が空です (the file is empty)");
      return List.of();
    }
    List<String> header = lines.get(0).stream().map(String::trim).toList();
    for (String column : header) {
      if (!columns.contains(column)) {
        errors.field("1行目 " + column, "不明な列です。列は " + String.join(", ", columns) + " です");
      }
    }
    for (String column : required) {
      if (!header.contains(column)) {
        errors.field("1行目 " + column, "必須の列がありません");
      }
    }
    if (lines.size() - 1 > MAX_ROWS) {
      errors.field("file", "一度に取り込めるのは " + MAX_ROWS + " 行までです");
    }
    if (!errors.isEmpty()) {
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> cells = lines.get(i);
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (cells.size() != header.size()) {
        errors.field((i + 1) + "行目 file", "列の数が見出しと違います (" + cells.size() + " / " + header.size() + ")");
        continue;
      }
      Map<String, String> values = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        values.put(header.get(c), cells.get(c));
      }
      Row row = new Row(i + 1, values);
      for (String column : required) {
        if (row.value(column) == null) {
          errors.field(row.at(column), "必須です");
        }
      }
      rows.add(row);
    }
    return rows;
  }
}
