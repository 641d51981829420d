package jp.sample.isms.outsourcing;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fifteen criteria ①–⑮ of 8.1.1 委託先評価基準, in their groups. Each is a form field {@code criterion01} … with
 * {@code MET} or {@code NOT_MET}, an evidence note {@code criterion01Evidence} and, when not met, the mitigation
 * {@code criterion01Mitigation}.
 */
enum SelectionCriterion {
  POLICY(1, "社内管理体制", "経営者による情報セキュリティ基本方針がある"),
  SECURITY_MANAGER(2, "社内管理体制", "情報セキュリティ管理責任者を置いている"),
  RULES(3, "社内管理体制", "情報セキュリティ対策を定める規程等を整備している"),
  INCIDENT_PROCEDURE(4, "社内管理体制", "情報セキュリティ事故に対する対応手順がある"),
  EDUCATION(5, "従業員の監督", "全ての従業者に情報セキュリティに関する教育を実施している"),
  CONFIDENTIALITY_PLEDGE(6, "従業員の監督", "従業者から秘密保持に関わる誓約書等を取得している"),
  ENTRY_CONTROL(7, "オフィス内のセキュリティ", "顧客の情報を扱う領域への入退室を管理している"),
  LOCKED_STORAGE(8, "オフィス内のセキュリティ", "顧客の情報の保管について施錠管理を実施している"),
  THEFT_PREVENTION(9, "情報機器・媒体の取扱い", "機器・媒体の盗難防止措置を講じている"),
  COPY_PREVENTION(10, "情報機器・媒体の取扱い", "媒体の無断複製、不正持ち出しを防止する措置を講じている"),
  TRANSPORT_PROTECTION(11, "情報機器・媒体の取扱い", "媒体の移送、受け渡し時の保護措置を講じている"),
  SECURE_DISPOSAL(12, "情報機器・媒体の取扱い", "媒体の安全な消去、廃棄の手順を整備している"),
  ANTI_VIRUS(13, "サーバー・パソコン等の管理", "業務で使用するサーバー・パソコンのウイルス対策を行っている"),
  AUTHENTICATION(14, "サーバー・パソコン等の管理", "業務で使用するサーバー・パソコンは利用者認証機能を設定している"),
  USAGE_RESTRICTION(15, "サーバー・パソコン等の管理", "業務で使用するサーバー・パソコンに利用制限等を設け管理している");

  static final String MET = "MET";
  static final String NOT_MET = "NOT_MET";
  private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮";

  private final int number;
  private final String group;
  private final String label;

  SelectionCriterion(int number, String group, String label) {
    this.number = number;
    this.group = group;
    this.label = label;
  }

  int number() {
    return number;
  }

  String group() {
    return group;
  }

  /** {@code ③情報セキュリティ対策を定める規程等を整備している}. */
  String label() {
    return mark() + label;
  }

  /** {@code ③}. */
  String mark() {
    return String.valueOf(CIRCLED.charAt(number - 1));
  }

  /** {@code criterion03}: MET or NOT_MET. */
  String variable() {
    return String.format("criterion%02d", number);
  }

  String evidenceVariable() {
    return variable() + "Evidence";
  }

  String mitigationVariable() {
    return variable() + "Mitigation";
  }

  /** The marks of the criteria, joined: {@code ③⑦}. */
  static String marks(List<SelectionCriterion> criteria) {
    return criteria.stream().map(SelectionCriterion::mark).collect(Collectors.joining());
  }

  static List<SelectionCriterion> all() {
    return Arrays.asList(values());
  }
}
