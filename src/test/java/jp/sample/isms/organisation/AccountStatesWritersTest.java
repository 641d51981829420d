package jp.sample.isms.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Every public writer of {@link AccountStates} makes the next read of the same HTTP request read the account again:
 * each writer below is called after the request read kato's row and the row was changed behind AccountStates' back,
 * and the read after the writer sees that change. The public methods are either readers or listed writers, and the
 * class writes its table in one place, so a new writer cannot keep a request's stale read.
 */
@IsmsSpringBootTest
class AccountStatesWritersTest {

  private static final String KATO = DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE;
  private static final Set<String> READERS = Set.of("isDisabled", "mustChangePassword", "password",
      "unwarnedPasswordsSetBefore", "inactiveSince");

  @Autowired
  AccountStates accounts;
  @Autowired
  JdbcTemplate jdbc;

  private Map<String, Object> before;

  @BeforeEach
  void remember() {
    accounts.enable(KATO);
    before = jdbc.queryForMap("select must_change_password, password_changed_at, password_expiry_warned_at, "
        + "last_login_at from account_state where user_id = ?", KATO);
  }

  @AfterEach
  void restore() {
    RequestContextHolder.resetRequestAttributes();
    jdbc.update("update account_state set disabled = false, disabled_at = null, disabled_by = null, reason = null, "
        + "must_change_password = ?, password_changed_at = ?, password_expiry_warned_at = ?, last_login_at = ? "
        + "where user_id = ?", before.get("must_change_password"), before.get("password_changed_at"),
        before.get("password_expiry_warned_at"), before.get("last_login_at"), KATO);
  }

  /** A writer, and what to change behind AccountStates' back before it runs. */
  private record Case(Consumer<AccountStates> writer, String behindTheBack) {
  }

  private static final String MUST_CHANGE = "update account_state set must_change_password = true where user_id = 'kato'";
  private static final String DISABLED = "update account_state set disabled = true where user_id = 'kato'";

  private Map<String, Case> writers() {
    Map<String, Case> writers = new LinkedHashMap<>();
    writers.put("disable", new Case(a -> a.disable(KATO, DemoOrganisation.SYSTEM_ADMINISTRATOR, "退職"),
        MUST_CHANGE));
    writers.put("enable", new Case(a -> a.enable(KATO), MUST_CHANGE));
    writers.put("loggedIn", new Case(a -> a.loggedIn(KATO),
        DISABLED.replace("disabled = true", "disabled = true, last_login_at = null")));
    writers.put("passwordSet", new Case(a -> a.passwordSet(KATO, true), DISABLED));
    writers.put("passwordSetBySystem", new Case(a -> a.passwordSetBySystem(KATO), DISABLED));
    writers.put("startPasswordClocks", new Case(a -> assertThat(a.startPasswordClocks(Instant.now())).isPositive(),
        DISABLED.replace("disabled = true", "disabled = true, password_changed_at = null")));
    writers.put("passwordExpiryWarned", new Case(a -> assertThat(a.passwordExpiryWarned(KATO,
        jdbc.queryForObject("select password_changed_at from account_state where user_id = 'kato'", Timestamp.class)
            .toInstant(), Instant.now())).isTrue(), DISABLED));
    return writers;
  }

  @Test
  void everyPublicMethodIsAReaderOrAListedWriter() {
    Set<String> publicMethods = Arrays.stream(AccountStates.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()).map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> known = new TreeSet<>(READERS);
    known.addAll(writers().keySet());
    assertThat(publicMethods).isEqualTo(known);
  }

  @Test
  void accountStatesWritesItsTableInOnePlace() throws IOException {
    String source = Files.readString(Path.of("src/main/java/jp/sample/isms/organisation/AccountStates.java"));
    assertThat(source.split("jdbc\\.update\\(", -1)).as("calls of jdbc.update").hasSize(2);
    assertThat(source).doesNotContain("jdbc.batchUpdate", "jdbc.execute");
  }

  @Test
  void everyWriterMakesTheNextReadOfTheRequestReadTheAccountAgain() {
    writers().forEach((name, writer) -> {
      restore();
      RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
      assertThat(accounts.isDisabled(KATO)).as(name).isFalse();
      assertThat(accounts.mustChangePassword(KATO)).as(name).isFalse();
      jdbc.update(writer.behindTheBack());
      // not seen yet: the request keeps what it read
      assertThat(accounts.isDisabled(KATO) || accounts.mustChangePassword(KATO)).as(name).isFalse();

      writer.writer().accept(accounts);

      if (writer.behindTheBack().contains("must_change_password")) {
        assertThat(accounts.mustChangePassword(KATO)).as(name + " reads the account again").isTrue();
      } else {
        assertThat(accounts.isDisabled(KATO)).as(name + " reads the account again").isTrue();
      }
    });
  }
}
