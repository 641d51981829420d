package jp.sample.isms.organisation;

import java.util.List;
import java.util.stream.Collectors;

/** An organisation file with at least one bad row: nothing of it was written. */
public class OrganisationImportException extends RuntimeException {

  private final transient List<ImportProblem> problems;

  public OrganisationImportException(String source, List<ImportProblem> problems) {
    super("組織ファイル " + source + " を取り込めません。何も登録していません (organisation file refused, nothing written):\n  "
        + problems.stream().map(ImportProblem::toString).collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  public List<ImportProblem> problems() {
    return problems;
  }
}
