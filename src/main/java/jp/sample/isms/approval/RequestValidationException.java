package jp.sample.isms.approval;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import jp.sample.isms.system.OrdinaryRefusal;

/**
 * A submission the server refuses: invalid input or a regulation refusal. A FormFieldValidationException, so the
 * REST API answers 400 on submit-form and complete, and the engine rolls the whole command back.
 */
public class RequestValidationException extends FormFieldValidationException implements OrdinaryRefusal {

  private static final long serialVersionUID = 1L;

  private final transient List<ValidationErrors.Error> errors;

  public RequestValidationException(List<ValidationErrors.Error> errors) {
    super(errors.get(0).field(), errors.stream().map(ValidationErrors.Error::message).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<ValidationErrors.Error> errors() {
    return errors;
  }

  /** Whether a clause of the regulation forbids the request (as opposed to a mistake in the input). */
  public boolean isRefusal() {
    return errors.stream().anyMatch(e -> e.clause() != null);
  }

  public String clauses() {
    return errors.stream().map(ValidationErrors.Error::clause).filter(c -> c != null).distinct()
        .collect(Collectors.joining(","));
  }
}
