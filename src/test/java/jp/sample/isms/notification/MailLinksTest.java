package jp.sample.isms.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where mails link to: the configured address of an installation, else this machine on the port it listens on. */
class MailLinksTest {

  @Test
  void aConfiguredAddressIsUsedWithWhateverPrefixTheProxyAdds() {
    MailLinks links = new MailLinks("https://isms.example.co.jp/isms/camunda/app/tasklist/default/", 8080);

    assertThat(links.tasklist()).isEqualTo("https://isms.example.co.jp/isms/camunda/app/tasklist/default/");
    assertThat(links.task("t-1")).isEqualTo("https://isms.example.co.jp/isms/camunda/app/tasklist/default/#/?task=t-1");
    assertThat(links.welcome()).isEqualTo("https://isms.example.co.jp/isms/camunda/app/welcome/default/#/welcome");
    assertThat(links.myRequests()).isEqualTo("https://isms.example.co.jp/isms/my/");
  }

  @Test
  void withoutAnAddressTheLinksFollowServerPort() {
    MailLinks links = new MailLinks("", 9090);

    assertThat(links.tasklist()).isEqualTo("http://localhost:9090/camunda/app/tasklist/default/");
    assertThat(links.myRequests()).isEqualTo("http://localhost:9090/my/");
    assertThat(links.welcome()).isEqualTo("http://localhost:9090/camunda/app/welcome/default/#/welcome");
  }

  @Test
  void anAddressElsewhereStillFindsTheListBesideIt() {
    assertThat(new MailLinks("https://tasks.example.co.jp/tasklist/", 8080).myRequests())
        .isEqualTo("https://tasks.example.co.jp/my/");
  }
}
