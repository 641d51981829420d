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

  long[] snapshot() {
    return new long[] {statements.get(), roundTrips.get(), commits.get()};
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      return proxy(DataSource.class, dataSource, (target, method, args) -> {
        Object result = invoke(target, method, args);
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
