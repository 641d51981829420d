/**
 * 媒体の廃棄・再利用申請 (3.3.1, 3.3.2, 4.1.2): process {@code mediaDisposal}, its method and routing tables, the
 * certificate of destruction check and the 媒体廃棄台帳.
 */
package jp.sample.isms.mediadisposal;
