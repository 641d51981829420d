package jp.sample.isms.approval;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a submission; {@link #throwIfAny()} refuses it as a whole. */
public final class ValidationErrors {

  /** One problem: the field, the clause that forbids it (null for plain input errors) and the Japanese text. */
  public record Error(String field, String clause, String text) {

    /** {@code 5.1.9: 従業員以外の者へのアカウント発行は禁止されています (targetUser)} or {@code returnDate: ...}. */
    public String message() {
      return clause != null ? clause + ": " + text + " (" + field + ")" : field + ": " + text;
    }
  }

  private final List<Error> errors = new ArrayList<>();

  /** An input error on a field. */
  public ValidationErrors field(String field, String text) {
    errors.add(new Error(field, null, text));
    return this;
  }

  /** A refusal by a clause of the regulation. */
  public ValidationErrors refuse(String field, String clause, String text) {
    errors.add(new Error(field, clause, text));
    return this;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public List<Error> list() {
    return List.copyOf(errors);
  }

  public boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new RequestValidationException(errors);
    }
  }
}
