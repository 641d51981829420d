package jp.sample.isms.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import jp.sample.isms.support.EngineCommands;
import jp.sample.isms.support.EngineCommands.RollBack;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Inside an engine command each mail recipient is read once; a user saved through the engine in the same command
 * (a changed address) is not kept but read again; the next command reads the database. Commands end by throwing, so their mails
 * and changes are rolled back.
 */
@IsmsSpringBootTest
class MailRecipientCommandCacheTest {

  private static final String USER = DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE;

  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;
  @Autowired
  MailOutbox outbox;
  @Autowired
  JdbcTemplate jdbc;


  private CommandExecutor commands() {
    return EngineCommands.of(engine);
  }

  private String queue(String key) {
    outbox.enqueue(key, USER, "stranded-steps", Map.of("count", 1));
    return jdbc.queryForObject("select address from mail_outbox where dedup_key = ?", String.class, key);
  }

  private static String key() {
    return "cache-test:" + System.nanoTime();
  }

  @Test
  void aCommandReadsARecipientOnceAndAgainAfterSavingTheUser() {
    String before = jdbc.queryForObject("select EMAIL_ from ACT_ID_USER where ID_ = ?", String.class, USER);
    List<String> addresses = new ArrayList<>();
    assertThatThrownBy(() -> commands().execute(context -> {
      addresses.add(queue(key()));
      // an address changed behind the engine's back is not read again in the command
      jdbc.update("update ACT_ID_USER set EMAIL_ = 'behind@example.invalid' where ID_ = ?", USER);
      addresses.add(queue(key()));
      // a user saved through the engine in the command is read again (from the database: the engine writes the
      // user when the command ends, so what is read is the change made behind its back, not what was kept)
      User user = identityService.createUserQuery().userId(USER).singleResult();
      user.setEmail("saved@example.invalid");
      identityService.saveUser(user);
      addresses.add(queue(key()));
      throw new RollBack();
    })).isInstanceOf(RollBack.class);

    assertThat(addresses).containsExactly(before, before, "behind@example.invalid");
    assertThat(jdbc.queryForObject("select EMAIL_ from ACT_ID_USER where ID_ = ?", String.class, USER))
        .isEqualTo(before);
  }

  @Test
  void twoCommandsDoNotShareARecipient() {
    String before = jdbc.queryForObject("select EMAIL_ from ACT_ID_USER where ID_ = ?", String.class, USER);
    List<String> addresses = new ArrayList<>();
    try {
      assertThatThrownBy(() -> commands().execute(context -> {
        addresses.add(queue(key()));
        throw new RollBack();
      })).isInstanceOf(RollBack.class);
      jdbc.update("update ACT_ID_USER set EMAIL_ = 'next@example.invalid' where ID_ = ?", USER);
      assertThatThrownBy(() -> commands().execute(context -> {
        addresses.add(queue(key()));
        throw new RollBack();
      })).isInstanceOf(RollBack.class);
    } finally {
      jdbc.update("update ACT_ID_USER set EMAIL_ = ? where ID_ = ?", before, USER);
    }
    assertThat(addresses).containsExactly(before, "next@example.invalid");
  }
}
