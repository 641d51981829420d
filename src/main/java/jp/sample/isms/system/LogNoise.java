package jp.sample.isms.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the log for what needs attention. An ordinary refusal (invalid input or a clause that forbids the request,
 * answered 400; a step four eyes forbids, 403; a withdrawal that is not the requester's or comes too late, 403/409) is
 * one INFO line instead of the engine's ERROR ENGINE-16004 with its stack trace. Two
 * warnings that report no fault are dropped: Flyway's notice that out-of-order migrations are on (on by design, see
 * application.yaml) and Jersey's notice that a filter read the login form (the login throttle reads the user name;
 * the login reads the form by {@code @FormParam}, which still works). Every other message is left as it is.
 * Registered when the application is prepared, after the logging system started and before Flyway or the engine run
 * (META-INF/spring.factories).
 */
public class LogNoise extends TurboFilter implements ApplicationListener<ApplicationPreparedEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(LogNoise.class);
  private static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";
  private static final String FLYWAY_MIGRATE = "org.flywaydb.core.internal.command.DbMigrate";
  private static final String JERSEY_SERVLET = "org.glassfish.jersey.servlet.WebComponent";

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(LogNoise.class::isInstance)) {
      LogNoise filter = new LogNoise();
      filter.setName("isms-log-noise");
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  @Override
  public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
      Object[] params, Throwable t) {
    if (format == null || level == null || !level.isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    String name = logger.getName();
    if (ENGINE_CONTEXT.equals(name)) {
      Throwable refusal = refusal(t != null ? t : last(params));
      if (refusal != null) {
        LOG.info("refused: {}", refusal.getMessage());
        return FilterReply.DENY;
      }
      return FilterReply.NEUTRAL;
    }
    if (FLYWAY_MIGRATE.equals(name) && format.startsWith("outOfOrder mode is active")) {
      return FilterReply.DENY;
    }
    if (JERSEY_SERVLET.equals(name) && format.contains("request body has been consumed by the servlet or a servlet filter")) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  private static Object last(Object[] params) {
    return params == null || params.length == 0 ? null : params[params.length - 1];
  }

  /** The kernel's refusal ({@link OrdinaryRefusal}) among the causes, null for anything else. */
  private static Throwable refusal(Object value) {
    Throwable cause = value instanceof Throwable throwable ? throwable : null;
    for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
      if (cause instanceof OrdinaryRefusal) {
        return cause;
      }
    }
    return null;
  }
}
