package jp.sample.isms.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * A take-out request (3.2) as its start form submits it: by default a laptop of 開発設計部's INTERNAL drawings
 * (IA-0001), leaving today (Tokyo), back tomorrow, with the attestations a laptop needs for INTERNAL or SECRET content.
 * Each test changes only what it is about.
 */
public final class TakeOutFixture {

  /** An INTERNAL asset of each demo person's own department in the demo 情報資産管理台帳. */
  public static final Map<String, String> INTERNAL_ASSET_OF = Map.of(DemoOrganisation.DESIGN_EMPLOYEE, "IA-0001",
      DemoOrganisation.DESIGN_CHIEF, "IA-0001", DemoOrganisation.DEVELOPMENT_HEAD, "IA-0001",
      DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "IA-0014", DemoOrganisation.GENERAL_AFFAIRS_HEAD, "IA-0014",
      DemoOrganisation.PRODUCTION_EMPLOYEE, "IA-0008", DemoOrganisation.PRODUCTION_CHIEF, "IA-0008",
      DemoOrganisation.MANUFACTURING_HEAD, "IA-0008", DemoOrganisation.HR_HEAD, "IA-0024");

  private final Map<String, Object> variables = new HashMap<>();

  private TakeOutFixture(String assetIds) {
    LocalDate today = today();
    variables.put("assetIds", assetIds);
    variables.put("assetDescription", "設計資料 (ノートPC内)");
    variables.put("medium", "LAPTOP");
    variables.put("destination", "取引先");
    variables.put("purpose", "打ち合わせ");
    variables.put("startDate", today.toString());
    variables.put("plannedReturnDate", today.plusDays(1).toString());
    variables.put("attestDiskEncrypted", true);
    variables.put("attestEncryptedChannel", true);
    variables.put("attestKeptInSight", true);
  }

  /** Today in Tokyo, the day the forms check dates against. */
  public static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  /** A laptop carrying these registered assets (ids as the form takes them, comma separated). */
  public static TakeOutFixture laptop(String assetIds) {
    return new TakeOutFixture(assetIds);
  }

  /** A laptop carrying an INTERNAL asset of the requester's own department (IA-0001 for anyone else). */
  public static TakeOutFixture internalLaptopOf(String requester) {
    return new TakeOutFixture(INTERNAL_ASSET_OF.getOrDefault(requester, "IA-0001"));
  }

  /** Content not in the register, described instead of named (3.1.1). */
  public TakeOutFixture unregistered(String description) {
    variables.remove("assetIds");
    variables.put("unregisteredAsset", true);
    variables.put("assetDescription", description);
    return this;
  }

  public TakeOutFixture assets(String assetIds) {
    variables.put("assetIds", assetIds);
    return this;
  }

  public TakeOutFixture description(String description) {
    variables.put("assetDescription", description);
    return this;
  }

  public TakeOutFixture destination(String destination) {
    variables.put("destination", destination);
    return this;
  }

  public TakeOutFixture purpose(String purpose) {
    variables.put("purpose", purpose);
    return this;
  }

  /** Leaves on {@code startDate}, back on {@code plannedReturnDate}. */
  public TakeOutFixture leaving(LocalDate startDate, LocalDate plannedReturnDate) {
    variables.put("startDate", startDate.toString());
    variables.put("plannedReturnDate", plannedReturnDate.toString());
    return this;
  }

  /** Any other field of the form, or one set to a value a test is about. */
  public TakeOutFixture with(String field, Object value) {
    variables.put(field, value);
    return this;
  }

  /** The variables, a fresh mutable map each time. */
  public Map<String, Object> build() {
    return new HashMap<>(variables);
  }
}
