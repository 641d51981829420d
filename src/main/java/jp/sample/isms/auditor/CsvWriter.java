package jp.sample.isms.auditor;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as Excel opens it in Japan: UTF-8 with a byte order mark, fields separated by commas, records ended by CRLF, a
 * field quoted when it holds a comma, a double quote, CR or LF, and a double quote doubled (RFC 4180). A field that
 * starts like a formula ({@code = + - @}, tab, CR) is prefixed with an apostrophe so that a spreadsheet shows it as
 * text instead of running it (CSV injection). Writes through a small buffer: memory does not grow with the rows.
 */
final class CsvWriter implements Flushable {

  static final char BOM = '\uFEFF';

  private final Writer out;

  CsvWriter(OutputStream stream) {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
    write(String.valueOf(BOM));
  }

  void row(List<String> fields) {
    StringBuilder line = new StringBuilder(256);
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(fields.get(i)));
    }
    write(line.append("\r\n").toString());
  }

  static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = formulaLike(value) ? "'" + value : value;
    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
        || text.indexOf('\n') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  private static boolean formulaLike(String value) {
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
