package jp.sample.isms.securityapproval;

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
 * The demo organisation's 社内IT機材管理台帳 and approved software list (organisation/demo-it-devices.csv,
 * demo-it-software.csv), loaded through the import into an empty register when the demo organisation is.
 */
@Component
class DemoItRegister {

  static final String DEVICES = "organisation/demo-it-devices.csv";
  static final String SOFTWARE = "organisation/demo-it-software.csv";
  private static final Logger LOG = LoggerFactory.getLogger(DemoItRegister.class);

  private final IsmsProperties properties;
  private final ItRegisterImport importer;
  private final JdbcTemplate jdbc;

  DemoItRegister(IsmsProperties properties, ItRegisterImport importer, JdbcTemplate jdbc) {
    this.properties = properties;
    this.importer = importer;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  void load() throws IOException {
    Integer changes = jdbc.queryForObject("select count(*) from it_register_history", Integer.class);
    if (!properties.demo().enabled() || changes == null || changes > 0) {
      return;
    }
    try {
      importer.loadDevices(read(DEVICES), "system");
      importer.loadSoftware(read(SOFTWARE), "system");
    } catch (DuplicateKeyException loadedByAnotherNode) {
      // several nodes starting on one database: the first one loaded it
      LOG.info("the demo IT equipment register was loaded by another node");
    }
  }

  private static byte[] read(String file) throws IOException {
    try (InputStream in = new ClassPathResource(file).getInputStream()) {
      return in.readAllBytes();
    }
  }
}
