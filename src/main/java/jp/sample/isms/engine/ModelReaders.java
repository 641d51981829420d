package jp.sample.isms.engine;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelInstanceImpl;
import org.camunda.bpm.model.bpmn.impl.BpmnParser;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.impl.DmnModelInstanceImpl;
import org.camunda.bpm.model.dmn.impl.DmnParser;
import org.camunda.bpm.model.xml.ModelValidationException;
import org.camunda.bpm.model.xml.instance.DomDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads BPMN and DMN files into the engine's model API, as {@code Bpmn.readModelFromStream} and
 * {@code Dmn.readModelFromStream} do, at less than half the cost (docs/performance.md, W4).
 *
 * <p>The stock readers validate every file twice against the XML schema: once while building the DOM, for which the
 * XML parser reads and compiles the BPMN or DMN schema files again for each file, and once more against the schema
 * the reader compiled when it was created. These readers skip the first and keep the second: a file that is not valid
 * against the schema is refused as before (unknown element or attribute, wrong value, duplicate id), and the
 * protection against external entities and document types is the stock reader's own. What the first validation left
 * behind and the model API needs is put back: the schema's attribute defaults (the second validation writes them into
 * the document) and the {@code id} attributes of the BPMN, DI and DMN elements (the schema's {@code xs:ID}, without
 * which {@code getModelElementById} finds nothing). {@code ModelReadersTest} compares both readers on every model of
 * the product, attribute by attribute, and on invalid and hostile files.
 */
public final class ModelReaders {

  private static final Bpmns BPMN = new Bpmns();
  private static final Dmns DMN = new Dmns();

  private ModelReaders() {
  }

  /** The BPMN model of the stream; a {@code ModelParseException} or {@code ModelValidationException} if it is none. */
  public static BpmnModelInstance bpmn(InputStream in) {
    return BPMN.parseModelFromStream(in);
  }

  /** The DMN model of the stream; a {@code ModelParseException} or {@code ModelValidationException} if it is none. */
  public static DmnModelInstance dmn(InputStream in) {
    return DMN.parseModelFromStream(in);
  }

  private static final class Bpmns extends BpmnParser {
    @Override
    protected void configureFactory(DocumentBuilderFactory factory) {
      super.configureFactory(factory);
      factory.setValidating(false);
    }

    @Override
    public void validateModel(DomDocument document) {
      validateAndAddDefaults(document, getSchema(document));
    }

    @Override
    protected BpmnModelInstanceImpl createModelInstance(DomDocument document) {
      markIds(document);
      return super.createModelInstance(document);
    }
  }

  private static final class Dmns extends DmnParser {
    @Override
    protected void configureFactory(DocumentBuilderFactory factory) {
      super.configureFactory(factory);
      factory.setValidating(false);
    }

    @Override
    public void validateModel(DomDocument document) {
      validateAndAddDefaults(document, getSchema(document));
    }

    @Override
    protected DmnModelInstanceImpl createModelInstance(DomDocument document) {
      markIds(document);
      return super.createModelInstance(document);
    }
  }

  /**
   * The stock reader's validation against the compiled schema, with the document as the validation's result too: the
   * validator then adds the attribute defaults of the schema to the document, as the validating parse of the stock
   * reader does (the DMN {@code expressionLanguage} of the file's DMN version, for one).
   */
  private static void validateAndAddDefaults(DomDocument document, Schema schema) {
    if (schema == null) {
      // the stock reader's first validation refuses a root element its schema does not declare
      throw new ModelValidationException("DOM document is not valid: the root element is not of a known model kind");
    }
    Validator validator = schema.newValidator();
    Node node = document.getDomSource().getNode();
    try {
      synchronized (document) {
        validator.validate(new DOMSource(node), new DOMResult(node));
      }
    } catch (IOException e) {
      throw new ModelValidationException("Error during DOM document validation", e);
    } catch (SAXException e) {
      throw new ModelValidationException("DOM document is not valid", e);
    }
  }

  /** The {@code id} attribute of every element of an OMG specification's namespace (BPMN, BPMN DI, DC, DI, DMN). */
  private static void markIds(DomDocument document) {
    Node root = document.getDomSource().getNode();
    Element element = root instanceof Document dom ? dom.getDocumentElement() : (Element) root;
    synchronized (document) {
      mark(element);
    }
  }

  private static void mark(Element element) {
    String namespace = element.getNamespaceURI();
    if (namespace != null && (namespace.startsWith("http://www.omg.org/spec/")
        || namespace.startsWith("https://www.omg.org/spec/")) && element.hasAttributeNS(null, "id")) {
      element.setIdAttributeNS(null, "id", true);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        mark(childElement);
      }
    }
  }
}
