package jp.sample.isms.asset;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.organisation.OrganisationService;

/**
 * Loads the 情報資産管理台帳 from a CSV (the company's spreadsheet, UTF-8 or Shift_JIS as Excel saves it): a header
 * naming {@link AssetRules#FIELDS}, one asset per line. Every row is checked first; one bad row refuses the whole file
 * with its line and reason, so that nothing of it is written. A loaded asset is a new version of its row, recorded.
 */
@Service
public class AssetImport {

  /** Shift_JIS as Windows writes it (Excel's "CSV"), which has the characters plain Shift_JIS lacks. */
  static final Charset SHIFT_JIS = Charset.forName("windows-31j");
  static final int MAX_ROWS = 5000;

  private final AssetRules rules;
  private final InformationAssets assets;
  private final AuditRecorder audit;
  private final OrganisationService organisation;

  AssetImport(AssetRules rules, InformationAssets assets, AuditRecorder audit, OrganisationService organisation) {
    this.rules = rules;
    this.assets = assets;
    this.audit = audit;
    this.organisation = organisation;
  }

  /** The rows of the file as assets; the problems of every row in {@code errors} (field {@code 3行目 classification}). */
  List<InformationAsset> read(byte[] content, ValidationErrors errors) {
    String text = decode(content);
    if (text == null) {
      errors.field("file", "文字コードを読み取れません。UTF-8 または Shift_JIS の CSV にしてください (the file is neither UTF-8 nor Shift_JIS)");
      return List.of();
    }
    List<List<String>> lines = Csv.parse(text);
    if (lines.isEmpty()) {
      errors.field("file", "CSV が空です (the file is empty)");
      return List.of();
    }
    List<String> header = lines.get(0).stream().map(String::trim).toList();
    for (String column : header) {
      if (!AssetRules.FIELDS.contains(column)) {
        errors.field("1行目 " + column, "不明な列です。列は " + String.join(", ", AssetRules.FIELDS) + " です");
      }
    }
    for (String required : List.of("assetId", "name", "kind", "location", "classification", "classificationReason",
        "ownerDepartment")) {
      if (!header.contains(required)) {
        errors.field("1行目 " + required, "必須の列がありません");
      }
    }
    if (lines.size() - 1 > MAX_ROWS) {
      errors.field("file", "一度に取り込めるのは " + MAX_ROWS + " 行までです");
    }
    if (!errors.isEmpty()) {
      return List.of();
    }
    List<InformationAsset> read = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> cells = lines.get(i);
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      String prefix = (i + 1) + "行目 ";
      if (cells.size() != header.size()) {
        errors.field(prefix + "file", "列の数が見出しと違います (" + cells.size() + " / " + header.size() + ")");
        continue;
      }
      Map<String, String> values = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        values.put(header.get(c), cells.get(c));
      }
      InformationAsset asset = rules.asset(values, prefix, errors);
      if (asset != null && !ids.add(asset.assetId())) {
        errors.field(prefix + "assetId", "情報資産IDが重複しています (" + asset.assetId() + ")");
      } else if (asset != null) {
        read.add(asset);
      }
    }
    return read;
  }

  /**
   * Checks the file and, when every row is valid, writes each asset as a new version by {@code actor} with
   * {@code reference} (IMPORT, DEMO). Throws the problems of all rows otherwise; nothing is written.
   */
  @Transactional
  public int load(byte[] content, String actor, String reference) {
    ValidationErrors errors = new ValidationErrors();
    List<InformationAsset> read = read(content, errors);
    if (errors.isEmpty() && read.isEmpty()) {
      errors.field("file", "取り込む行がありません (no asset rows)");
    }
    errors.throwIfAny();
    var now = audit.now();
    for (InformationAsset asset : read) {
      assets.save(asset, actor, reference, "IMPORTED", now);
    }
    audit.record(AuditEntry.event("assetRegister", "AssetImport", "情報資産管理台帳の取り込み", AuditStepKind.REGISTER)
        .by(actor, organisation.displayName(actor)).outcome(Outcome.RECORDED)
        .comment(read.size() + " 件: " + String.join(", ", read.stream().map(InformationAsset::assetId).toList()))
        .clauses("3.1").build());
    return read.size();
  }

  /**
   * Strict UTF-8 (a BOM is dropped), else strict Shift_JIS; null when the bytes are neither. Public for the other
   * registers imported from the company's spreadsheets (the IT equipment register).
   */
  public static String decode(byte[] content) {
    String utf8 = decode(content, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return utf8.startsWith("\uFEFF") ? utf8.substring(1) : utf8;
    }
    return decode(content, SHIFT_JIS);
  }

  private static String decode(byte[] content, Charset charset) {
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** RFC 4180 CSV: quoted fields with doubled quotes and line breaks, CRLF or LF. */
  public static final class Csv {

    private Csv() {
    }

    public static List<List<String>> parse(String text) {
      List<List<String>> lines = new ArrayList<>();
      List<String> line = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          line.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          line.add(cell.toString());
          cell.setLength(0);
          lines.add(line);
          line = new ArrayList<>();
        } else {
          cell.append(c);
        }
      }
      if (cell.length() > 0 || !line.isEmpty()) {
        line.add(cell.toString());
        lines.add(line);
      }
      return lines;
    }
  }
}
