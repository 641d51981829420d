package jp.sample.isms.engine;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one engine command has read, kept for the rest of that command: the owner of a read (one instance per kind of
 * read) keeps one instance and asks it instead of the database. This is the product's one way of keeping a read for the
 * length of a command. A value is kept only inside an engine command that runs in a Spring transaction, and only for
 * that command: another command, a transaction of its own inside the command ({@code REQUIRES_NEW}, e.g. a refusal
 * recorded separately) and everything outside a command read the database. The owner's writers call {@link #put},
 * {@link #forget} or {@link #forgetAll} so that the rest of the command reads what they wrote.
 *
 * <p>The values are held by a synchronization registered with the running transaction, per command (by the identity
 * of the command's context, {@link EngineInternals#currentCommand()}): a nested command of the same engine runs in the
 * same context and shares them; a command with a context of its own — the next one on the same thread, or one nested
 * in a new context inside the same transaction — starts without them and neither uses nor clears those of the command
 * around it. They end with the transaction (committed or rolled back), so nothing is left for the next command on a
 * pooled thread, and a transaction suspended for another one keeps its own. Not shared between threads (a transaction
 * belongs to one).
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
    Kept<K, V> kept = kept(true);
    if (kept == null) {
      return read.apply(key);
    }
    if (kept.map.containsKey(key)) {
      return kept.map.get(key);
    }
    long before = kept.generation;
    V value = read.apply(key);
    // the read may have run a writer of this cache: keep only what no write overlapped
    if (kept(false) == kept && kept.generation == before) {
      kept.map.put(key, value);
    }
    return value;
  }

  /** What the running command wrote for {@code key}: later reads in the command get it without reading. */
  public void put(K key, V value) {
    Kept<K, V> kept = kept(true);
    if (kept != null) {
      kept.generation++;
      kept.map.put(key, value);
    }
  }

  /** The running command changed what {@code key} reads: the next read in the command reads the database. */
  public void forget(K key) {
    Kept<K, V> kept = kept(false);
    if (kept != null) {
      kept.generation++;
      kept.map.remove(key);
    }
  }

  /** The running command changed what this cache reads, in a way the owner cannot name by key. */
  public void forgetAll() {
    Kept<K, V> kept = kept(false);
    if (kept != null) {
      kept.generation++;
      kept.map.clear();
    }
  }

  /** How many values the running command keeps (0 outside a command): for tests. */
  public int size() {
    Kept<K, V> kept = kept(false);
    return kept == null ? 0 : kept.map.size();
  }

  @Override
  public String toString() {
    return "CommandScopedCache[" + name + "]";
  }

  /** This cache's values for the running command in the running transaction; null where nothing may be kept. */
  private Kept<K, V> kept(boolean create) {
    Object command = EngineInternals.currentCommand();
    if (command == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Values<K, V> values = null;
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Values<?, ?> candidate && candidate.owner == this) {
        @SuppressWarnings("unchecked")
        Values<K, V> mine = (Values<K, V>) candidate;
        values = mine;
        break;
      }
    }
    if (values == null) {
      if (!create) {
        return null;
      }
      values = new Values<>(this);
      TransactionSynchronizationManager.registerSynchronization(values);
    }
    Kept<K, V> kept = values.byCommand.get(command);
    if (kept == null && create) {
      kept = new Kept<>();
      values.byCommand.put(command, kept);
    }
    return kept;
  }

  /** What one command keeps. */
  private static final class Kept<K, V> {

    private final Map<K, V> map = new HashMap<>();
    /** Counts the writes: a read that overlapped a write is not kept. */
    private long generation;
  }

  /**
   * The values one transaction keeps for this cache, per command (by identity: a context is never equal to another);
   * dropped with the transaction.
   */
  private static final class Values<K, V> implements TransactionSynchronization {

    private final CommandScopedCache<K, V> owner;
    private final Map<Object, Kept<K, V>> byCommand = new IdentityHashMap<>();

    Values(CommandScopedCache<K, V> owner) {
      this.owner = owner;
    }

    @Override
    public void afterCompletion(int status) {
      byCommand.clear();
    }
  }
}
