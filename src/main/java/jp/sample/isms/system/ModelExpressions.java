package jp.sample.isms.system;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The expression grammar of deployed models ({@link ExpressionGrammar}, {@link ModelExpressionCheck}) for checks
 * outside a deployment: the process owners' workbench reports each refused expression with its element.
 */
@Component
public class ModelExpressions {

  /** A refused expression: the element that holds it (null for the whole file) and why, in Japanese and English. */
  public record Problem(String element, String message) {
  }

  private final ModelExpressionCheck check;

  ModelExpressions(ApplicationContext context) {
    SecurityExtensions.ExpressionBeans beans = new SecurityExtensions.ExpressionBeans(context);
    this.check = new ModelExpressionCheck(() -> new ExpressionGrammar(beans.callables()));
  }

  /** The refused expressions of a BPMN or DMN file; a file that is not readable XML is one problem. */
  public List<Problem> problems(String resourceName, String content) {
    try {
      return check.problems(resourceName, content.getBytes(StandardCharsets.UTF_8)).stream().map(p -> {
        if (p.startsWith(":")) {
          return new Problem(null, p.substring(1).strip());
        }
        int space = p.indexOf(' ');
        return space < 0 ? new Problem(null, p) : new Problem(p.substring(0, space), p.substring(space + 1));
      }).toList();
    } catch (ModelExpressionCheck.RefusedModelException e) {
      return List.of(new Problem(null, e.getMessage()));
    }
  }
}
