package jp.sample.isms.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what the application sends to the database: statements (every execute*, and every addBatch of a batch),
 * round trips (every execute* including executeBatch) and commits. Installed only in the benchmark's Spring context,
 * as a bean post-processor that wraps the DataSource bean in a JDK proxy.
 */
final class SqlCounter implements BeanPostProcessor {

  final AtomicLong statements = new AtomicLong();
  final AtomicLong roundTrips = new AtomicLong();
  final AtomicLong commits = new AtomicLong();
  /** Statements by their SQL (whitespace collapsed), when {@link #profile} is on: where the statements come from. */
  final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();
  /** Nanoseconds spent in execute* by SQL, when {@link #profile} is on. */
  final Map<String, LongAdder> nanosBySql = new ConcurrentHashMap<>();
  volatile boolean profile;

  /** The profile since the last call, most frequent first, and cleared. */
  List<Map.Entry<String, Long>> drainProfile() {
    List<Map.Entry<String, Long>> entries = bySql.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue().sum()))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
    bySql.clear();
    return entries;
  }

  /** Milliseconds spent per SQL since the last call, and cleared. */
  Map<String, Double> drainTimes() {
    Map<String, Double> times = new java.util.HashMap<>();
    nanosBySql.forEach((sql, nanos) -> times.put(sql, nanos.sum() / 1e6));
    nanosBySql.clear();
    return times;
  }

  /** The statement's SQL as the profile keys it (whitespace collapsed); null when not profiling. */
  private String profiled(String sql) {
    return profile && sql != null ? sql.replaceAll("\\s+", " ").trim() : null;
  }

  /**
   * PostgreSQL only: statements the server executed, read off the driver's protocol log (pgjdbc logs every message it
   * sends at FINEST): one per {@code Execute} message, the query taken from the {@code Parse} of the statement it
   * runs. Unlike {@link #statements} this sees what the driver made of a batch (with {@code reWriteBatchedInserts} a
   * batch of 25 inserts is sent as 3 multi-row inserts: 16 + 8 + 1 rows). Transaction control (BEGIN, COMMIT,
   * ROLLBACK) is counted apart. On only between {@link #startServerCount()} and {@link #stopServerCount()}: the
   * log is expensive.
   */
  static final class ServerStatements extends java.util.logging.Handler {
    final AtomicLong statements = new AtomicLong();
    final AtomicLong transactionControl = new AtomicLong();
    final AtomicLong connectionChecks = new AtomicLong();
    /** Server statements by their query text (whitespace collapsed; multi-row inserts with their placeholders). */
    final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();
    /** Query text per thread of the statement whose Execute comes next. */
    private final ThreadLocal<String> next = new ThreadLocal<>();
    /** Query text of the driver's named (server-prepared) statements. */
    private final Map<String, String> named = new ConcurrentHashMap<>();

    @Override
    public void publish(java.util.logging.LogRecord record) {
      String message = record.getMessage();
      if (message == null) {
        return;
      }
      if (message.startsWith(" FE=> Parse(stmt=")) {
        int comma = message.indexOf(",query=\"");
        String name = message.substring(" FE=> Parse(stmt=".length(), comma);
        String query = message.substring(comma + ",query=\"".length());
        next.set(query);
        if (!name.equals("null")) {
          named.put(name, query);
        }
      } else if (message.startsWith(" FE=> Bind(stmt=")) {
        String name = message.substring(" FE=> Bind(stmt=".length(), message.indexOf(','));
        if (!name.equals("null")) {
          // a server-prepared statement (none while counting, on new connections with prepareThreshold 0; kept
          // for a driver that prepares anyway): its text, if its Parse was seen
          next.set(named.getOrDefault(name, "(prepared before counting) " + name));
        }
      } else if (message.startsWith(" FE=> Execute(")) {
        String query = next.get();
        count(query == null ? "" : query, query == null ? "" : query.replaceAll("\\s+", " ").trim());
      } else if (message.startsWith(" FE=> SimpleQuery(")) {
        Object[] parameters = record.getParameters();
        String query = parameters != null && parameters.length > 0 ? String.valueOf(parameters[0]) : "";
        count(query, "(simple) " + query);
      }
    }

    /**
     * One statement the server runs: transaction control, the pool's and the driver's own (the liveness check of an
     * idle connection is an empty query; a new connection runs the pool's connection-init-sql and sets its
     * application name), or one of the application's.
     */
    private void count(String query, String key) {
      String head = query.stripLeading().toUpperCase(java.util.Locale.ROOT);
      if (head.startsWith("BEGIN") || head.startsWith("COMMIT") || head.startsWith("ROLLBACK")) {
        transactionControl.incrementAndGet();
      } else if (head.isEmpty() || head.startsWith("SET JIT") || head.startsWith("SET APPLICATION_NAME")) {
        connectionChecks.incrementAndGet();
      } else {
        statements.incrementAndGet();
        bySql.computeIfAbsent(key, k -> new LongAdder()).increment();
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }

  /** The application's connection pool, if it is Hikari. */
  private com.zaxxer.hikari.HikariDataSource pool;

  /**
   * New connections for the count and after it: the driver's server-prepared statements are per connection and
   * named S_1, S_2…, so only connections opened while counting show the text of every statement they run.
   */
  private void evictPooledConnections() {
    if (pool != null && pool.getHikariPoolMXBean() != null) {
      pool.getHikariPoolMXBean().softEvictConnections();
    }
  }

  private static final java.util.logging.Logger DRIVER_LOG = java.util.logging.Logger.getLogger("org.postgresql");
  private ServerStatements server;
  private java.util.logging.Level driverLevel;

  /** Starts counting the server's statements (PostgreSQL); see {@link ServerStatements}. */
  synchronized ServerStatements startServerCount() {
    server = new ServerStatements();
    evictPooledConnections();
    server.setLevel(java.util.logging.Level.ALL);
    driverLevel = DRIVER_LOG.getLevel();
    DRIVER_LOG.addHandler(server);
    DRIVER_LOG.setUseParentHandlers(false);
    DRIVER_LOG.setLevel(java.util.logging.Level.FINEST);
    return server;
  }

  synchronized void stopServerCount() {
    if (server != null) {
      evictPooledConnections();
      DRIVER_LOG.setLevel(driverLevel);
      DRIVER_LOG.removeHandler(server);
      DRIVER_LOG.setUseParentHandlers(true);
      server = null;
    }
  }

  long[] snapshot() {
    return new long[] {statements.get(), roundTrips.get(), commits.get()};
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
        pool = hikari;
      }
      return proxy(DataSource.class, dataSource, (target, method, args) -> {
        Object result = invoke(target, method, args);
        if (result instanceof Connection connection && connection.isWrapperFor(org.postgresql.PGConnection.class)) {
          // while the server's statements are counted, the driver parses every statement with its text (no
          // server-prepared statements, whose names are per connection and would hide what they run); the number
          // of statements does not depend on it
          connection.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(server != null ? 0 : 5);
        }
        return result instanceof Connection connection ? connection(connection) : result;
      });
    }
    return bean;
  }

  private Connection connection(Connection connection) {
    return proxy(Connection.class, connection, (target, method, args) -> {
      if (method.getName().equals("commit")) {
        commits.incrementAndGet();
      }
      Object result = invoke(target, method, args);
      String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
      if (result instanceof CallableStatement statement) {
        return statement(CallableStatement.class, statement, sql);
      }
      if (result instanceof PreparedStatement statement) {
        return statement(PreparedStatement.class, statement, sql);
      }
      if (result instanceof Statement statement) {
        return statement(Statement.class, statement, null);
      }
      return result;
    });
  }

  private <T extends Statement> T statement(Class<T> type, T statement, String prepared) {
    return proxy(type, statement, (target, method, args) -> {
      String name = method.getName();
      String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : prepared;
      if (name.equals("addBatch")) {
        statements.incrementAndGet();
        String key = profiled(sql);
        if (key != null) {
          bySql.computeIfAbsent(key, k -> new LongAdder()).increment();
        }
      } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
        roundTrips.incrementAndGet();
      } else if (name.startsWith("execute")) {
        statements.incrementAndGet();
        roundTrips.incrementAndGet();
        String key = profiled(sql);
        if (key != null) {
          bySql.computeIfAbsent(key, k -> new LongAdder()).increment();
          long started = System.nanoTime();
          try {
            return invoke(target, method, args);
          } finally {
            nanosBySql.computeIfAbsent(key, k -> new LongAdder()).add(System.nanoTime() - started);
          }
        }
      }
      return invoke(target, method, args);
    });
  }

  interface Handler<T> {
    Object handle(T target, Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
    InvocationHandler invocation = (proxy, method, args) -> {
      if (method.getName().equals("unwrap") && args != null && args.length == 1 && args[0] == type) {
        return proxy;
      }
      return handler.handle(target, method, args);
    };
    return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, invocation);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
