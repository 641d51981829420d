package jp.sample.isms.design;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The checks every model passes before it is deployed (1.4), the same for the workbench, a proposal, camunda-admin's
 * deployments and the start-up deployment from {@code bpmn/} and {@code forms/}.
 */
@Component
public class ModelChecks {

  /** The findings of a set of files checked together (a form is checked against the flows among them). */
  public List<Finding> check(List<ModelFile> files) {
    List<Finding> findings = new ArrayList<>();
    for (ModelFile file : files) {
      if (file.kind() == null) {
        findings.add(Finding.error(file.name(), null, "file-kind",
            "ファイルの種類は .bpmn、.dmn、.form のいずれかです", "A file must be .bpmn, .dmn or .form"));
      }
    }
    return findings;
  }
}
