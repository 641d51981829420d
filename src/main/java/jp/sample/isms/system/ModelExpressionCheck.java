package jp.sample.isms.system;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.BadUserRequestException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Checks every expression of a deployment's BPMN and DMN resources against {@link ExpressionGrammar} before the engine
 * parses them: every attribute value and every text of a BPMN model (conditions, listeners, delegate expressions,
 * candidate users and groups, assignee, due and follow-up dates, priority, timers, input/output mappings with their
 * lists and maps, fields, call activity in/out, error, message, signal and escalation names, form keys, multi-instance
 * collections and completion conditions, task names and documentation are all expressions to the engine, so none is
 * skipped), and the expression language, input expressions, input and output entries of DMN tables. CMMN is not used
 * by the product and refused. The XML is read without DOCTYPE, so what is checked is what the engine reads.
 */
final class ModelExpressionCheck {

  private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
      "http://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20191111/feel/");
  private static final int SHOWN = 160;

  private final Supplier<ExpressionGrammar> grammar;

  /** {@code grammar} is looked up at each deployment: the routing beans are known once the context is up. */
  ModelExpressionCheck(Supplier<ExpressionGrammar> grammar) {
    this.grammar = grammar;
  }

  /** A deployment refused because a model may run code; HTTP 400 in the engine's REST API. */
  static final class RefusedModelException extends BadUserRequestException {
    RefusedModelException(List<String> problems) {
      super("モデルに許可されていない式があります (the model contains expressions that are not allowed): "
          + String.join("; ", problems));
    }
  }

  /** Refuses the resources unless every expression in them is allowed. */
  void check(String resourceName, byte[] bytes) {
    List<String> problems = problems(resourceName, bytes);
    if (!problems.isEmpty()) {
      throw new RefusedModelException(problems.stream().map(p -> resourceName + (p.startsWith(":") ? "" : " ") + p)
          .toList());
    }
  }

  /**
   * The expressions of the resource that are not allowed, each as the id of the element that holds it, a space and
   * why; empty when all are allowed. Unreadable XML is refused with {@link RefusedModelException}.
   */
  List<String> problems(String resourceName, byte[] bytes) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    List<String> problems = new ArrayList<>();
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      checkBpmn(parse(resourceName, bytes).getDocumentElement(), grammar.get(), problems);
    } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      checkDmn(parse(resourceName, bytes).getDocumentElement(), grammar.get(), problems);
    } else if (name.endsWith(".cmmn") || name.endsWith(".cmmn11.xml") || name.endsWith(".cmmn10.xml")) {
      problems.add(": CMMN は使えません (CMMN models are not accepted)");
    }
    return problems;
  }

  private static void checkBpmn(Element element, ExpressionGrammar grammar, List<String> problems) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      grammar.checkJuel(attribute.getValue()).ifPresent(reason -> problems.add(place(element) + " "
          + attribute.getName() + "「" + shown(attribute.getValue()) + "」: " + reason));
    }
    String text = ownText(element);
    if (!text.isBlank()) {
      grammar.checkJuel(text).ifPresent(reason -> problems.add(place(element) + " " + element.getTagName() + "「"
          + shown(text) + "」: " + reason));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        checkBpmn(childElement, grammar, problems);
      }
    }
  }

  private static void checkDmn(Element element, ExpressionGrammar grammar, List<String> problems) {
    String language = element.getAttribute("expressionLanguage");
    if (!language.isEmpty() && !isFeel(language) && !language.equalsIgnoreCase("juel")) {
      problems.add(place(element) + " expressionLanguage「" + shown(language) + "」: 式の言語は FEEL だけです "
          + "(only FEEL, or JUEL within the expression grammar, may be used)");
    }
    if (element.getLocalName().equals("text")) {
      String text = ownText(element);
      Element parent = (Element) element.getParentNode();
      Optional<String> problem = isFeel(effectiveLanguage(parent)) ? switch (parent.getLocalName()) {
        case "inputExpression" -> grammar.checkFeelName(text);
        case "inputEntry", "inputValues", "outputValues", "allowedValues" -> grammar.checkFeelUnaryTests(text);
        case "outputEntry", "literalExpression" -> grammar.checkFeelLiteral(text);
        default -> Optional.of("この位置の式は使えません (no expression allowed in " + parent.getLocalName() + ")");
      } : grammar.checkJuel(text);
      problem.ifPresent(reason -> problems.add(place(element) + " " + parent.getLocalName() + "「" + shown(text)
          + "」: " + reason));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        checkDmn(childElement, grammar, problems);
      }
    }
  }

  /** The expression language of an element: its own, else the nearest ancestor's, else FEEL (the engine's default). */
  private static String effectiveLanguage(Element element) {
    for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
      if (!current.getAttribute("expressionLanguage").isEmpty()) {
        return current.getAttribute("expressionLanguage");
      }
    }
    return "feel";
  }

  private static boolean isFeel(String language) {
    return FEEL.contains(language.strip().toLowerCase(Locale.ROOT));
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  /** The id of the element or of the nearest element around it that has one. */
  private static String place(Element element) {
    for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
      if (!current.getAttribute("id").isEmpty()) {
        return current.getAttribute("id");
      }
    }
    return element.getTagName();
  }

  private static String shown(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + "…";
  }

  private static Document parse(String resourceName, byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      throw new RefusedModelException(List.of(resourceName + ": XML として読めません (not readable as XML, DOCTYPE "
          + "is not allowed): " + e.getMessage()));
    }
  }
}
