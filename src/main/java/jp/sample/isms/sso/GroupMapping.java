package jp.sample.isms.sso;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table IdP group → product groups. The product groups it names are the IdP's to give and take; every other
 * product group is left alone. Exact names only: no pattern, no group taken over by its name, so that an IdP group
 * called {@code camunda-admin} gives nothing unless a row maps it.
 */
final class GroupMapping {

  private final Map<String, List<String>> table;

  GroupMapping(Map<String, List<String>> table) {
    this.table = table == null ? Map.of() : Map.copyOf(table);
  }

  /** Every product group this table manages. */
  Set<String> managed() {
    Set<String> managed = new TreeSet<>();
    table.values().forEach(managed::addAll);
    return managed;
  }

  /** The product groups that the person's IdP groups grant. */
  Set<String> granted(Collection<String> idpGroups) {
    Set<String> granted = new TreeSet<>();
    if (idpGroups != null) {
      for (String idpGroup : idpGroups) {
        List<String> groups = table.get(idpGroup);
        if (groups != null) {
          granted.addAll(groups);
        }
      }
    }
    return granted;
  }
}
