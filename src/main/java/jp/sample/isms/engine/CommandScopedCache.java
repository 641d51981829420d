package jp.sample.isms.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one engine command has read, kept for the rest of that command: the owner of a read (one bean per kind of
 * read) keeps one instance and asks it instead of the database. A value is kept only inside an engine command that
 * runs in a Spring transaction, and only for that command in that transaction: another command, a transaction of its
 * own inside the command ({@code REQUIRES_NEW}, e.g. a refusal recorded separately) and everything outside a command
 * read the database. The owner's writers call {@link #put}, {@link #forget} or {@link #forgetAll} so that the rest of
 * the command reads what they wrote.
 *
 * <p>The values are held by a synchronization registered with the running transaction: they end with it, and a
 * transaction suspended for another one keeps its own. Not shared between threads (a transaction belongs to one).
 *
 * @param <K> the key of a read (e.g. an id)
 * @param <V> what was read; null is kept as an answer too
 */
public final class CommandScopedCache<K, V> {

  private final String name;

  /** @param name what is kept, for diagnostics (e.g. {@code "information assets"}) */
  public CommandScopedCache(String name) {
    this.name = name;
  }

  /** The value for {@code key}: kept by the running command, else read by {@code read} (and kept). */
  public V get(K key, Function<? super K, ? extends V> read) {
    Values<K, V> values = values(true);
    if (values == null) {
      return read.apply(key);
    }
    if (values.map.containsKey(key)) {
      return values.map.get(key);
    }
    long before = values.generation;
    V value = read.apply(key);
    // the read may have run a writer of this cache: keep only what no write overlapped
    if (values(false) == values && values.generation == before) {
      values.map.put(key, value);
    }
    return value;
  }

  /** What the running command wrote for {@code key}: later reads in the command get it without reading. */
  public void put(K key, V value) {
    Values<K, V> values = values(true);
    if (values != null) {
      values.generation++;
      values.map.put(key, value);
    }
  }

  /** The running command changed what {@code key} reads: the next read in the command reads the database. */
  public void forget(K key) {
    Values<K, V> values = values(false);
    if (values != null) {
      values.generation++;
      values.map.remove(key);
    }
  }

  /** The running command changed what this cache reads, in a way the owner cannot name by key. */
  public void forgetAll() {
    Values<K, V> values = values(false);
    if (values != null) {
      values.generation++;
      values.map.clear();
    }
  }

  /** How many values the running command keeps (0 outside a command): for tests. */
  public int size() {
    Values<K, V> values = values(false);
    return values == null ? 0 : values.map.size();
  }

  @Override
  public String toString() {
    return "CommandScopedCache[" + name + "]";
  }

  /** This cache's values in the running transaction for the running command; null where nothing may be kept. */
  private Values<K, V> values(boolean create) {
    Object command = EngineInternals.currentCommand();
    if (command == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Values<?, ?> candidate && candidate.owner == this) {
        @SuppressWarnings("unchecked")
        Values<K, V> values = (Values<K, V>) candidate;
        if (values.command != command) {
          // another command in the same transaction: nothing of the earlier one is used
          values.command = command;
          values.generation++;
          values.map.clear();
        }
        return values;
      }
    }
    if (!create) {
      return null;
    }
    Values<K, V> values = new Values<>(this, command);
    TransactionSynchronizationManager.registerSynchronization(values);
    return values;
  }

  /** The values one transaction keeps for one command; dropped with the transaction. */
  private static final class Values<K, V> implements TransactionSynchronization {

    private final CommandScopedCache<K, V> owner;
    private Object command;
    private final Map<K, V> map = new HashMap<>();
    /** Counts the writes: a read that overlapped a write is not kept. */
    private long generation;

    Values(CommandScopedCache<K, V> owner, Object command) {
      this.owner = owner;
      this.command = command;
    }

    @Override
    public void afterCompletion(int status) {
      map.clear();
      command = null;
    }
  }
}
