package jp.sample.isms.mediadisposal;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;

import jp.sample.isms.approval.RequestValues;

/** The variables of a media disposal request, typed (map in, call a service, map out). */
record MediaDisposalRequest(String businessKey, String classification, String mediaType, boolean backupMedium,
    String action, String method, String contractor, int quantity, String description, String assetIds,
    boolean lastCopy) {

  static MediaDisposalRequest of(VariableScope scope) {
    String method = (String) scope.getVariable(MediaDisposalProcess.METHOD);
    Object quantity = scope.getVariable(MediaDisposalProcess.QUANTITY);
    return new MediaDisposalRequest(
        RequestValues.businessKey(scope),
        (String) scope.getVariable(MediaDisposalProcess.CLASSIFICATION),
        (String) scope.getVariable(MediaDisposalProcess.MEDIA_TYPE),
        Boolean.TRUE.equals(scope.getVariable(MediaDisposalProcess.BACKUP_MEDIUM))
            || "true".equals(String.valueOf(scope.getVariable(MediaDisposalProcess.BACKUP_MEDIUM))),
        (String) scope.getVariable(MediaDisposalProcess.ACTION),
        method,
        // a contractor left in a hidden field does not belong to an in-house disposal
        MediaDisposalProcess.OUTSOURCED_DESTRUCTION.equals(method)
            ? (String) scope.getVariable(MediaDisposalProcess.CONTRACTOR) : null,
        quantity instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(quantity).trim()),
        (String) scope.getVariable(MediaDisposalProcess.DESCRIPTION),
        RequestValues.string(scope.getVariable(MediaDisposalProcess.ASSET_IDS)),
        RequestValues.isTrue(scope.getVariable(MediaDisposalProcess.LAST_COPY)));
  }

  static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
