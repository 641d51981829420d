package jp.sample.isms.auditor;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.auditor.AuditQueryParameters.BadQuery;
import jp.sample.isms.auditor.AuditRegister.Column;
import jp.sample.isms.auditor.AuditRegister.Filter;

import jp.sample.isms.audit.AuditLabels;

/**
 * Reads the registers ({@link AuditRegister} beans): a page as JSON, or every matching row as CSV streamed to the
 * response while the database cursor moves (fetch size {@value #FETCH_SIZE}, in a read-only transaction, which
 * PostgreSQL needs to fetch in portions), so memory does not grow with the register.
 */
@Component
public class RegisterQueries {

  public static final int FETCH_SIZE = 500;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final int MAX_FILTER_LENGTH = 200;

  /** A register as the page shows it: its titles, its columns, and its filters with their choices. */
  record Definition(String id, String title, String titleEn, String clauses, List<ColumnView> columns, List<FilterView> filters) {
  }

  record ColumnView(String key, String header, String kind) {
  }

  record FilterView(String name, String label, String kind, Map<String, String> options) {
  }

  /** A page of a register: display values by column key. */
  record Rows(String register, String title, int page, int size, boolean hasMore, long total,
      List<ColumnView> columns, List<Map<String, String>> rows) {
  }

  /** By the first clause a register names, part by part as numbers (3.2 before 3.10), then by id. */
  static final java.util.Comparator<AuditRegister> IN_REGULATION_ORDER = (a, b) -> {
    int[] x = firstClause(a);
    int[] y = firstClause(b);
    int compared = java.util.Arrays.compare(x, y);
    return compared != 0 ? compared : a.id().compareTo(b.id());
  };

  private final Map<String, AuditRegister> registers;
  private final NamedParameterJdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate streaming;
  private final TransactionTemplate readOnly;
  private final AuditLabels labels;
  private final ZoneId zone;

  RegisterQueries(List<AuditRegister> registers, NamedParameterJdbcTemplate jdbc,
      PlatformTransactionManager transactionManager, AuditLabels labels, ZoneId zone) {
    this.zone = zone;
    // in the order of the regulation (first clause), whichever package declares them
    this.registers = registers.stream().sorted(IN_REGULATION_ORDER).collect(Collectors.toMap(AuditRegister::id,
        Function.identity(),
        (a, b) -> {
          throw new IllegalStateException("two registers with the id " + a.id());
        }, LinkedHashMap::new));
    this.jdbc = jdbc;
    // the data source the transaction manager binds connections of (the same as every JdbcTemplate of the product)
    JdbcTemplate cursor = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
    cursor.setFetchSize(FETCH_SIZE);
    this.streaming = new NamedParameterJdbcTemplate(cursor);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    this.labels = labels;
  }

  private static int[] firstClause(AuditRegister register) {
    String first = register.clauses().split("[,–\\s]+")[0];
    return java.util.Arrays.stream(first.split("\\.")).mapToInt(part -> part.matches("\\d{1,4}")
        ? Integer.parseInt(part) : Integer.MAX_VALUE).toArray();
  }

  AuditRegister register(String id) {
    return registers.get(id);
  }

  List<Definition> definitions() {
    Map<String, String> departments = departments();
    return registers.values().stream().map(r -> new Definition(r.id(), r.title(), r.titleEn(), r.clauses(), columns(r),
        r.filters().stream().map(f -> new FilterView(f.name(), f.label(), f.kind().name(), options(f, departments)))
            .toList()))
        .toList();
  }

  Rows page(AuditRegister register, AuditQueryParameters parameters, int page, int size) {
    MapSqlParameterSource values = new MapSqlParameterSource();
    String where = where(register, parameters, values);
    Long total = jdbc.queryForObject("select count(*) from " + register.from() + where, values, Long.class);
    values.addValue("limit", size + 1).addValue("offset", (long) page * size);
    Formatter formatter = new Formatter(register, people(), null);
    List<Map<String, String>> rows = jdbc.query(select(register) + where + " order by " + register.orderBy()
        + " limit :limit offset :offset", values, (rs, i) -> formatter.map(rs));
    boolean more = rows.size() > size;
    return new Rows(register.id(), register.title(), page, size, more, total == null ? 0 : total, columns(register),
        more ? rows.subList(0, size) : rows);
  }

  /** A checked export, ready to be written: the parameters are validated before the response starts. */
  final class Export {

    private final AuditRegister register;
    private final String where;
    private final MapSqlParameterSource values;

    private Export(AuditRegister register, String where, MapSqlParameterSource values) {
      this.register = register;
      this.where = where;
      this.values = values;
    }

    /** Writes the header and every matching row to {@code out}; {@code baseUrl} makes links absolute. */
    void writeTo(OutputStream out, String baseUrl) {
      Formatter formatter = new Formatter(register, people(), baseUrl);
      CsvWriter csv = new CsvWriter(out);
      csv.row(register.columns().stream().map(Column::header).toList());
      readOnly.executeWithoutResult(status -> streaming.query(select(register) + where + " order by "
          + register.orderBy(), values, (RowCallbackHandler) rs -> csv.row(formatter.list(rs))));
      csv.flush();
    }
  }

  Export export(AuditRegister register, AuditQueryParameters parameters) {
    MapSqlParameterSource values = new MapSqlParameterSource();
    return new Export(register, where(register, parameters, values), values);
  }

  private static String select(AuditRegister register) {
    List<String> expressions = new ArrayList<>();
    for (int i = 0; i < register.columns().size(); i++) {
      expressions.add(register.columns().get(i).expression() + " as c" + i);
    }
    return "select " + String.join(", ", expressions) + " from " + register.from();
  }

  private static String where(AuditRegister register, AuditQueryParameters parameters,
      MapSqlParameterSource values) {
    List<String> conditions = new ArrayList<>();
    for (Filter filter : register.filters()) {
      String name = "f_" + filter.name();
      Object value = switch (filter.kind()) {
        case FLAG -> parameters.flag(filter.name()) ? Boolean.TRUE : null;
        case DATE -> parameters.date(filter.name(), filter.label());
        case DAY_START -> parameters.startOfDay(filter.name(), filter.label());
        case DAY_END -> parameters.endOfDay(filter.name(), filter.label());
        case TEXT, CHOICE -> {
          String text = parameters.text(filter.name());
          if (text != null && text.length() > MAX_FILTER_LENGTH) {
            throw new BadQuery(filter.label() + "が長すぎます");
          }
          yield text;
        }
      };
      if (value == null) {
        continue;
      }
      if (filter.kind() == AuditRegister.FilterKind.FLAG) {
        conditions.add("(" + filter.condition() + ")");
      } else {
        conditions.add("(" + filter.condition().replace(":value", ":" + name) + ")");
        values.addValue(name, value);
      }
    }
    return conditions.isEmpty() ? " " : " where " + String.join(" and ", conditions) + " ";
  }

  private static List<ColumnView> columns(AuditRegister register) {
    return register.columns().stream().map(c -> new ColumnView(c.key(), c.header(), c.kind().name())).toList();
  }

  private Map<String, String> options(Filter filter, Map<String, String> departments) {
    if (!filter.options().isEmpty()) {
      return filter.options();
    }
    if ("departments".equals(filter.choices())) {
      return departments;
    }
    if (filter.choices() != null && filter.choices().startsWith("form:")) {
      return labels.choices(filter.choices().substring("form:".length()));
    }
    return Map.of();
  }

  private Map<String, String> departments() {
    Map<String, String> departments = new LinkedHashMap<>();
    jdbc.getJdbcTemplate().query("select code, name from org_department order by code",
        (RowCallbackHandler) rs -> departments.put(rs.getString(1), rs.getString(2)));
    return departments;
  }

  /** Names of the engine's users, once per query: a register names few people many times. */
  private Map<String, String> people() {
    Map<String, String> people = new HashMap<>();
    jdbc.getJdbcTemplate().query("select ID_, LAST_, FIRST_ from ACT_ID_USER", (RowCallbackHandler) rs -> {
      String name = ((rs.getString(2) == null ? "" : rs.getString(2)) + " "
          + (rs.getString(3) == null ? "" : rs.getString(3))).trim();
      if (!name.isEmpty()) {
        people.put(rs.getString(1), name);
      }
    });
    return people;
  }

  /** Turns a row into display values, column by column. */
  private final class Formatter {

    private final AuditRegister register;
    private final Map<String, String> people;
    private final String baseUrl;

    Formatter(AuditRegister register, Map<String, String> people, String baseUrl) {
      this.register = register;
      this.people = people;
      this.baseUrl = baseUrl;
    }

    Map<String, String> map(ResultSet rs) throws SQLException {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < register.columns().size(); i++) {
        row.put(register.columns().get(i).key(), value(rs, i));
      }
      return row;
    }

    List<String> list(ResultSet rs) throws SQLException {
      List<String> row = new ArrayList<>(register.columns().size());
      for (int i = 0; i < register.columns().size(); i++) {
        row.add(value(rs, i));
      }
      return row;
    }

    private String value(ResultSet rs, int i) throws SQLException {
      Column column = register.columns().get(i);
      int index = i + 1;
      switch (column.kind()) {
        case BOOLEAN: {
          boolean value = rs.getBoolean(index);
          return rs.wasNull() ? null : value ? "はい" : "いいえ";
        }
        case DATE: {
          LocalDate date = rs.getObject(index, LocalDate.class);
          return date == null ? null : date.toString();
        }
        case TIMESTAMP: {
          Timestamp time = rs.getTimestamp(index);
          return time == null ? null : TIME.format(time.toInstant().atZone(zone));
        }
        default:
          break;
      }
      String value = rs.getString(index);
      if (value == null) {
        return null;
      }
      return switch (column.kind()) {
        case CODE -> labels.choice(column.choices(), value);
        case PERSON -> people.containsKey(value) ? people.get(value) + " (" + value + ")" : value;
        case ROLE -> labels.role(value);
        case LINK -> baseUrl == null ? value : baseUrl + value;
        default -> value;
      };
    }
  }
}
