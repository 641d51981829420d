package jp.sample.isms.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GroupMappingTest {

  @Test
  void anIdpGroupGrantsOnlyTheProductGroupsItsRowNames() {
    GroupMapping mapping = new GroupMapping(Map.of("it-admins", List.of("camunda-admin"),
        "auditors", List.of("audit-officer")));
    assertThat(mapping.granted(List.of("auditors", "sales"))).containsExactly("audit-officer");
    assertThat(mapping.managed()).containsExactly("audit-officer", "camunda-admin");
  }

  @Test
  void anIdpGroupCalledCamundaAdminGrantsNothingWithoutARow() {
    assertThat(new GroupMapping(Map.of()).granted(List.of("camunda-admin"))).isEmpty();
    assertThat(new GroupMapping(Map.of("it-admins", List.of("camunda-admin"))).granted(List.of("camunda-admin")))
        .isEmpty();
    assertThat(new GroupMapping(null).managed()).isEmpty();
  }
}
