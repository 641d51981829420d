package jp.sample.isms.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.IsmsSpringBootTest;

/**
 * A command-scoped cache reads each key once per engine command; what its owner writes in the command is what the
 * command reads next; another command, a transaction of its own inside a command, and code outside any command read
 * again.
 */
@IsmsSpringBootTest
class CommandScopedCacheTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  PlatformTransactionManager transactionManager;

  private final CommandScopedCache<String, String> cache = new CommandScopedCache<>("test values");
  private final AtomicInteger reads = new AtomicInteger();
  private final Function<String, String> read = key -> key + "#" + reads.incrementAndGet();

  private CommandExecutor commands() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  @Test
  void aCommandReadsEachKeyOnce() {
    List<String> seen = commands().execute(context -> {
      List<String> values = new ArrayList<>();
      values.add(cache.get("a", read));
      values.add(cache.get("a", read));
      values.add(cache.get("b", read));
      values.add(cache.get("a", read));
      return values;
    });
    assertThat(seen).containsExactly("a#1", "a#1", "b#2", "a#1");
    assertThat(reads).hasValue(2);
  }

  @Test
  void aWriteInTheCommandIsSeenByItsLaterReads() {
    List<String> seen = commands().execute(context -> {
      List<String> values = new ArrayList<>();
      values.add(cache.get("a", read));
      cache.put("a", "written");
      values.add(cache.get("a", read));
      cache.forget("a");
      values.add(cache.get("a", read));
      cache.get("b", read);
      cache.forgetAll();
      values.add(cache.get("a", read));
      values.add(cache.get("b", read));
      return values;
    });
    assertThat(seen).containsExactly("a#1", "written", "a#2", "a#4", "b#5");
  }

  @Test
  void aNullAnswerIsKeptToo() {
    AtomicInteger nulls = new AtomicInteger();
    commands().execute(context -> {
      cache.get("none", key -> {
        nulls.incrementAndGet();
        return null;
      });
      return cache.get("none", key -> {
        nulls.incrementAndGet();
        return null;
      });
    });
    assertThat(nulls).hasValue(1);
  }

  @Test
  void twoCommandsDoNotShare() {
    String first = commands().execute(context -> cache.get("a", read));
    String second = commands().execute(context -> cache.get("a", read));
    assertThat(first).isEqualTo("a#1");
    assertThat(second).isEqualTo("a#2");
    // nothing is left behind on the thread once a command has ended
    assertThat(cache.size()).isZero();
  }

  @Test
  void twoCommandsInOneTransactionDoNotShare() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    List<String> seen = transaction.execute(status -> List.of(commands().execute(context -> cache.get("a", read)),
        commands().execute(context -> cache.get("a", read))));
    assertThat(seen).containsExactly("a#1", "a#2");
  }

  @Test
  void aTransactionOfItsOwnInsideTheCommandReadsForItselfAndTheCommandKeepsItsValues() {
    TransactionTemplate separate = new TransactionTemplate(transactionManager);
    separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    List<String> seen = commands().execute(context -> {
      List<String> values = new ArrayList<>();
      values.add(cache.get("a", read));
      values.add(separate.execute(status -> cache.get("a", read)));
      values.add(cache.get("a", read));
      return values;
    });
    assertThat(seen).containsExactly("a#1", "a#2", "a#1");
  }

  @Test
  void aCommandInANewContextInsideTheSameTransactionNeitherUsesNorClearsTheValuesOfTheCommandAroundIt() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // a context of its own, no transaction of its own: the inner command joins the outer command's transaction
    CommandContextInterceptor newContext =
        new CommandContextInterceptor(configuration.getCommandContextFactory(), configuration, true);
    newContext.setNext(new CommandExecutorImpl());
    List<String> seen = commands().execute(outer -> {
      List<String> values = new ArrayList<>();
      values.add(cache.get("a", read));
      values.add(newContext.execute(inner -> {
        assertThat(inner).isNotSameAs(outer);
        String first = cache.get("a", read);
        cache.get("b", read);
        return first + "," + cache.get("a", read);
      }));
      values.add(cache.get("a", read));
      values.add(cache.get("b", read));
      return values;
    });
    assertThat(seen).containsExactly("a#1", "a#2,a#2", "a#1", "b#4");
    assertThat(reads).hasValue(4);
  }

  @Test
  void outsideACommandEveryCallReads() {
    assertThat(cache.get("a", read)).isEqualTo("a#1");
    assertThat(cache.get("a", read)).isEqualTo("a#2");
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    // a transaction alone is not a command
    String inTransaction = transaction.execute(status -> cache.get("a", read) + cache.get("a", read));
    assertThat(inTransaction).isEqualTo("a#3a#4");
    cache.put("a", "ignored");
    assertThat(cache.size()).isZero();
  }

  @Test
  void aReadThatRanAWriterOfTheSameCacheIsNotKept() {
    List<String> seen = commands().execute(context -> {
      List<String> values = new ArrayList<>();
      values.add(cache.get("a", key -> {
        cache.forget("a");
        return "overlapped";
      }));
      values.add(cache.get("a", read));
      return values;
    });
    assertThat(seen).containsExactly("overlapped", "a#1");
  }
}
