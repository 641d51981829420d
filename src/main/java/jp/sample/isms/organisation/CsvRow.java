package jp.sample.isms.organisation;

import java.util.ArrayList;
import java.util.List;

/** One record of a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks) and its first line. */
record CsvRow(int line, List<String> fields) {

  /** The stripped value of a column, null when the column or the value is missing. */
  String value(Integer column) {
    if (column == null || column >= fields.size()) {
      return null;
    }
    String value = fields.get(column).strip();
    return value.isEmpty() ? null : value;
  }

  static List<CsvRow> parse(String text, List<ImportProblem> problems) {
    List<CsvRow> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int rowLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        field.setLength(0);
        any = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          fields.add(field.toString());
          rows.add(new CsvRow(rowLine, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
        any = false;
        line++;
        rowLine = line;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (quoted) {
      problems.add(new ImportProblem(rowLine, "row", "引用符 (\") が閉じられていません (unterminated quote)"));
    }
    if (any || field.length() > 0) {
      fields.add(field.toString());
      rows.add(new CsvRow(rowLine, List.copyOf(fields)));
    }
    return rows;
  }
}
