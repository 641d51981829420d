package jp.sample.isms.audit;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
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
 */
@Component
class VariableDetailHistory implements ProcessEnginePlugin {

  private final boolean variableDetails;

  VariableDetailHistory(@Value("${isms.history.variable-details:false}") boolean variableDetails) {
    this.variableDetails = variableDetails;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (variableDetails) {
      return;
    }
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new WithoutDetails());
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
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
