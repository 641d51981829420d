package jp.sample.isms.outsourcing;

/**
 * What the contract must state (8.1.3 委託契約の締結) and what the NDA must contain (8.1.6 秘密保持契約の締結), one
 * checkbox each on the contract step. Assets are handed over only once every item is confirmed.
 */
enum ContractItem {
  CONFIDENTIALITY("contractConfidentiality", OutsourcingFlow.CLAUSE_CONTRACT,
      "当社の社外秘又は極秘の情報資産及び個人情報の守秘義務"),
  RESUBCONTRACTING("contractResubcontracting", OutsourcingFlow.CLAUSE_CONTRACT, "再委託についての事項"),
  INCIDENT_LIABILITY("contractIncidentLiability", OutsourcingFlow.CLAUSE_CONTRACT, "事故時の責任分担についての事項"),
  RETURN_OR_DISPOSAL("contractReturnOrDisposal", OutsourcingFlow.CLAUSE_CONTRACT,
      "委託業務終了時の当社が提供した社外秘又は極秘の情報資産及び個人情報の返却又は廃棄、消去についての事項"),
  AUDIT_RIGHTS("contractAuditRights", OutsourcingFlow.CLAUSE_CONTRACT, "情報セキュリティ対策の実施状況に関する監査の方法とその権限"),
  NON_COMPLIANCE_MEASURES("contractNonComplianceMeasures", OutsourcingFlow.CLAUSE_CONTRACT, "契約内容が遵守されない場合の措置"),
  INCIDENT_REPORTING("contractIncidentReporting", OutsourcingFlow.CLAUSE_CONTRACT, "事故発生時の報告方法"),
  NO_DISCLOSURE("ndaNoDisclosure", OutsourcingFlow.CLAUSE_NDA, "情報資産の第三者への開示の禁止"),
  LIMITED_HANDLERS("ndaLimitedHandlers", OutsourcingFlow.CLAUSE_NDA, "情報資産の取扱者の限定"),
  HANDLER_NAMES("ndaHandlerNames", OutsourcingFlow.CLAUSE_NDA, "情報資産の取扱者の氏名等の当社への開示"),
  MINIMUM_HANDLERS("ndaMinimumHandlers", OutsourcingFlow.CLAUSE_NDA, "情報資産の取扱者の範囲が必要最小限であることの当社への説明"),
  ACCESS_RECORDS("ndaAccessRecords", OutsourcingFlow.CLAUSE_NDA, "情報資産へのアクセスの記録、及び管理"),
  COPY_DISPOSAL_LOG("ndaCopyDisposalLog", OutsourcingFlow.CLAUSE_NDA, "情報資産の複製、廃棄等をした場合の管理簿の作成、及び一定期間の保管"),
  COPY_DISPOSAL_NOTICE("ndaCopyDisposalNotice", OutsourcingFlow.CLAUSE_NDA, "情報資産の複製、廃棄等に関する当社への通知"),
  RETURN_ON_TERMINATION("ndaReturnOnTermination", OutsourcingFlow.CLAUSE_NDA,
      "情報資産に係る契約の満了時又は解除時の、当該情報資産の速やかな廃棄又は返還"),
  PERIODIC_REPORTS("ndaPeriodicReports", OutsourcingFlow.CLAUSE_NDA, "情報資産の状況に関する定期的な報告"),
  AUDIT_ACCEPTANCE("ndaAuditAcceptance", OutsourcingFlow.CLAUSE_NDA, "定期的又は不定期な当社からの監査受け入れ"),
  CONFIDENTIALITY_MARKING("ndaConfidentialityMarking", OutsourcingFlow.CLAUSE_NDA, "情報資産が秘密保持契約等の対象であることの表示"),
  ASSET_INVENTORY("ndaAssetInventory", OutsourcingFlow.CLAUSE_NDA, "情報資産の目録の作成");

  private final String variable;
  private final String clause;
  private final String label;

  ContractItem(String variable, String clause, String label) {
    this.variable = variable;
    this.clause = clause;
    this.label = label;
  }

  String variable() {
    return variable;
  }

  String clause() {
    return clause;
  }

  String label() {
    return label;
  }

  /** 委託契約書 for 8.1.3, 秘密保持契約 for 8.1.6. */
  String document() {
    return OutsourcingFlow.CLAUSE_CONTRACT.equals(clause) ? "委託契約書" : "秘密保持契約";
  }
}
