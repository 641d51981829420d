package jp.sample.isms.audit;

import java.util.Optional;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history stays at level {@code full} (process, activity, task and variable instances, identity links,
 * decisions, jobs, the user operation log), except for ACT_HI_DETAIL: one row per variable per change and one per
 * submitted form field, about a sixth of all statements a request costs. What a user submitted is kept instead, once
 * per submission and tamper-evident, in the audit record's {@code submitted_values} (see {@link AuditRecorder}).
 * {@code isms.history.variable-details=true} writes ACT_HI_DETAIL again (as the engine would by default).
 * Registered with the engine by {@code jp.sample.isms.engineconfig.EngineExtensions}.
 */
@Component
public class VariableDetailHistory {

  private final boolean variableDetails;

  VariableDetailHistory(@Value("${isms.history.variable-details:false}") boolean variableDetails) {
    this.variableDetails = variableDetails;
  }

  /**
   * The handler that replaces the engine's default database history handler; empty when ACT_HI_DETAIL is written
   * (the engine's default handler stays).
   */
  public Optional<HistoryEventHandler> handler() {
    return variableDetails ? Optional.empty() : Optional.of(new WithoutDetails());
  }

  /** The engine's database history handler without the rows of ACT_HI_DETAIL. */
  static final class WithoutDetails extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }

    @Override
    protected void insertOrUpdate(HistoryEvent event) {
      if (event instanceof HistoricFormPropertyEventEntity) {
        return;
      }
      super.insertOrUpdate(event);
    }
  }
}
