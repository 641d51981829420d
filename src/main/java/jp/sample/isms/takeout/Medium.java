package jp.sample.isms.takeout;

import java.util.List;

/** The media of 3.2 and the measures (attestation fields) the clause demands for each. */
enum Medium {
  LAPTOP("ノートパソコン", List.of(Attestation.DISK_ENCRYPTED)),
  SMARTPHONE("スマートフォン", List.of(Attestation.SCREEN_LOCK)),
  TABLET("タブレット", List.of(Attestation.SCREEN_LOCK)),
  USB_MEMORY("USBメモリ", List.of(Attestation.MEDIA_ERASED, Attestation.DATA_ENCRYPTED, Attestation.MEDIA_TAGGED)),
  EXTERNAL_HDD("外付けHDD", List.of(Attestation.MEDIA_ERASED, Attestation.DATA_ENCRYPTED)),
  PAPER("紙", List.of()),
  OTHER("その他", List.of());

  private final String label;
  private final List<Attestation> attestations;

  Medium(String label, List<Attestation> attestations) {
    this.label = label;
    this.attestations = attestations;
  }

  String label() {
    return label;
  }

  List<Attestation> attestations() {
    return attestations;
  }

  /** Devices that connect to networks outside (3.2: 屋外でネットワークへ接続して…暗号化通信). */
  boolean connectsToNetworks() {
    return this == LAPTOP || this == SMARTPHONE || this == TABLET;
  }

  /** A measure of 3.2 the requester attests, with its form field. */
  enum Attestation {
    DISK_ENCRYPTED("attestDiskEncrypted", "ノートパソコンで持ち出す場合はハードディスク/データ・フォルダーの暗号化が必要です"),
    SCREEN_LOCK("attestScreenLock", "スマートフォン・タブレットで持ち出す場合はセキュリティロックの設定が必要です"),
    MEDIA_ERASED("attestMediaErased", "電子媒体で持ち出す場合は不要データを完全消去専用ツールで消去する必要があります"),
    DATA_ENCRYPTED("attestDataEncrypted", "電子媒体で持ち出す場合は持ち出すデータの暗号化が必要です"),
    MEDIA_TAGGED("attestMediaTagged", "USBメモリ等の小型電子媒体には大きなタグ・ストラップ・鈴を付ける必要があります"),
    ENCRYPTED_CHANNEL("attestEncryptedChannel", "社外秘・極秘の情報を屋外のネットワークで送受信する場合は暗号化通信が必要です"),
    KEPT_IN_SIGHT("attestKeptInSight", "携行中は常に監視可能な距離を保つ必要があります");

    private final String field;
    private final String requirement;

    Attestation(String field, String requirement) {
      this.field = field;
      this.requirement = requirement;
    }

    String field() {
      return field;
    }

    String requirement() {
      return requirement;
    }
  }
}
