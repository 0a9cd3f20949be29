package dev.anneal.samples.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fenced {@code java} blocks of a Markdown text, each turned into a compilation unit as the
 * README's "README snippets" section describes: the hidden context in an HTML comment
 * {@code <!-- java ... -->} on the lines right before the fence (its {@code import} lines become
 * imports, its other lines members of the class that holds the statements), the block's own
 * {@code import} lines, its type declarations (starting at column 0) as top-level types, each in
 * a file of its own (the processor refuses a model declared beside another top-level type), and
 * the rest as the body of a method that may throw anything.
 */
final class ReadmeSnippets {
  private static final Pattern TYPE_START = Pattern.compile(
      "^((public|protected|abstract|final|static|sealed|non-sealed|strictfp)\\s+)*(class|interface|enum|record|@interface)\\s+\\w+.*");
  private static final Pattern TYPE_NAME = Pattern.compile("\\b(?:class|interface|enum|record|@interface)\\s+(\\w+)");
  private static final String CONTEXT_START = "<!-- java";
  private static final String CONTEXT_END = "-->";

  private ReadmeSnippets() {}

  /** One block: where it starts in the text (1-based line of the fence) and its Java files. */
  record Snippet(int number, int fenceLine, String packageName, List<Source> sources) {
    /** Every file's text, for messages. */
    String source() {
      StringBuilder all = new StringBuilder();
      sources.forEach(f -> all.append("// ").append(f.fileName()).append('\n').append(f.text()));
      return all.toString();
    }
  }

  /** One file of a block: a top-level type, or {@code ReadmeSnippet.java} with the statements. */
  record Source(String fileName, String text, List<Integer> readmeLines) {
    /** The README line of a line of {@link #text} (1-based), or 0 for a line the wrapper added. */
    int readmeLine(long sourceLine) {
      return sourceLine >= 1 && sourceLine <= readmeLines.size() ? readmeLines.get((int) sourceLine - 1) : 0;
    }
  }

  static List<Snippet> extract(String markdown) {
    String[] lines = markdown.split("\n", -1);
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String fence = lines[i].strip();
      if (!fence.startsWith("```")) {
        continue;
      }
      int end = i + 1;
      while (end < lines.length && !lines[end].strip().equals("```")) {
        end++;
      }
      if (fence.equals("```java")) {
        snippets.add(build(snippets.size() + 1, lines, i, end));
      }
      i = end;
    }
    return snippets;
  }

  private static Snippet build(int number, String[] lines, int fence, int end) {
    Unit unit = new Unit();
    readContext(lines, fence, unit);
    List<Line> statements = new ArrayList<>();
    for (int i = fence + 1; i < end; i++) {
      String line = lines[i];
      if (line.startsWith("import ")) {
        unit.imports.add(new Line(line, i + 1));
      } else if (TYPE_START.matcher(line).matches() || (line.startsWith("@") && typeFollows(lines, i, end))) {
        List<Line> type = new ArrayList<>();
        i = typeDeclaration(lines, i, end, type);
        unit.types.add(type);
      } else {
        statements.add(new Line(line, i + 1));
      }
    }
    String packageName = "readme.block" + number;
    List<Source> sources = new ArrayList<>();
    for (List<Line> type : unit.types) {
      List<Line> file = new ArrayList<>();
      file.add(new Line("package " + packageName + ";", 0));
      file.addAll(unit.imports);
      file.addAll(type);
      sources.add(source(typeName(type) + ".java", file));
    }
    List<Line> file = new ArrayList<>();
    file.add(new Line("package " + packageName + ";", 0));
    file.addAll(unit.imports);
    file.add(new Line("final class ReadmeSnippet {", 0));
    file.addAll(unit.members);
    file.add(new Line("  void run() throws Exception {", 0));
    file.addAll(statements);
    file.add(new Line("  }", 0));
    file.add(new Line("}", 0));
    sources.add(source("ReadmeSnippet.java", file));
    return new Snippet(number, fence + 1, packageName, List.copyOf(sources));
  }

  private static Source source(String fileName, List<Line> lines) {
    StringBuilder text = new StringBuilder();
    List<Integer> readmeLines = new ArrayList<>();
    for (Line line : lines) {
      text.append(line.text()).append('\n');
      readmeLines.add(line.readmeLine());
    }
    return new Source(fileName, text.toString(), List.copyOf(readmeLines));
  }

  /** The name of the type a declaration declares (its first line that starts a type). */
  private static String typeName(List<Line> type) {
    for (Line line : type) {
      if (TYPE_START.matcher(line.text()).matches()) {
        java.util.regex.Matcher m = TYPE_NAME.matcher(line.text());
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    throw new IllegalStateException("no type name in " + type);
  }

  /** The {@code <!-- java ... -->} comment ending on the line right before the fence, if any. */
  private static void readContext(String[] lines, int fence, Unit unit) {
    int last = fence - 1;
    if (last < 0 || !lines[last].strip().endsWith(CONTEXT_END)) {
      return;
    }
    int first = last;
    while (first >= 0 && !lines[first].strip().startsWith(CONTEXT_START)) {
      first--;
    }
    if (first < 0) {
      return;
    }
    for (int i = first; i <= last; i++) {
      String line = lines[i].strip();
      if (i == first) {
        line = line.substring(CONTEXT_START.length()).strip();
      }
      if (line.endsWith(CONTEXT_END)) {
        line = line.substring(0, line.length() - CONTEXT_END.length()).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("import ")) {
        unit.imports.add(new Line(line, i + 1));
      } else {
        unit.members.add(new Line("  " + line, i + 1));
      }
    }
  }

  private static boolean typeFollows(String[] lines, int from, int end) {
    for (int i = from; i < end && lines[i].startsWith("@"); i++) {
      if (i + 1 < end && TYPE_START.matcher(lines[i + 1]).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Copies a type declaration (leading annotations included) up to its closing brace; returns its last line. */
  private static int typeDeclaration(String[] lines, int from, int end, List<Line> out) {
    int depth = 0;
    boolean opened = false;
    Lexer lexer = new Lexer();
    for (int i = from; i < end; i++) {
      String line = lines[i];
      if (!opened && TYPE_START.matcher(line).matches()) {
        line = line.replaceFirst("^public\\s+", "");   // as the README shows it; package-private is enough
      }
      out.add(new Line(line, i + 1));
      for (int c = 0; c < line.length(); c++) {
        int delta = lexer.brace(line, c);
        depth += delta;
        opened |= delta > 0;
      }
      if (opened && depth == 0) {
        return i;
      }
    }
    return end - 1;
  }

  /** Counts braces outside string and char literals and comments. */
  private static final class Lexer {
    private boolean blockComment;

    int brace(String line, int c) {
      char ch = line.charAt(c);
      if (blockComment) {
        if (ch == '/' && c > 0 && line.charAt(c - 1) == '*') {
          blockComment = false;
        }
        return 0;
      }
      if (inLiteralOrLineComment(line, c)) {
        return 0;
      }
      if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '*') {
        blockComment = true;
        return 0;
      }
      return ch == '{' ? 1 : ch == '}' ? -1 : 0;
    }

    private static boolean inLiteralOrLineComment(String line, int c) {
      boolean string = false;
      boolean character = false;
      for (int k = 0; k < c; k++) {
        char ch = line.charAt(k);
        if ((string || character) && ch == '\\') {
          k++;
        } else if (!character && ch == '"') {
          string = !string;
        } else if (!string && ch == '\'') {
          character = !character;
        } else if (!string && !character && ch == '/' && k + 1 < line.length() && line.charAt(k + 1) == '/') {
          return true;
        }
      }
      return string || character;
    }
  }

  private record Line(String text, int readmeLine) {}

  private static final class Unit {
    final List<Line> imports = new ArrayList<>();
    final List<Line> members = new ArrayList<>();
    final List<List<Line>> types = new ArrayList<>();
  }
}
