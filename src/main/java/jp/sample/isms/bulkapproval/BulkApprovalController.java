package jp.sample.isms.bulkapproval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.sample.isms.engine.CurrentUser;

/**
 * {@code GET /api/tasks/bulk-approvable}: the user's approval steps that may be approved in bulk;
 * {@code POST /api/tasks/bulk-approve {"taskIds":[...],"comment":"..."}}: approves them, one result per task.
 */
@RestController
@RequestMapping("/api/tasks")
class BulkApprovalController {

  private final BulkApproval bulkApproval;
  private final IdentityService identityService;

  BulkApprovalController(BulkApproval bulkApproval, IdentityService identityService) {
    this.bulkApproval = bulkApproval;
    this.identityService = identityService;
  }

  record BulkApproveRequest(List<String> taskIds, String comment) {
  }

  @GetMapping("/bulk-approvable")
  ResponseEntity<?> candidates() {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "ログインが必要です"));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("flows", bulkApproval.flows());
    body.put("tasks", bulkApproval.candidates(user.getUserId()));
    return ResponseEntity.ok(body);
  }

  @PostMapping("/bulk-approve")
  ResponseEntity<?> approve(@RequestBody(required = false) BulkApproveRequest request) {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "ログインが必要です"));
    }
    if (request == null || request.taskIds() == null || request.taskIds().isEmpty()) {
      return ResponseEntity.badRequest().body(Map.of("field", "taskIds", "message", "承認するタスクを選んでください"));
    }
    if (request.taskIds().size() > 100) {
      return ResponseEntity.badRequest().body(Map.of("field", "taskIds", "message", "一度に承認できるのは 100 件までです"));
    }
    List<BulkApproval.Result> results = bulkApproval.approve(request.taskIds(), request.comment(), user.getUserId());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("approved", results.stream().filter(BulkApproval.Result::ok).count());
    body.put("refused", results.stream().filter(r -> !r.ok()).count());
    body.put("results", results);
    return ResponseEntity.ok(body);
  }
}
