package jp.sample.isms.audit;

/**
 * A code the product stores (in the decision record or a register) together with the words an auditor reads for it,
 * Japanese first, English available. The stored code never changes once records carry it.
 */
public interface Labelled {

  /** The code as stored. */
  String code();

  /** The Japanese label. */
  String label();

  /** The English label. */
  String labelEn();
}
