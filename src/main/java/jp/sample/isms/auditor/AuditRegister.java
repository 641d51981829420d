package jp.sample.isms.auditor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import jp.sample.isms.audit.Labelled;

/**
 * A register (台帳) for the auditor: a read-only query over a flow's register table with Japanese column headers and
 * filters, listed at {@code /api/audit/registers/{id}} and exported at {@code /api/audit/registers/{id}.csv}. A flow
 * adds its register by declaring a bean of this type in its own package; the auditor package names no flow, table or
 * column of a flow.
 *
 * <p>{@code from} and the expressions are SQL fragments written by the developer, never by the user; filter values
 * are always bound as parameters. A state derived from the stored status and dates (返却遅延, 期限切れ) is computed in
 * the register's SQL view (Flyway), once, and read from it by the flow and by this register alike.
 *
 * @param id      the register's name in the URL (lower-case letters, digits and '-')
 * @param title   the register's name as the regulation gives it (the page's heading and the CSV file's name)
 * @param titleEn the register's name in English (the page's heading when the page is read in English)
 * @param clauses the clauses of the regulation that ask for it
 * @param from    the FROM clause: the register's view, or its table with joins
 * @param orderBy e.g. {@code r.filed_at desc, r.business_key desc} (make it total, so pages do not overlap)
 */
public record AuditRegister(String id, String title, String titleEn, String clauses, String from, String orderBy,
    List<Column> columns, List<Filter> filters) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,40}");
  private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,40}");
  private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,60}");

  public AuditRegister {
    Objects.requireNonNull(title);
    Objects.requireNonNull(titleEn);
    Objects.requireNonNull(from);
    Objects.requireNonNull(orderBy);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("register id must be lower-case letters, digits and '-': " + id);
    }
    columns = List.copyOf(columns);
    filters = List.copyOf(filters);
    for (Column column : columns) {
      if (!KEY.matcher(column.key()).matches()) {
        throw new IllegalArgumentException("column key must be lowerCamelCase: " + column.key());
      }
    }
    for (Filter filter : filters) {
      if (!KEY.matcher(filter.name()).matches()) {
        throw new IllegalArgumentException("filter name must be lowerCamelCase: " + filter.name());
      }
    }
  }

  /** Code → label pairs in the order given, for a labelled column and its filter: {@code codes("ACTIVE", "有効", …)}. */
  public static Map<String, String> codes(String... codesAndLabels) {
    if (codesAndLabels.length % 2 != 0) {
      throw new IllegalArgumentException("codes and labels come in pairs");
    }
    Map<String, String> codes = new LinkedHashMap<>();
    for (int i = 0; i < codesAndLabels.length; i += 2) {
      codes.put(codesAndLabels[i], codesAndLabels[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(codes);
  }

  /** Choices whose value is the label itself: the states a register's view derives ({@code 返却遅延}). */
  public static Map<String, String> options(List<String> labels) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String label : labels) {
      options.put(label, label);
    }
    return java.util.Collections.unmodifiableMap(options);
  }

  /** How a column's value is shown. */
  public enum Kind {
    /** As stored. */
    TEXT,
    /** A request number; the pages link it to the request's timeline. */
    REQUEST,
    /** A code whose label comes from the flows' forms (the form field named by {@link Column#choices()}). */
    CODE,
    /** A date, {@code yyyy-MM-dd}. */
    DATE,
    /** A point in time, {@code yyyy-MM-dd HH:mm:ss} in Japan. */
    TIMESTAMP,
    /** はい / いいえ. */
    BOOLEAN,
    NUMBER,
    /** A user id, shown as {@code 山本 さくら (yamamoto)}. */
    PERSON,
    /** A role code of the record ({@code DEPARTMENT_HEAD} → 部門責任者). */
    ROLE,
    /** A path of this application (e.g. an attachment's download); the CSV gives the full URL. */
    LINK
  }

  /** One column: its key in JSON, its Japanese header in the page and the CSV, and the SQL expression of its value. */
  public record Column(String key, String header, String expression, Kind kind, String choices) {

    public static Column of(String key, String header, String expression, Kind kind) {
      return new Column(key, header, expression, kind, null);
    }

    /**
     * A code shown with its label: the SQL {@code case <sqlColumn> when 'CODE' then 'label' … else <sqlColumn> end}
     * built from {@code labels} (code → label, in order), so that a filter on the column may offer the same map. A code
     * with no label shows as stored.
     */
    public static Column labelled(String key, String header, String sqlColumn, Map<String, String> labels) {
      return new Column(key, header, labels(sqlColumn, labels), Kind.TEXT, null);
    }

    /** A code shown with the Japanese label its constant carries. */
    public static Column labelled(String key, String header, String sqlColumn, Labelled[] codes) {
      return labelled(key, header, sqlColumn, labels(codes));
    }

    /** The SQL {@code case} giving each code of {@code labels} its label, other values as stored. */
    public static String labels(String sqlColumn, Map<String, String> labels) {
      StringBuilder sql = new StringBuilder("case ").append(sqlColumn);
      labels.forEach((code, label) -> {
        if (!CODE.matcher(code).matches()) {
          throw new IllegalArgumentException("a labelled code is upper-case letters, digits and '_': " + code);
        }
        sql.append(" when '").append(code).append("' then '").append(label.replace("'", "''")).append('\'');
      });
      return sql.append(" else ").append(sqlColumn).append(" end").toString();
    }

    /** Code → Japanese label of labelled constants, in their order (for a column and its filter alike). */
    public static Map<String, String> labels(Labelled[] codes) {
      Map<String, String> labels = new LinkedHashMap<>();
      for (Labelled code : codes) {
        labels.put(code.code(), code.label());
      }
      return java.util.Collections.unmodifiableMap(labels);
    }

    /** A code shown with the label the forms give it for their field {@code formField}. */
    public static Column code(String key, String header, String expression, String formField) {
      return new Column(key, header, expression, Kind.CODE, formField);
    }
  }

  /** How a filter's value is read and offered in the page. */
  public enum FilterKind {
    /** Free text (a user id, a request number). */
    TEXT,
    /** One of {@link Filter#options()}, or of a form field's choices ({@code form:classification}), or a department. */
    CHOICE,
    /** A check box; the condition has no value. */
    FLAG,
    /** A date {@code yyyy-MM-dd}, bound as a date. */
    DATE,
    /** A date {@code yyyy-MM-dd}, bound as the start of that day in Japan. */
    DAY_START,
    /** A date {@code yyyy-MM-dd}, bound as the start of the next day in Japan (an inclusive end). */
    DAY_END
  }

  /**
   * One filter: {@code condition} is a SQL condition with the placeholder {@code :value}.
   *
   * @param choices where the choices come from for a CHOICE without options: {@code form:<field>} or {@code departments}
   */
  public record Filter(String name, String label, FilterKind kind, String condition, String choices,
      Map<String, String> options) {

    public Filter {
      options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public static Filter text(String name, String label, String expression) {
      return new Filter(name, label, FilterKind.TEXT, expression + " = :value", null, null);
    }

    public static Filter choice(String name, String label, String expression, String choices) {
      return new Filter(name, label, FilterKind.CHOICE, expression + " = :value", choices, null);
    }

    public static Filter choice(String name, String label, String expression, Map<String, String> options) {
      return new Filter(name, label, FilterKind.CHOICE, expression + " = :value", null, options);
    }

    public static Filter flag(String name, String label, String condition) {
      return new Filter(name, label, FilterKind.FLAG, condition, null, null);
    }

    /** From a day (inclusive) on a date column. */
    public static Filter dateFrom(String name, String label, String expression) {
      return new Filter(name, label, FilterKind.DATE, expression + " >= :value", null, null);
    }

    /** Up to a day (inclusive) on a date column. */
    public static Filter dateTo(String name, String label, String expression) {
      return new Filter(name, label, FilterKind.DATE, expression + " <= :value", null, null);
    }

    /** From a day in Japan (inclusive) on a timestamp column. */
    public static Filter timeFrom(String name, String label, String expression) {
      return new Filter(name, label, FilterKind.DAY_START, expression + " >= :value", null, null);
    }

    /** Up to a day in Japan (inclusive) on a timestamp column. */
    public static Filter timeTo(String name, String label, String expression) {
      return new Filter(name, label, FilterKind.DAY_END, expression + " < :value", null, null);
    }

    /** Any condition with {@code :value}, e.g. a request number in either of two columns. */
    public static Filter condition(String name, String label, FilterKind kind, String condition) {
      return new Filter(name, label, kind, condition, null, null);
    }
  }
}
