package jp.sample.isms.outsourcing;

/** ＜委託先評価の方法＞ of 8.1.4. */
enum EvaluationMethod {
  /** 委託先事業所に訪問して現場を観察する. */
  VISIT,
  /** 委託先の管理責任者にインタビューする. */
  INTERVIEW,
  /** 委託先に書面で確認事項を通知し、実施状況について報告してもらう. */
  WRITTEN_REPORT
}
