package jp.sample.isms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The product's modules are the top-level packages under {@code jp.sample.isms}. {@link ApplicationModules#verify()}
 * holds as a whole: each module uses another only through what that one offers (its base package, its named
 * interfaces) and only the modules its {@code package-info.java} allows, and no modules depend on each other in a
 * circle. Beyond that, the kernel builds on none of the modules around it, {@code engine} (what the engine does not
 * publish) builds on no module, and nothing builds on {@code engineconfig} (the registration of the engine's
 * extensions). The module documentation (PlantUML component diagrams and module canvases) is written to
 * {@code target/spring-modulith-docs}.
 */
class ModuleStructureTest {

  static final ApplicationModules MODULES = ApplicationModules.of(IsmsApplication.class);

  @Test
  void everyModuleUsesOthersOnlyThroughTheirInterfacesAndAllowedDependenciesAndNoneInACircle() {
    MODULES.verify();
  }

  @Test
  void theKernelBuildsOnNoneOfTheModulesAroundIt() {
    Map<String, Set<String>> graph = graph();
    assertThat(graph.get("approval")).doesNotContain("attachment", "substitution", "bulkapproval", "accounts");
    assertThat(graph.get("organisation")).doesNotContain("approval", "accounts", "substitution");
  }

  @Test
  void theEngineInternalsBuildOnNoModuleAndNoModuleBuildsOnTheEngineConfiguration() {
    Map<String, Set<String>> graph = graph();
    assertThat(graph.get("engine")).isEmpty();
    graph.forEach((module, targets) -> assertThat(targets).as(module).doesNotContain("engineconfig"));
    assertThat(graph.get("engineconfig")).contains("approval", "audit", "design", "system", "engine");
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES)
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }

  private static Map<String, Set<String>> graph() {
    Map<String, Set<String>> graph = new LinkedHashMap<>();
    for (ApplicationModule module : MODULES) {
      Set<String> targets = new TreeSet<>();
      module.getDirectDependencies(MODULES).stream().map(ApplicationModuleDependency::getTargetModule)
          .map(ModuleStructureTest::name).filter(target -> !target.equals(name(module))).forEach(targets::add);
      graph.put(name(module), targets);
    }
    return graph;
  }

  private static String name(ApplicationModule module) {
    return module.getIdentifier().toString();
  }
}
