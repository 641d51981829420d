package jp.sample.isms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.ModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.type.ModelElementType;
import org.camunda.bpm.model.xml.type.attribute.Attribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * {@link ModelReaders} read every model of the product as the engine's stock readers do, and refuse what they refuse.
 */
class ModelReadersTest {

  static Stream<Path> models() throws IOException {
    return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn"))
        .sorted();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyModelOfTheProductReadsAsWithTheStockReader(Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    boolean bpmn = file.toString().endsWith(".bpmn");
    ModelInstance stock = bpmn ? Bpmn.readModelFromStream(new ByteArrayInputStream(content))
        : Dmn.readModelFromStream(new ByteArrayInputStream(content));
    ModelInstance fast = bpmn ? ModelReaders.bpmn(new ByteArrayInputStream(content))
        : ModelReaders.dmn(new ByteArrayInputStream(content));
    Document stockDom = (Document) stock.getDocument().getDomSource().getNode();
    Document fastDom = (Document) fast.getDocument().getDomSource().getNode();
    // the same elements, attributes (as written and the schema's defaults) and text, in the same order
    assertThat(tree(fastDom.getDocumentElement())).isEqualTo(tree(stockDom.getDocumentElement()));
    // every id finds the same element with the same values through the model API, defaults included
    List<String> ids = new ArrayList<>();
    collectIds(stockDom.getDocumentElement(), ids);
    assertThat(ids).isNotEmpty();
    int found = 0;
    for (String id : ids) {
      ModelElementInstance a = stock.getModelElementById(id);
      ModelElementInstance b = fast.getModelElementById(id);
      assertThat(b == null).as("id %s", id).isEqualTo(a == null);
      if (a != null) {
        found++;
        assertThat(b.getElementType()).isSameAs(a.getElementType());
        assertThat(values(b)).as("id %s", id).isEqualTo(values(a));
      }
    }
    assertThat(found).isGreaterThan(1);
  }

  static Stream<String> hostileBpmn() {
    String valid = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:startEvent id="s"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    return Stream.of(
        valid.replace("<bpmn:startEvent id=\"s\"/>", "<bpmn:startEvent id=\"s\" bogus=\"1\"/>"),
        valid.replace("<bpmn:startEvent id=\"s\"/>", "<bpmn:bogusEvent id=\"s\"/>"),
        valid.replace("<bpmn:startEvent id=\"s\"/>", "<bpmn:startEvent id=\"s\"/><bpmn:endEvent id=\"s\"/>"),
        valid.replace("isExecutable=\"true\"", "isExecutable=\"maybe\""),
        valid.replace("id=\"s\"", "id=\"1 s\""),
        valid.replace("</bpmn:definitions>", ""),
        valid.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
            .replace("<bpmn:startEvent id=\"s\"/>", "<bpmn:startEvent id=\"s\" name=\"&x;\"/>"),
        valid.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>")
            .replace("<bpmn:startEvent id=\"s\"/>", "<bpmn:startEvent id=\"s\" name=\"&b;\"/>"),
        valid.replace("xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"",
            "xmlns:bpmn=\"http://example.org/not-bpmn\""),
        "not xml at all");
  }

  @ParameterizedTest
  @MethodSource("hostileBpmn")
  void whatTheStockReaderRefusesIsRefused(String content) {
    bothRefuse(content, Bpmn::readModelFromStream, ModelReaders::bpmn);
  }

  static Stream<String> hostileDmn() throws IOException {
    String valid = Files.readString(Path.of("bpmn/takeOutMeasures.dmn"));
    String firstId = valid.replaceFirst("(?s).*?<decision id=\"([^\"]+)\".*", "$1");
    return Stream.of(
        valid.replaceFirst("<decision ", "<decision bogus=\"1\" "),
        valid.replaceFirst("<decisionTable ", "<decisionTable id=\"" + firstId + "\" "),
        valid.replaceFirst("hitPolicy=\"[A-Z_]+\"", "hitPolicy=\"SOMETIMES\""),
        valid.replaceFirst("</definitions>", ""));
  }

  @ParameterizedTest
  @MethodSource("hostileDmn")
  void whatTheStockDecisionReaderRefusesIsRefused(String content) {
    bothRefuse(content, Dmn::readModelFromStream, ModelReaders::dmn);
  }

  private static void bothRefuse(String content, Function<InputStream, ?> stock, Function<InputStream, ?> fast) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> stock.apply(new ByteArrayInputStream(bytes)));
    assertThatThrownBy(() -> fast.apply(new ByteArrayInputStream(bytes)));
  }

  private static List<String> tree(Element element) {
    List<String> lines = new ArrayList<>();
    walk(element, lines, "");
    return lines;
  }

  private static void walk(Element element, List<String> lines, String indent) {
    Map<String, String> attributes = new LinkedHashMap<>();
    NamedNodeMap map = element.getAttributes();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < map.getLength(); i++) {
      Attr attr = (Attr) map.item(i);
      names.add(attr.getName() + (attr.getSpecified() ? "" : " (default)"));
    }
    names.stream().sorted().forEach(name -> attributes.put(name, element.getAttribute(name.replace(" (default)", ""))));
    lines.add(indent + "{" + element.getNamespaceURI() + "}" + element.getLocalName() + " " + attributes);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        walk(e, lines, indent + " ");
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        lines.add(indent + " text " + child.getNodeValue());
      }
    }
  }

  private static void collectIds(Element element, List<String> ids) {
    if (element.hasAttribute("id")) {
      ids.add(element.getAttribute("id"));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        collectIds(e, ids);
      }
    }
  }

  /** Every attribute the model API knows for the element's type and its base types, with defaults. */
  private static Map<String, Object> values(ModelElementInstance element) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (ModelElementType type = element.getElementType(); type != null; type = type.getBaseType()) {
      for (Attribute<?> attribute : type.getAttributes()) {
        Function<ModelElementInstance, Object> read = attribute::getValue;
        values.put(type.getTypeName() + "." + attribute.getAttributeName(), read.apply(element));
      }
    }
    return values;
  }
}
