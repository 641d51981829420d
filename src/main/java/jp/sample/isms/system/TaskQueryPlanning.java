package jp.sample.isms.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * PostgreSQL only: the task queries of Tasklist (filters and task lists) and the variable queries (the variables a
 * filter's list embeds) run without materialised nested loops ({@code enable_material = off}) and with index
 * look-ups priced as on SSD storage ({@code random_page_cost = 1.1}), for that transaction only: both are set by one
 * statement, {@link #SETTINGS}, as {@code SET LOCAL} would.
 *
 * <p>Why: with authorization checks on, the engine joins every candidate task to the user's authorizations with
 * {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}. The planner prices that OR-join as a nested loop over a
 * materialised list of the user's authorizations, which compares every task with every authorization: at 10,000 open
 * tasks (500 of them for the user's group) 250,000 comparisons, 38 ms per query, growing with the square of the
 * group's tasks. Without materialisation it looks each task's authorizations up in the engine's own index on
 * {@code RESOURCE_ID_}: 17 ms on the same data, growing linearly. The variables query Tasklist sends next (the
 * display variables of the page's 50 tasks) has the same join; the planner expects a dozen of the user's
 * authorizations (it cannot estimate the engine's {@code PERMS_ & ? = ?}) where there are one per task of the user's
 * groups, and compared 150 variables with 2,500 authorizations (375,000 comparisons, 60-90 ms at 50,000 open tasks;
 * 4-6 ms with index look-ups).
 *
 * <p>{@code random_page_cost}: priced at PostgreSQL's default of 4 (spinning disks), the variables query joins its
 * 150 variables to their executions by reading and hashing all of {@code ACT_RU_EXECUTION} twice (10,000 rows each at
 * 10,000 open tasks: a cost that grows with every open task, not with the page); at 1.1 it looks the 150 executions up
 * by primary key. The task list likewise probes {@code ACT_RU_TASK} by primary key for the user's candidate tasks
 * instead of reading every task. The count is planned as before. Other queries of the product are planned as before.
 */
final class TaskQueryPlanning extends CommandInterceptor {

  /**
   * The planner settings of a covered query, local to its transaction ({@code is_local = true}), in one statement so
   * that a page costs no more statements than with one setting.
   */
  static final String SETTINGS = "select set_config('enable_material', 'off', true), "
      + "set_config('random_page_cost', '1.1', true)";

  /** The command context (transaction) of this thread whose connection is set already; nested queries share it. */
  private static final ThreadLocal<java.lang.ref.WeakReference<CommandContext>> APPLIED = new ThreadLocal<>();

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof TaskQueryImpl || command instanceof AbstractExecuteFilterCmd
        || command instanceof VariableInstanceQueryImpl) {
      CommandContext context = Context.getCommandContext();
      java.lang.ref.WeakReference<CommandContext> applied = APPLIED.get();
      if (context != null && (applied == null || applied.get() != context)
          && "postgres".equals(Context.getProcessEngineConfiguration().getDatabaseType())) {
        APPLIED.set(new java.lang.ref.WeakReference<>(context));
        try {
          Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
          if (!connection.getAutoCommit()) {
            try (Statement statement = connection.createStatement()) {
              statement.execute(SETTINGS);
            }
          }
        } catch (SQLException e) {
          // a planner hint only: the query runs either way
        }
      }
    }
    return next.execute(command);
  }
}
