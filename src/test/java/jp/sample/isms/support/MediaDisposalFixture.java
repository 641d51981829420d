package jp.sample.isms.support;

import java.util.HashMap;
import java.util.Map;

/**
 * A media disposal or reuse request (3.3) as its start form submits it: assets, medium, action and method, three
 * pieces by default. Each test changes only what it is about.
 */
public final class MediaDisposalFixture {

  private final Map<String, Object> variables = new HashMap<>();

  private MediaDisposalFixture(String assetIds, String mediaType, String action, String method) {
    variables.put("assetIds", assetIds);
    variables.put("mediaType", mediaType);
    variables.put("action", action);
    variables.put("method", method);
    variables.put("quantity", 3);
    variables.put("description", "旧設計図面データ (2019年度) を保存していた媒体");
  }

  /** Media of this type holding these assets, to be disposed of or reused ({@code action}) by {@code method}. */
  public static MediaDisposalFixture of(String assetIds, String mediaType, String action, String method) {
    return new MediaDisposalFixture(assetIds, mediaType, action, method);
  }

  /** USB memories physically destroyed, the common case of 3.3.1. */
  public static MediaDisposalFixture usbDestruction(String assetIds) {
    return of(assetIds, "USB_MEMORY", "DISPOSE", "PHYSICAL_DESTRUCTION");
  }

  /** Hard disks destroyed by a contractor (3.3.1: a certificate of destruction follows). */
  public static MediaDisposalFixture outsourcedHddDestruction(String assetIds, String contractor) {
    return of(assetIds, "HDD", "DISPOSE", "OUTSOURCED_DESTRUCTION").with("contractor", contractor);
  }

  public MediaDisposalFixture quantity(int quantity) {
    variables.put("quantity", quantity);
    return this;
  }

  /** Any other field of the form, or one set to a value a test is about. */
  public MediaDisposalFixture with(String field, Object value) {
    variables.put(field, value);
    return this;
  }

  /** The variables, a fresh mutable map each time. */
  public Map<String, Object> build() {
    return new HashMap<>(variables);
  }
}
