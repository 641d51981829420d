package jp.sample.isms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.Test;

import jp.sample.isms.support.DemoOrganisation;

/**
 * Every private field of the engine the product reads resolves against the engine on the class path; when an
 * upgrade moves one, this test names each that moved and what depends on it. No other main class uses reflection.
 */
class EngineInternalsTest {

  @Test
  void workAsTheSystemOrAsAnotherUserRestoresTheCallerEvenWhenItFails() {
    IdentityService identity = new IdentityServiceImpl();
    identity.setAuthentication("yamada", List.of("staff"));
    assertThat(EngineInternals.asSystem(identity, () -> CurrentUser.of(identity))).isNull();
    assertThat(CurrentUser.of(identity).getUserId()).isEqualTo("yamada");
    CurrentUser other = EngineInternals.asUser(identity, "suzuki", List.of("auditor"), () -> CurrentUser.of(identity));
    assertThat(other.getUserId()).isEqualTo("suzuki");
    assertThat(other.inGroup("auditor")).isTrue();
    assertThat(other.inGroup("staff")).isFalse();
    assertThatThrownBy(() -> EngineInternals.asUser(identity, "suzuki", List.of(), () -> {
      throw new IllegalArgumentException("refused");
    })).hasMessage("refused");
    assertThat(CurrentUser.of(identity).getUserId()).isEqualTo("yamada");
    assertThat(CurrentUser.of(identity).getGroupIds()).containsExactly("staff");

    identity.clearAuthentication();
    EngineInternals.asUser(identity, "suzuki", List.of(), () -> null);
    assertThat(CurrentUser.of(identity)).isNull();
    assertThat(EngineInternals.asSystem(identity, () -> "done")).isEqualTo("done");
    assertThat(CurrentUser.of(identity)).isNull();
  }

  @Test
  void outsideACommandThereIsNoCommandUserAndNoCommand() {
    assertThat(EngineInternals.inCommand()).isFalse();
    assertThat(EngineInternals.commandUser()).isNull();
    assertThat(EngineInternals.commandGroups()).isNull();
    assertThat(EngineInternals.currentCommand()).isNull();
    assertThat(CurrentUser.ofCommand()).isNull();
    assertThat(EngineInternals.withAuthorizationChecksOff(() -> "as it is")).isEqualTo("as it is");
  }

  @Test
  void everyDeclaredAccessResolvesAgainstThisEngine() {
    List<String> moved = new ArrayList<>();
    for (EngineInternals.Access access : EngineInternals.declared()) {
      try {
        access.resolve();
      } catch (IllegalStateException e) {
        moved.add(e.getMessage());
      }
    }
    assertThat(moved).as("engine internals the product reads that this engine does not have").isEmpty();
    assertThat(EngineInternals.declared()).hasSizeGreaterThanOrEqualTo(20);
  }

  @Test
  void aMovedFieldIsNamedWithWhatDependsOnIt() {
    EngineInternals.Access missing = new EngineInternals.Access(SaveAuthorizationCmd.class, "noSuchField",
        "an example of what depends on it");
    org.assertj.core.api.Assertions.assertThatThrownBy(missing::resolve)
        .hasMessageContaining(SaveAuthorizationCmd.class.getName() + ".noSuchField")
        .hasMessageContaining("an example of what depends on it");
  }

  @Test
  void theDeclaredFieldsHoldWhatTheProductReadsFromThem() {
    AuthorizationEntity revoke = new AuthorizationEntity(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    revoke.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
    revoke.setResourceId("*");
    assertThat(EngineInternals.SAVE_AUTHORIZATION.read(new SaveAuthorizationCmd(revoke))).isSameAs(revoke);

    AddCommentCmd comment = new AddCommentCmd("task-1", "instance-1", "確認しました");
    assertThat(EngineInternals.historyField(comment, "taskId")).isEqualTo("task-1");
    assertThat(EngineInternals.historyField(comment, "processInstanceId")).isEqualTo("instance-1");
    assertThat(EngineInternals.historyField(comment, "message")).isEqualTo("確認しました");
    // a command without such a field answers null
    assertThat(EngineInternals.historyField(comment, "commentId")).isNull();
    assertThat(EngineInternals.historyField(new DeleteUserOperationLogEntryCmd("entry-1"), "taskId")).isNull();
  }

  @Test
  void noOtherMainClassUsesReflection() throws IOException {
    Path main = Path.of("src/main/java");
    Path owner = main.resolve("jp/sample/isms/engine/EngineInternals.java");
    try (Stream<Path> files = Files.walk(main)) {
      List<Path> reflective = files.filter(f -> f.toString().endsWith(".java")).filter(f -> !f.equals(owner))
          .filter(f -> {
            try {
              String text = Files.readString(f);
              return text.contains("setAccessible(") || text.contains("getDeclaredField(")
                  || text.contains("getDeclaredMethod(");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }).toList();
      assertThat(reflective).as("reflection outside EngineInternals").isEmpty();
    }
  }
}
