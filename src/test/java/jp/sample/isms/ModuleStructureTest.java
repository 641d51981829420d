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
 * extensions); a module allows only the dependencies it uses. The module documentation (PlantUML component diagrams
 * and module canvases) is written to {@code target/spring-modulith-docs}.
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
  void everyAllowedDependencyIsUsed() {
    Map<String, Set<String>> graph = graph();
    Map<String, Set<String>> unused = new LinkedHashMap<>();
    for (ApplicationModule module : MODULES) {
      Set<String> allowed = new TreeSet<>();
      for (String dependency : allowedDependencies(module)) {
        allowed.add(dependency.split("::")[0].trim());
      }
      allowed.removeAll(graph.get(name(module)));
      if (!allowed.isEmpty()) {
        unused.put(name(module), allowed);
      }
    }
    assertThat(unused).as("allowed dependencies a module does not use").isEmpty();
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

  /** What the module's {@code package-info.java} allows; empty where it declares nothing (any module may be used). */
  private static String[] allowedDependencies(ApplicationModule module) {
    try {
      Class<?> packageInfo = Class.forName(module.getBasePackage().getName() + ".package-info");
      org.springframework.modulith.ApplicationModule declared = packageInfo
          .getAnnotation(org.springframework.modulith.ApplicationModule.class);
      return declared == null ? new String[0] : java.util.Arrays.stream(declared.allowedDependencies())
          .filter(dependency -> !dependency.equals(org.springframework.modulith.ApplicationModule.OPEN_TOKEN))
          .toArray(String[]::new);
    } catch (ClassNotFoundException e) {
      return new String[0];
    }
  }

  private static String name(ApplicationModule module) {
    return module.getIdentifier().toString();
  }
}
