package jp.sample.isms.asset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.engine.CurrentUser;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;
import jp.sample.isms.organisation.Role;

/**
 * {@code /api/assets}: the assets of the 情報資産管理台帳 a user may use (3.1.4), searched by id or name for the
 * request forms ({@code ?q=設計}), one asset, and the import of the register from a CSV by the system administrator.
 * An asset outside the user's scope is not found, as if it did not exist.
 */
@RestController
@RequestMapping("/api/assets")
class AssetController {

  static final int LIMIT = 20;

  private final InformationAssets assets;
  private final AssetImport importer;
  private final OrganisationService organisation;
  private final IdentityService identityService;

  AssetController(InformationAssets assets, AssetImport importer, OrganisationService organisation,
      IdentityService identityService) {
    this.assets = assets;
    this.importer = importer;
    this.organisation = organisation;
    this.identityService = identityService;
  }

  @GetMapping
  ResponseEntity<?> search(@RequestParam(value = "q", required = false) String query) {
    Person person = person();
    if (person == null) {
      return error(HttpStatus.UNAUTHORIZED, null, "ログインが必要です");
    }
    if (query != null && query.length() > 100) {
      return error(HttpStatus.BAD_REQUEST, "q", "検索語は100文字以内にしてください");
    }
    return ResponseEntity.ok(assets.usable(person, query, LIMIT).stream().map(this::view).toList());
  }

  @GetMapping("/{assetId}")
  ResponseEntity<?> one(@PathVariable String assetId) {
    Person person = person();
    if (person == null) {
      return error(HttpStatus.UNAUTHORIZED, null, "ログインが必要です");
    }
    return assets.find(assetId).filter(asset -> asset.usableBy(person)).<ResponseEntity<?>>map(
        asset -> ResponseEntity.ok(view(asset))).orElseGet(() -> error(HttpStatus.NOT_FOUND, "assetId",
            "利用できる情報資産にありません (3.1.4): " + assetId));
  }

  /** The register from a CSV (UTF-8 or Shift_JIS) as the request body: all rows or none. */
  @PostMapping("/import")
  ResponseEntity<?> importCsv(@RequestBody(required = false) byte[] content) {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null) {
      return error(HttpStatus.UNAUTHORIZED, null, "ログインが必要です");
    }
    if (!organisation.holdsAnywhere(user.getUserId(), Role.SYSTEM_ADMINISTRATOR)) {
      return error(HttpStatus.FORBIDDEN, null, "情報資産管理台帳を取り込めるのはシステム管理者のみです");
    }
    try {
      int count = importer.load(content == null ? new byte[0] : content, user.getUserId(), "IMPORT");
      return ResponseEntity.ok(Map.of("imported", count));
    } catch (RequestValidationException e) {
      List<Map<String, String>> errors = e.errors().stream().map(AssetController::error).toList();
      return ResponseEntity.badRequest().body(Map.of("message", "取り込みませんでした (nothing was imported): "
          + errors.size() + " 件の誤り", "errors", errors));
    }
  }

  private Person person() {
    CurrentUser user = CurrentUser.of(identityService);
    return user == null ? null : organisation.person(user.getUserId()).orElse(null);
  }

  private Map<String, Object> view(InformationAsset asset) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("assetId", asset.assetId());
    view.put("version", asset.version());
    view.put("name", asset.name());
    view.put("description", asset.description());
    view.put("kind", asset.kind().name());
    view.put("kindLabel", asset.kind().label());
    view.put("location", asset.location());
    view.put("classification", asset.classification().name());
    view.put("classificationLabel", asset.classification().label());
    view.put("classificationReason", asset.classificationReason().label());
    view.put("ownerDepartment", asset.ownerDepartment());
    view.put("ownerDepartmentName",
        organisation.departmentName(asset.ownerDepartment()).orElse(asset.ownerDepartment()));
    view.put("userDepartments", asset.userDepartments());
    view.put("userPersons", asset.userPersons());
    view.put("labelling", asset.labelImpossible() ? "表示困難 (台帳に明記)" : asset.labelling());
    view.put("personalData", asset.personalData());
    view.put("retention", asset.retention());
    view.put("status", asset.status().name());
    view.put("statusLabel", asset.status().label());
    return view;
  }

  private static Map<String, String> error(ValidationErrors.Error error) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("field", error.field());
    if (error.clause() != null) {
      body.put("clause", error.clause());
    }
    body.put("message", error.message());
    return body;
  }

  private static ResponseEntity<Map<String, String>> error(HttpStatus status, String field, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    if (field != null) {
      body.put("field", field);
    }
    body.put("message", message);
    return ResponseEntity.status(status).body(body);
  }
}
