package jp.sample.isms.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.IsmsSpringBootTest;

/** Request numbers stay unique when many requests are filed at once, also the first ones of a new year. */
@IsmsSpringBootTest
class BusinessKeyGeneratorTest {

  @Autowired
  BusinessKeyGenerator keys;
  @Autowired
  PlatformTransactionManager transactionManager;

  @Test
  void concurrentFirstFilingsOfANewYearGetDistinctNumbers() throws Exception {
    LocalDate newYear = LocalDate.of(2031 + (int) (System.nanoTime() % 50), 1, 1);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> filings = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        filings.add(() -> new TransactionTemplate(transactionManager).execute(status -> keys.next("ZZ", newYear)));
      }
      List<String> numbers = new ArrayList<>();
      for (Future<String> number : clients.invokeAll(filings)) {
        numbers.add(number.get());
      }
      assertThat(new HashSet<>(numbers)).hasSize(40);
      assertThat(numbers).contains("ZZ-" + newYear.getYear() + "-0001", "ZZ-" + newYear.getYear() + "-0040");
    } finally {
      clients.shutdownNow();
    }
  }
}
