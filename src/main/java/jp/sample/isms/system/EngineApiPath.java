package jp.sample.isms.system;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The operation path of a call to either engine REST root ({@code /engine-rest} or the webapps'
 * {@code /camunda/api/engine/engine/{name}}), as the REST API resolves it: context path, API root and engine name
 * removed, path parameters ({@code ;x}) dropped from every segment, each segment percent-decoded once, doubled slashes
 * collapsed. Spellings that only an attacker uses — dot segments, double encoding, encoded separators, control
 * characters — are {@link Unacceptable}. Case is kept: the REST API matches case-sensitively.
 *
 * @param root     {@link #ENGINE_REST} or {@link #WEBAPP}
 * @param segments the decoded segments of the operation path, e.g. {@code [task, 42, variables]}
 */
record EngineApiPath(String root, List<String> segments) {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP = "/camunda/api/engine";

  /** A path spelled so that no client of the product would send it. */
  static final class Unacceptable extends Exception {
    Unacceptable(String reason) {
      super(reason);
    }
  }

  /** {@code /task/42/variables}; {@code /} for the root itself. */
  String path() {
    return "/" + String.join("/", segments);
  }

  /**
   * The operation path of {@code requestUri} (raw, as sent) below {@code contextPath}; null when it is not a call of an
   * engine REST root.
   */
  static EngineApiPath of(String contextPath, String requestUri) throws Unacceptable {
    List<String> segments = segments(contextPath, requestUri);
    if (startsWith(segments, "engine-rest")) {
      return new EngineApiPath(ENGINE_REST, withoutEngineName(segments.subList(1, segments.size())));
    }
    if (startsWith(segments, "camunda", "api", "engine")) {
      return new EngineApiPath(WEBAPP, withoutEngineName(segments.subList(3, segments.size())));
    }
    return null;
  }

  /**
   * The decoded segments of {@code requestUri} (raw, as sent) below {@code contextPath}, read as the REST API reads
   * them: path parameters dropped, each segment percent-decoded once, empty segments skipped.
   */
  static List<String> segments(String contextPath, String requestUri) throws Unacceptable {
    String raw = contextPath != null && !contextPath.isEmpty() && requestUri.startsWith(contextPath)
        ? requestUri.substring(contextPath.length()) : requestUri;
    List<String> segments = new ArrayList<>();
    for (String part : raw.split("/", -1)) {
      int parameters = part.indexOf(';');
      String segment = decode(parameters < 0 ? part : part.substring(0, parameters));
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw new Unacceptable("dot segment");
      }
      segments.add(segment);
    }
    return segments;
  }

  /** {@code engine/default/task/42} → {@code task/42}; {@code engine} alone is the list of engines. */
  private static List<String> withoutEngineName(List<String> segments) {
    if (segments.size() >= 2 && segments.get(0).equals("engine")) {
      return List.copyOf(segments.subList(2, segments.size()));
    }
    return List.copyOf(segments);
  }

  private static boolean startsWith(List<String> segments, String... prefix) {
    if (segments.size() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (!segments.get(i).equals(prefix[i])) {
        return false;
      }
    }
    return true;
  }

  /** Percent-decodes one segment once (UTF-8); what still looks encoded afterwards was encoded twice. */
  private static String decode(String segment) throws Unacceptable {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw new Unacceptable("truncated percent-encoding");
        }
        int high = Character.digit(segment.charAt(i + 1), 16);
        int low = Character.digit(segment.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new Unacceptable("invalid percent-encoding");
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c > 0x7f) {
        throw new Unacceptable("unencoded non-ASCII character");
      } else {
        bytes.write(c);
      }
    }
    String decoded;
    try {
      decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new Unacceptable("not UTF-8");
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c == '%') {
        throw new Unacceptable("double encoding");
      }
      if (c == '/' || c == '\\' || c == ';' || c < 0x20 || c == 0x7f) {
        throw new Unacceptable("encoded separator or control character");
      }
    }
    return decoded;
  }
}
