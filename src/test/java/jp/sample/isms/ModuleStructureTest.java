package jp.sample.isms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The product's modules are the top-level packages under {@code jp.sample.isms}. Each uses another only through what
 * that one offers (its base package, its named interfaces) and only the modules its {@code package-info.java} allows;
 * bulk approval and every flow lie on no cycle, and the kernel builds on none of the modules around it. The base
 * modules still form one cycle among themselves ({@link #STILL_ENTANGLED}, see docs/architecture.md); it may only
 * shrink (a module that leaves it is taken off the list), and once it is empty {@link ApplicationModules#verify()}
 * holds as a whole. The module documentation (PlantUML component
 * diagrams and module canvases) is written to {@code target/spring-modulith-docs}.
 */
class ModuleStructureTest {

  static final ApplicationModules MODULES = ApplicationModules.of(IsmsApplication.class);

  /**
   * The modules that still depend on each other in a circle. attachment, accounts and substitution are on it only
   * through the base modules: audit's engine history uses the attachment formats, sso disables accounts.
   */
  static final Set<String> STILL_ENTANGLED = Set.of("administration", "approval", "audit", "design", "engine",
      "organisation", "sso", "system", "attachment", "accounts", "substitution");

  @Test
  void everyModuleUsesOthersOnlyThroughTheirInterfacesAndAllowedDependencies() {
    var violations = MODULES.detectViolations().filter(v -> !v.getMessage().startsWith("Cycle detected"));
    assertThat(violations.getMessages()).isEmpty();
  }

  @Test
  void noModuleJoinsTheRemainingCycleAndNoOtherCycleExists() {
    List<Set<String>> cycles = cycles(graph());
    assertThat(cycles).as("modules that depend on each other in a circle").hasSizeLessThanOrEqualTo(1);
    Set<String> entangled = cycles.isEmpty() ? Set.of() : cycles.get(0);
    assertThat(entangled).as("modules on the cycle").isSubsetOf(STILL_ENTANGLED);
    assertThat(entangled).doesNotContain("bulkapproval");
  }

  @Test
  void theKernelBuildsOnNoneOfTheModulesAroundIt() {
    Map<String, Set<String>> graph = graph();
    assertThat(graph.get("approval")).doesNotContain("attachment", "substitution", "bulkapproval", "accounts");
    assertThat(graph.get("organisation")).doesNotContain("approval", "accounts", "substitution");
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

  /** The strongly connected components of more than one module (Tarjan). */
  private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new java.util.HashSet<>();
    List<Set<String>> result = new java.util.ArrayList<>();
    int[] counter = {0};
    for (String node : graph.keySet()) {
      if (!index.containsKey(node)) {
        connect(node, graph, index, low, stack, onStack, result, counter);
      }
    }
    return result;
  }

  private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> result, int[] counter) {
    index.put(node, counter[0]);
    low.put(node, counter[0]++);
    stack.push(node);
    onStack.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        connect(next, graph, index, low, stack, onStack, result, counter);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      if (component.size() > 1) {
        result.add(component);
      }
    }
  }
}
