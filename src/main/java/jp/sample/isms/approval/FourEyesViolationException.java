package jp.sample.isms.approval;

import org.camunda.bpm.engine.AuthorizationException;

import jp.sample.isms.system.OrdinaryRefusal;

/** A step taken by someone four eyes forbids. An AuthorizationException, so the REST API answers 403. */
public class FourEyesViolationException extends AuthorizationException implements OrdinaryRefusal {

  private static final long serialVersionUID = 1L;

  public FourEyesViolationException(String message) {
    super(message);
  }
}
