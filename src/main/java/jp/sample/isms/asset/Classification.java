package jp.sample.isms.asset;

import java.util.Collection;
import java.util.Comparator;

/** 機密性 (3.1.1): the importance of an information asset, lowest first. */
public enum Classification {
  PUBLIC("公開 (機密性0)"),
  INTERNAL("社外秘 (機密性1)"),
  SECRET("極秘 (機密性2)");

  private final String label;

  Classification(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The highest of the given classifications; null for none. */
  public static Classification highest(Collection<Classification> classifications) {
    return classifications.stream().max(Comparator.naturalOrder()).orElse(null);
  }

  /** The classification of a code, or null when the code is not one of the table of 3.1.1. */
  public static Classification of(String code) {
    for (Classification classification : values()) {
      if (classification.name().equals(code)) {
        return classification;
      }
    }
    return null;
  }
}
