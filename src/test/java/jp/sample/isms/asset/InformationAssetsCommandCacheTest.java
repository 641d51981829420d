package jp.sample.isms.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import jp.sample.isms.support.EngineCommands;
import jp.sample.isms.support.EngineCommands.RollBack;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Inside an engine command an asset in force is read once; a new version saved in the command is what the command
 * reads afterwards; the next command reads the register. Commands that change the register end by throwing, so their
 * transaction is rolled back.
 */
@IsmsSpringBootTest
class InformationAssetsCommandCacheTest {

  private static final String ASSET = "IA-0001";

  @Autowired
  ProcessEngine engine;
  @Autowired
  InformationAssets assets;
  @Autowired
  JdbcTemplate jdbc;


  private CommandExecutor commands() {
    return EngineCommands.of(engine);
  }

  @Test
  void aCommandReadsAnAssetOnceAndSeesAVersionSavedInTheSameCommand() {
    InformationAsset before = assets.find(ASSET).orElseThrow();
    List<InformationAsset> seen = new ArrayList<>();
    assertThatThrownBy(() -> commands().execute(context -> {
      seen.add(assets.find(ASSET).orElseThrow());
      // a write behind the register's back is not seen: the command already read the asset
      jdbc.update("update information_asset set name = '裏口の変更' where asset_id = ?", ASSET);
      seen.add(assets.findAll(List.of(ASSET)).get(0));
      // a new version through the register is seen by the rest of the command
      InformationAsset current = seen.get(0);
      assets.save(new InformationAsset(current.assetId(), 0, "台帳で変えた名前", current.description(),
          current.kind(), current.location(), current.classification(), current.classificationReason(),
          current.ownerDepartment(), current.userDepartments(), current.userPersons(), current.labelling(),
          current.labelImpossible(), current.personalData(), current.retention(), current.status(), null, null, null,
          null), DemoOrganisation.SYSTEM_ADMINISTRATOR, "CACHE-TEST", "UPDATED", OffsetDateTime.now());
      seen.add(assets.find(ASSET).orElseThrow());
      throw new RollBack();
    })).isInstanceOf(RollBack.class);

    assertThat(seen.get(0).name()).isEqualTo(before.name());
    assertThat(seen.get(1).name()).isEqualTo(before.name());
    assertThat(seen.get(2).name()).isEqualTo("台帳で変えた名前");
    assertThat(seen.get(2).version()).isEqualTo(before.version() + 1);
    // rolled back, and the next command reads the register
    InformationAsset after = commands().execute(context -> assets.find(ASSET).orElseThrow());
    assertThat(after).isEqualTo(before);
  }

  @Test
  void twoCommandsDoNotShareAnAsset() {
    InformationAsset before = assets.find(ASSET).orElseThrow();
    String first = commands().execute(context -> assets.find(ASSET).orElseThrow().name());
    assertThat(first).isEqualTo(before.name());
    try {
      jdbc.update("update information_asset set name = '別の名前' where asset_id = ?", ASSET);
      String next = commands().execute(context -> assets.find(ASSET).orElseThrow().name());
      assertThat(next).isEqualTo("別の名前");
      // outside a command every call reads the register
      assertThat(assets.find(ASSET).orElseThrow().name()).isEqualTo("別の名前");
    } finally {
      jdbc.update("update information_asset set name = ? where asset_id = ?", before.name(), ASSET);
    }
  }

  @Test
  void anAssetRetiredInTheCommandIsReadRetired() {
    InformationAsset before = assets.find(ASSET).orElseThrow();
    List<Boolean> retired = new ArrayList<>();
    assertThatThrownBy(() -> commands().execute(context -> {
      retired.add(assets.find(ASSET).orElseThrow().retired());
      assets.retire(ASSET, DemoOrganisation.SYSTEM_ADMINISTRATOR, "CACHE-TEST", OffsetDateTime.now());
      retired.add(assets.find(ASSET).orElseThrow().retired());
      // retiring again finds it retired
      retired.add(assets.retire(ASSET, DemoOrganisation.SYSTEM_ADMINISTRATOR, "CACHE-TEST", OffsetDateTime.now())
          .isPresent());
      throw new RollBack();
    })).isInstanceOf(RollBack.class);
    assertThat(retired).containsExactly(false, true, false);
    assertThat(assets.find(ASSET).orElseThrow()).isEqualTo(before);
  }
}
