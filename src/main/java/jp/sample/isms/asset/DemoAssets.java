package jp.sample.isms.asset;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.system.IsmsProperties;

/**
 * The demo organisation's 情報資産管理台帳 (organisation/demo-assets.csv), loaded through the import into an empty
 * register when the demo organisation is, after it (the owning departments must exist).
 */
@Component
class DemoAssets {

  static final String FILE = "organisation/demo-assets.csv";
  private static final Logger LOG = LoggerFactory.getLogger(DemoAssets.class);

  private final IsmsProperties properties;
  private final AssetImport importer;
  private final JdbcTemplate jdbc;

  DemoAssets(IsmsProperties properties, AssetImport importer, JdbcTemplate jdbc) {
    this.properties = properties;
    this.importer = importer;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  void load() throws IOException {
    Integer registered = jdbc.queryForObject("select count(*) from information_asset_history", Integer.class);
    if (!properties.demo().enabled() || registered == null || registered > 0) {
      return;
    }
    try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
      importer.load(in.readAllBytes(), "system", "DEMO");
    } catch (DuplicateKeyException loadedByAnotherNode) {
      // several nodes starting on one database: the first one loaded it, in one transaction
      LOG.info("the demo information asset register was loaded by another node");
    }
  }
}
