package jp.sample.isms.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an organisation file: YAML ({@code .yaml}, {@code .yml}: departments with sections, persons with roles, as
 * {@code organisation/demo-organisation.yaml}) or CSV as HR exports it ({@code .csv}: one row per person, the
 * columns of docs/operations.md, header names in Japanese or English). The encoding of a CSV is UTF-8 (with or
 * without BOM) or Shift_JIS (windows-31j), detected unless declared. What cannot be read is reported by line.
 */
public final class OrganisationFile {

  /** Shift_JIS as Japanese Windows and Excel write it (with the NEC and IBM extensions). */
  public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

  /** A file read: its content, or why it could not be (then {@code data} is null or partial). */
  public record Read(OrganisationData data, List<ImportProblem> problems) {

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** The CSV columns: the key, its Japanese and English headers, whether the column must be there. */
  enum Column {
    USER_ID("ユーザーID", "userId", true),
    LAST_NAME("姓", "lastName", true),
    FIRST_NAME("名", "firstName", false),
    EMAIL("メールアドレス", "email", true),
    DEPARTMENT_CODE("部門コード", "departmentCode", true),
    DEPARTMENT_NAME("部門名", "departmentName", true),
    SECTION_CODE("課コード", "sectionCode", false),
    SECTION_NAME("課名", "sectionName", false),
    ROLES("役割", "roles", false),
    EMPLOYEE("従業員", "employee", false),
    LOCALE("言語", "locale", false);

    final String japanese;
    final String english;
    final boolean required;

    Column(String japanese, String english, boolean required) {
      this.japanese = japanese;
      this.english = english;
      this.required = required;
    }

    static Column of(String header) {
      String name = header.strip();
      for (Column column : values()) {
        if (column.japanese.equals(name) || column.english.equalsIgnoreCase(name)) {
          return column;
        }
      }
      return null;
    }
  }

  private OrganisationFile() {
  }

  /**
   * The encoding an installer names: UTF-8, or Shift_JIS (read as windows-31j, as Excel writes it); null for blank or
   * {@code auto} (detect).
   *
   * @throws IllegalArgumentException any other name
   */
  public static Charset encoding(String name) {
    if (name == null || name.isBlank() || "auto".equalsIgnoreCase(name.strip())) {
      return null;
    }
    return switch (name.strip().toUpperCase(Locale.ROOT).replace('-', '_')) {
      case "UTF_8", "UTF8" -> StandardCharsets.UTF_8;
      case "SHIFT_JIS", "SJIS", "MS932", "WINDOWS_31J", "CP932" -> SHIFT_JIS;
      default -> throw new IllegalArgumentException("encoding: " + name);
    };
  }

  /** Reads a resource (the file of {@code isms.organisation.file}); its name decides the format. */
  public static Read read(Resource resource, Charset declared) {
    try (InputStream in = resource.getInputStream()) {
      return read(resource.getFilename(), in.readAllBytes(), declared);
    } catch (IOException e) {
      return new Read(null, List.of(new ImportProblem(0, "file", "ファイルを読めません (cannot be read): " + e.getMessage())));
    }
  }

  /**
   * Reads {@code content} as the format its name says ({@code .csv}, {@code .yaml}, {@code .yml}).
   *
   * @param declared the encoding of a CSV if known; null to detect UTF-8 or Shift_JIS
   */
  public static Read read(String fileName, byte[] content, Charset declared) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    List<ImportProblem> problems = new ArrayList<>();
    if (name.endsWith(".csv")) {
      String text = decode(content, declared, problems);
      return new Read(text == null ? null : csv(fileName, text, problems), problems);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      String text = decode(content, declared == null ? StandardCharsets.UTF_8 : declared, problems);
      return new Read(text == null ? null : yaml(fileName, text, problems), problems);
    }
    problems.add(new ImportProblem(0, "file", "組織ファイルは .csv または .yaml です (an organisation file is .csv, .yaml or .yml): "
        + fileName));
    return new Read(null, problems);
  }

  /** The text of {@code bytes}: a UTF-8 BOM wins, then the declared encoding, then UTF-8, then Shift_JIS. */
  static String decode(byte[] bytes, Charset declared, List<ImportProblem> problems) {
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
      return strict(bytes, 3, StandardCharsets.UTF_8, problems);
    }
    if (declared != null) {
      return strict(bytes, 0, declared, problems);
    }
    List<ImportProblem> notUtf8 = new ArrayList<>();
    String utf8 = strict(bytes, 0, StandardCharsets.UTF_8, notUtf8);
    if (utf8 != null) {
      return utf8;
    }
    List<ImportProblem> notShiftJis = new ArrayList<>();
    String shiftJis = strict(bytes, 0, SHIFT_JIS, notShiftJis);
    if (shiftJis != null) {
      return shiftJis;
    }
    ImportProblem first = notUtf8.get(0);
    problems.add(new ImportProblem(first.line(), "encoding",
        "文字コードが UTF-8 でも Shift_JIS でもありません (the file is neither UTF-8 nor Shift_JIS)"));
    return null;
  }

  private static String strict(byte[] bytes, int offset, Charset charset, List<ImportProblem> problems) {
    CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate((int) ((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = offset; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      problems.add(new ImportProblem(line, "encoding", "文字コード " + charset.displayName()
          + " として読めない文字があります (bad " + charset.displayName() + " byte sequence)"));
      return null;
    }
    out.flip();
    return out.toString();
  }

  private static OrganisationData csv(String source, String text, List<ImportProblem> problems) {
    List<CsvRow> rows = CsvRow.parse(text, problems);
    if (rows.isEmpty()) {
      problems.add(new ImportProblem(0, "file", "見出し行がありません (no header line)"));
      return null;
    }
    CsvRow header = rows.get(0);
    Map<Column, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String name = header.fields().get(i);
      Column column = Column.of(name);
      if (column == null) {
        problems.add(new ImportProblem(header.line(), name, "知らない列です (unknown column)"));
      } else if (index.putIfAbsent(column, i) != null) {
        problems.add(new ImportProblem(header.line(), name, "列が重複しています (duplicate column)"));
      }
    }
    for (Column column : Column.values()) {
      if (column.required && !index.containsKey(column)) {
        problems.add(new ImportProblem(header.line(), column.english, "必須の列「" + column.japanese
            + "」がありません (required column missing)"));
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    Map<String, OrganisationData.Department> departments = new LinkedHashMap<>();
    Map<String, List<OrganisationData.Section>> sections = new LinkedHashMap<>();
    Map<String, String> sectionDepartment = new LinkedHashMap<>();
    List<OrganisationData.PersonEntry> persons = new ArrayList<>();
    for (CsvRow row : rows.subList(1, rows.size())) {
      if (row.fields().stream().allMatch(String::isBlank)) {
        continue;
      }
      if (row.fields().size() > header.fields().size()) {
        problems.add(new ImportProblem(row.line(), "row", "列の数が見出しより多いです (more fields than the header)"));
        continue;
      }
      String department = row.value(index.get(Column.DEPARTMENT_CODE));
      String departmentName = row.value(index.get(Column.DEPARTMENT_NAME));
      if (department != null) {
        OrganisationData.Department known = departments.get(department);
        if (known == null || known.name() == null && departmentName != null) {
          departments.put(department, new OrganisationData.Department(row.line(), department, departmentName, null,
              List.of()));
        } else if (departmentName != null && !departmentName.equals(known.name())) {
          problems.add(new ImportProblem(row.line(), Column.DEPARTMENT_NAME.english, "部門 " + department + " の名前が "
              + known.line() + " 行目 (" + known.name() + ") と異なります (department name differs from line "
              + known.line() + ")"));
        }
      }
      String section = row.value(index.get(Column.SECTION_CODE));
      String sectionName = row.value(index.get(Column.SECTION_NAME));
      if (section != null && department != null) {
        String otherDepartment = sectionDepartment.putIfAbsent(section, department);
        if (otherDepartment != null && !otherDepartment.equals(department)) {
          problems.add(new ImportProblem(row.line(), Column.SECTION_CODE.english, "課 " + section + " は別の部門 ("
              + otherDepartment + ") の課として書かれています (section listed under another department)"));
        } else {
          List<OrganisationData.Section> ofDepartment = sections.computeIfAbsent(department, d -> new ArrayList<>());
          OrganisationData.Section known = ofDepartment.stream().filter(s -> s.code().equals(section)).findFirst()
              .orElse(null);
          if (known == null) {
            ofDepartment.add(new OrganisationData.Section(row.line(), section, sectionName, null));
          } else if (known.name() == null && sectionName != null) {
            ofDepartment.set(ofDepartment.indexOf(known), new OrganisationData.Section(row.line(), section,
                sectionName, null));
          } else if (sectionName != null && !sectionName.equals(known.name())) {
            problems.add(new ImportProblem(row.line(), Column.SECTION_NAME.english, "課 " + section + " の名前が "
                + known.line() + " 行目 (" + known.name() + ") と異なります (section name differs from line "
                + known.line() + ")"));
          }
        }
      }
      Boolean employee = flag(row.value(index.get(Column.EMPLOYEE)));
      if (employee == null) {
        problems.add(new ImportProblem(row.line(), Column.EMPLOYEE.english,
            "従業員は「はい」か「いいえ」です (employee must be yes or no)"));
        continue;
      }
      String roles = row.value(index.get(Column.ROLES));
      String locale = row.value(index.get(Column.LOCALE));
      persons.add(new OrganisationData.PersonEntry(row.line(), row.value(index.get(Column.USER_ID)),
          row.value(index.get(Column.LAST_NAME)), row.value(index.get(Column.FIRST_NAME)),
          row.value(index.get(Column.EMAIL)), department, section, employee, locale == null ? "ja" : locale,
          roles == null ? List.of() : List.of(roles.strip().split("\\s*[;；、,/／]\\s*|\\s+"))));
    }
    List<OrganisationData.Department> withSections = departments.values().stream()
        .map(d -> new OrganisationData.Department(d.line(), d.code(), d.name(), d.nameEn(),
            List.copyOf(sections.getOrDefault(d.code(), List.of()))))
        .toList();
    return new OrganisationData(source, withSections, persons);
  }

  private static Boolean flag(String value) {
    if (value == null) {
      return Boolean.TRUE;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "はい", "yes", "true", "1", "○", "〇" -> Boolean.TRUE;
      case "いいえ", "no", "false", "0", "×" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static OrganisationData yaml(String source, String text, List<ImportProblem> problems) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      problems.add(new ImportProblem(e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, "yaml",
          "YAML として読めません (not valid YAML): " + e.getProblem()));
      return null;
    } catch (YAMLException e) {
      problems.add(new ImportProblem(0, "yaml", "YAML として読めません (not valid YAML): " + e.getMessage()));
      return null;
    }
    if (!(root instanceof MappingNode)) {
      problems.add(new ImportProblem(0, "yaml", "departments と persons がありません (no departments and persons)"));
      return null;
    }
    Map<String, Node> top = entries((MappingNode) root);
    String mailDomain = scalar(top.get("mailDomain"));
    List<OrganisationData.Department> departments = new ArrayList<>();
    for (Node node : items(top.get("departments"), "departments", problems)) {
      Map<String, Node> department = entries(node, problems);
      List<OrganisationData.Section> sections = new ArrayList<>();
      for (Node sectionNode : items(department.get("sections"), "sections", problems)) {
        Map<String, Node> section = entries(sectionNode, problems);
        sections.add(new OrganisationData.Section(line(sectionNode), scalar(section.get("code")),
            scalar(section.get("name")), scalar(section.get("nameEn"))));
      }
      departments.add(new OrganisationData.Department(line(node), scalar(department.get("code")),
          scalar(department.get("name")), scalar(department.get("nameEn")), sections));
    }
    List<OrganisationData.PersonEntry> persons = new ArrayList<>();
    for (Node node : items(top.get("persons"), "persons", problems)) {
      Map<String, Node> person = entries(node, problems);
      String id = scalar(person.get("id"));
      String email = scalar(person.get("email"));
      if (email == null && id != null && mailDomain != null) {
        email = id + "@" + mailDomain;
      }
      Boolean employee = flag(scalar(person.get("employee")));
      if (employee == null) {
        problems.add(new ImportProblem(line(node), "employee", "employee は true か false です (employee must be true or false)"));
        continue;
      }
      List<String> roles = new ArrayList<>();
      for (Node role : items(person.get("roles"), "roles", problems)) {
        roles.add(scalar(role));
      }
      String locale = scalar(person.get("locale"));
      persons.add(new OrganisationData.PersonEntry(line(node), id, scalar(person.get("lastName")),
          scalar(person.get("firstName")), email, scalar(person.get("department")), scalar(person.get("section")),
          employee, locale == null ? "ja" : locale, roles));
    }
    return new OrganisationData(source, departments, persons);
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private static List<Node> items(Node node, String field, List<ImportProblem> problems) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    problems.add(new ImportProblem(line(node), field, "一覧 (- で始まる行) が必要です (a list is expected)"));
    return List.of();
  }

  private static Map<String, Node> entries(Node node, List<ImportProblem> problems) {
    if (node instanceof MappingNode mapping) {
      return entries(mapping);
    }
    problems.add(new ImportProblem(line(node), "yaml", "項目名: 値 の形が必要です (a mapping is expected)"));
    return Map.of();
  }

  private static Map<String, Node> entries(MappingNode mapping) {
    Map<String, Node> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      entries.put(scalar(tuple.getKeyNode()), tuple.getValueNode());
    }
    return entries;
  }

  private static String scalar(Node node) {
    if (!(node instanceof ScalarNode scalar)) {
      return null;
    }
    String value = scalar.getValue().strip();
    return value.isEmpty() || "null".equals(value) || "~".equals(value) ? null : value;
  }
}
