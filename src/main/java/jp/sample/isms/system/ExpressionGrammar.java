package jp.sample.isms.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The expressions a deployed model may contain, checked by a tokenizer and a recursive-descent parser (never by
 * patterns). A JUEL text of a BPMN model is either plain text, or exactly one {@code ${…}} holding:
 * <ul>
 * <li>a name: a process variable, or a delegate or listener of the application ({@code ${recordTakeOutDelegate}});</li>
 * <li>literals (strings, numbers, {@code true false null}), comparisons ({@code == != < > <= >= eq ne lt gt le ge}),
 * boolean logic ({@code && || ! and or not}), {@code empty}, unary minus and parentheses;</li>
 * <li>a call of a routing bean's method that is marked {@link ModelCallable}, with names and literals as arguments
 * ({@code approvalRouting.candidateGroups(execution, approverRole)});</li>
 * <li>{@code execution.getVariable('name')} and {@code task.getVariable('name')};</li>
 * <li>the date functions of timers and due dates: {@code now()}, {@code dateTime()} followed by
 * {@link #DATE_METHODS} with number arguments ({@code dateTime().plusDays(3).toDate()}).</li>
 * </ul>
 * Everything else is refused: other method calls, property and bracket access ({@code getClass}, {@code .class}),
 * other functions, {@code #{…}}, nested or composite {@code ${…}}, backslash escapes, arithmetic, {@code ?:},
 * assignment, lambdas, {@code ;}. The FEEL of DMN tables is held to what the product's tables use: a name as input
 * expression, lists of literals as input entries, one literal as output entry.
 */
final class ExpressionGrammar {

  /** The methods of the Joda {@code DateTime} that {@code dateTime()} returns which timers and due dates may use. */
  static final Set<String> DATE_METHODS = Set.of("plusYears", "plusMonths", "plusWeeks", "plusDays", "plusHours",
      "plusMinutes", "minusYears", "minusMonths", "minusWeeks", "minusDays", "minusHours", "minusMinutes",
      "withTimeAtStartOfDay", "toDate");

  /** Names the engine resolves to its own objects: usable only as the receiver of getVariable or a routing argument. */
  static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask");

  private static final Set<String> SCOPE_OBJECTS = Set.of("execution", "task");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty",
      "true", "false", "null", "instanceof", "div", "mod");
  private static final int MAX_DEPTH = 32;
  private static final int MAX_LENGTH = 2000;

  /** Routing beans by bean name, with the names of their {@link ModelCallable} methods. */
  private final Map<String, Set<String>> callables;

  ExpressionGrammar(Map<String, Set<String>> callables) {
    this.callables = Map.copyOf(callables);
  }

  /** Why {@code text} (an attribute value or element text of a BPMN model) may not be deployed; empty if it may. */
  Optional<String> checkJuel(String text) {
    try {
      String trimmed = text.strip();
      if (!trimmed.contains("${") && !trimmed.contains("#{")) {
        literalText(trimmed);
        return Optional.empty();
      }
      if (trimmed.length() > MAX_LENGTH) {
        throw new Refused("式が長すぎます (expression longer than " + MAX_LENGTH + " characters)");
      }
      if (!trimmed.startsWith("${")) {
        throw new Refused(trimmed.contains("#{") ? "#{…} は使えません (deferred expressions are not allowed)"
            : "式は ${…} ひとつだけにしてください (text around an expression is not allowed)");
      }
      Parser parser = new Parser(new Scanner(trimmed, 2).tokens(), callables);
      parser.expression(0);
      parser.expect(Kind.CLOSE_BRACE, "}");
      if (!parser.atEnd()) {
        throw new Refused("式は ${…} ひとつだけにしてください (one ${…} only, nothing after it)");
      }
      return Optional.empty();
    } catch (Refused refused) {
      return Optional.of(refused.getMessage());
    }
  }

  /** Why a DMN input expression in FEEL may not be deployed: only a variable name is allowed. */
  Optional<String> checkFeelName(String text) {
    try {
      List<Token> tokens = new Scanner(text.strip(), 0).feelTokens();
      if (tokens.size() != 2 || tokens.get(0).kind() != Kind.NAME) {
        throw new Refused("入力式は変数名だけにしてください (an input expression is a variable name)");
      }
      return Optional.empty();
    } catch (Refused refused) {
      return Optional.of(refused.getMessage());
    }
  }

  /** Why a DMN input entry or list of values in FEEL may not be deployed: empty, "-", or literals separated by commas. */
  Optional<String> checkFeelUnaryTests(String text) {
    try {
      List<Token> tokens = new Scanner(text.strip(), 0).feelTokens();
      if (tokens.size() == 1 || tokens.size() == 2 && tokens.get(0).kind() == Kind.MINUS) {
        return Optional.empty();
      }
      for (int i = 0; i < tokens.size() - 1; i++) {
        Kind expected = i % 2 == 0 ? Kind.LITERAL : Kind.COMMA;
        if (tokens.get(i).kind() != expected || i == tokens.size() - 2 && expected == Kind.COMMA) {
          throw new Refused("入力エントリはリテラルのカンマ区切りだけにしてください (an input entry is a list of literals)");
        }
      }
      return Optional.empty();
    } catch (Refused refused) {
      return Optional.of(refused.getMessage());
    }
  }

  /** Why a DMN output entry or literal expression in FEEL may not be deployed: empty or one literal. */
  Optional<String> checkFeelLiteral(String text) {
    try {
      List<Token> tokens = new Scanner(text.strip(), 0).feelTokens();
      if (tokens.size() == 1 || tokens.size() == 2 && tokens.get(0).kind() == Kind.LITERAL) {
        return Optional.empty();
      }
      throw new Refused("出力エントリはリテラルひとつだけにしてください (an output entry is one literal)");
    } catch (Refused refused) {
      return Optional.of(refused.getMessage());
    }
  }

  private static void literalText(String text) {
    for (int i = 0; i < text.length() - 1; i++) {
      char next = text.charAt(i + 1);
      if (text.charAt(i) == '\\' && (next == '$' || next == '#' || next == 'u' || next == 'U')) {
        throw new Refused("バックスラッシュによるエスケープは使えません (escapes are not allowed)");
      }
    }
  }

  private enum Kind {
    NAME, LITERAL, OPERATOR, NOT, MINUS, OPEN, CLOSE, DOT, COMMA, CLOSE_BRACE, END
  }

  private record Token(Kind kind, String text) {
  }

  /** Refusal of a text, with the reason in Japanese and English. */
  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Scanner {

    private final String text;
    private int position;

    Scanner(String text, int start) {
      this.text = text;
      this.position = start;
    }

    /** The tokens of a JUEL expression up to and including the first closing brace, then what follows as text. */
    List<Token> tokens() {
      List<Token> tokens = new ArrayList<>();
      while (true) {
        skipBlanks();
        if (position >= text.length()) {
          throw new Refused("式が閉じていません (missing })");
        }
        char c = text.charAt(position);
        if (c == '}') {
          tokens.add(new Token(Kind.CLOSE_BRACE, "}"));
          position++;
          if (position < text.length()) {
            tokens.add(new Token(Kind.NAME, "…")); // anything after the closing brace: refused by the parser
          }
          tokens.add(new Token(Kind.END, ""));
          return tokens;
        }
        tokens.add(next(c, false));
      }
    }

    /** The tokens of a FEEL text: names, literals, commas and a lone minus. */
    List<Token> feelTokens() {
      List<Token> tokens = new ArrayList<>();
      while (true) {
        skipBlanks();
        if (position >= text.length()) {
          tokens.add(new Token(Kind.END, ""));
          return tokens;
        }
        char c = text.charAt(position);
        Token token = next(c, true);
        if (token.kind() != Kind.NAME && token.kind() != Kind.LITERAL && token.kind() != Kind.COMMA
            && token.kind() != Kind.MINUS) {
          throw new Refused("FEEL の「" + token.text() + "」は使えません (not allowed in FEEL here)");
        }
        tokens.add(token);
      }
    }

    private void skipBlanks() {
      while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t'
          || text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
        position++;
      }
    }

    private Token next(char c, boolean feel) {
      if (isNameStart(c)) {
        int start = position;
        while (position < text.length() && isNamePart(text.charAt(position))) {
          position++;
        }
        String name = text.substring(start, position);
        return switch (name) {
          case "true", "false", "null" -> new Token(Kind.LITERAL, name);
          case "and", "or", "eq", "ne", "lt", "gt", "le", "ge" -> feel ? refuse(name) : new Token(Kind.OPERATOR, name);
          case "not", "empty" -> feel ? refuse(name) : new Token(Kind.NOT, name);
          default -> feel && KEYWORDS.contains(name) ? refuse(name) : new Token(Kind.NAME, name);
        };
      }
      if (c >= '0' && c <= '9') {
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position)) && text.charAt(position) < 128) {
          position++;
        }
        if (position + 1 < text.length() && text.charAt(position) == '.' && text.charAt(position + 1) >= '0'
            && text.charAt(position + 1) <= '9') {
          position++;
          while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
          }
        }
        if (position < text.length() && isNamePart(text.charAt(position))) {
          throw new Refused("数値の書き方が許可されていません (number format not allowed)");
        }
        return new Token(Kind.LITERAL, text.substring(start, position));
      }
      if (c == '\'' || c == '"') {
        return string(c, feel);
      }
      position++;
      String two = position < text.length() ? "" + c + text.charAt(position) : "" + c;
      switch (two) {
        case "==", "!=", "<=", ">=", "&&", "||" -> {
          if (feel) {
            return refuse(two);
          }
          position++;
          return new Token(Kind.OPERATOR, two);
        }
        default -> {
        }
      }
      return switch (c) {
        case '<', '>' -> feel ? refuse("" + c) : new Token(Kind.OPERATOR, "" + c);
        case '!' -> feel ? refuse("!") : new Token(Kind.NOT, "!");
        case '-' -> new Token(Kind.MINUS, "-");
        case '(' -> feel ? refuse("(") : new Token(Kind.OPEN, "(");
        case ')' -> feel ? refuse(")") : new Token(Kind.CLOSE, ")");
        case '.' -> feel ? refuse(".") : new Token(Kind.DOT, ".");
        case ',' -> new Token(Kind.COMMA, ",");
        default -> refuse("" + c);
      };
    }

    private Token string(char quote, boolean feel) {
      if (feel && quote == '\'') {
        refuse("'");
      }
      StringBuilder value = new StringBuilder();
      position++;
      while (position < text.length()) {
        char c = text.charAt(position++);
        if (c == quote) {
          String content = value.toString();
          if (content.contains("${") || content.contains("#{")) {
            throw new Refused("文字列の中の ${…} や #{…} は使えません (no expression inside a string)");
          }
          return new Token(Kind.LITERAL, quote + content + quote);
        }
        if (c == '\\') {
          throw new Refused("文字列の中のバックスラッシュ (エスケープ) は使えません (no escapes inside a string)");
        }
        value.append(c);
      }
      throw new Refused("文字列が閉じていません (unterminated string)");
    }

    private static boolean isNameStart(char c) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
      return isNameStart(c) || c >= '0' && c <= '9';
    }

    private static Token refuse(String text) {
      throw new Refused("「" + text + "」は式に使えません (not allowed in a model's expression)");
    }
  }

  /** expression := unary (OPERATOR unary)*; unary := (NOT | MINUS) unary | primary. */
  private static final class Parser {

    private final List<Token> tokens;
    private final Map<String, Set<String>> callables;
    private int position;

    Parser(List<Token> tokens, Map<String, Set<String>> callables) {
      this.tokens = tokens;
      this.callables = callables;
    }

    void expression(int depth) {
      if (depth > MAX_DEPTH) {
        throw new Refused("式の入れ子が深すぎます (expression nested too deeply)");
      }
      unary(depth);
      while (peek().kind() == Kind.OPERATOR) {
        position++;
        unary(depth);
      }
    }

    private void unary(int depth) {
      if (depth > MAX_DEPTH) {
        throw new Refused("式の入れ子が深すぎます (expression nested too deeply)");
      }
      if (peek().kind() == Kind.NOT || peek().kind() == Kind.MINUS) {
        position++;
        unary(depth + 1);
        return;
      }
      primary(depth);
    }

    private void primary(int depth) {
      Token token = take();
      switch (token.kind()) {
        case LITERAL -> {
        }
        case OPEN -> {
          expression(depth + 1);
          expect(Kind.CLOSE, ")");
        }
        case NAME -> name(token.text());
        default -> throw new Refused("「" + token.text() + "」の位置が正しくありません (unexpected " + token.text() + ")");
      }
      if (peek().kind() == Kind.DOT || peek().kind() == Kind.OPEN) {
        throw new Refused("この位置でのメソッド呼び出し・プロパティ参照は使えません (no method call or property here)");
      }
    }

    private void name(String name) {
      if (peek().kind() == Kind.OPEN) {
        function(name);
        return;
      }
      if (peek().kind() != Kind.DOT) {
        if (ENGINE_OBJECTS.contains(name)) {
          throw new Refused(name + " はそのままでは使えません (the engine object " + name
              + " may only be used as execution.getVariable('…') or as a routing argument)");
        }
        if (KEYWORDS.contains(name)) {
          throw new Refused("「" + name + "」は使えません (not allowed)");
        }
        return;
      }
      position++;
      Token member = take();
      if (member.kind() != Kind.NAME || peek().kind() != Kind.OPEN) {
        throw new Refused(name + "." + member.text() + ": プロパティ参照は使えません (property access is not allowed)");
      }
      position++;
      if (SCOPE_OBJECTS.contains(name)) {
        if (!member.text().equals("getVariable") || !peek().kind().equals(Kind.LITERAL)
            || !peek().text().startsWith("'") && !peek().text().startsWith("\"")) {
          throw new Refused(name + "." + member.text() + "(…): " + name
              + " は getVariable('名前') だけ使えます (only " + name + ".getVariable('name') is allowed)");
        }
        position++;
        expect(Kind.CLOSE, ")");
        return;
      }
      Set<String> methods = callables.get(name);
      if (methods == null || !methods.contains(member.text())) {
        throw new Refused(name + "." + member.text() + "(…): 呼び出せるのはルーティングのメソッドだけです "
            + "(only the routing methods " + callables + " may be called)");
      }
      arguments();
    }

    private void function(String name) {
      position++;
      if (name.equals("now")) {
        expect(Kind.CLOSE, ")");
        return;
      }
      if (!name.equals("dateTime")) {
        throw new Refused(name + "(…): 使える関数は dateTime() と now() だけです (only dateTime() and now() may be called)");
      }
      expect(Kind.CLOSE, ")");
      while (peek().kind() == Kind.DOT) {
        position++;
        Token method = take();
        if (method.kind() != Kind.NAME || !DATE_METHODS.contains(method.text()) || take().kind() != Kind.OPEN) {
          throw new Refused("dateTime()." + method.text() + ": 使える日付の操作は " + DATE_METHODS
              + " だけです (date methods allowed: " + DATE_METHODS + ")");
        }
        if (peek().kind() == Kind.CLOSE) {
          position++;
        } else {
          Token number = take();
          if (number.kind() != Kind.LITERAL || !Character.isDigit(number.text().charAt(0))) {
            throw new Refused("dateTime()." + method.text() + ": 引数は数値だけです (number arguments only)");
          }
          expect(Kind.CLOSE, ")");
        }
      }
    }

    /** Names (variables, beans, execution) and literals, separated by commas, then the closing parenthesis. */
    private void arguments() {
      if (peek().kind() == Kind.CLOSE) {
        position++;
        return;
      }
      while (true) {
        Token argument = take();
        boolean allowed = argument.kind() == Kind.LITERAL || argument.kind() == Kind.NAME
            && !KEYWORDS.contains(argument.text())
            && (!ENGINE_OBJECTS.contains(argument.text()) || SCOPE_OBJECTS.contains(argument.text()));
        if (!allowed || peek().kind() == Kind.DOT || peek().kind() == Kind.OPEN) {
          throw new Refused("ルーティングの引数は名前とリテラルだけです (routing arguments are names and literals)");
        }
        Token next = take();
        if (next.kind() == Kind.CLOSE) {
          return;
        }
        if (next.kind() != Kind.COMMA) {
          throw new Refused("「" + next.text() + "」の位置が正しくありません (unexpected " + next.text() + ")");
        }
      }
    }

    void expect(Kind kind, String text) {
      Token token = take();
      if (token.kind() != kind) {
        throw new Refused("「" + text + "」が必要です (expected " + text + ", found " + token.text() + ")");
      }
    }

    boolean atEnd() {
      return peek().kind() == Kind.END;
    }

    private Token peek() {
      return tokens.get(Math.min(position, tokens.size() - 1));
    }

    private Token take() {
      Token token = peek();
      if (position < tokens.size()) {
        position++;
      }
      return token;
    }
  }
}
