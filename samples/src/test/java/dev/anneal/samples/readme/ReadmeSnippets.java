package dev.anneal.samples.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fenced {@code java} blocks of a Markdown text, each turned into a compilation unit as the
 * README's "README snippets" section describes: the hidden context in an HTML comment
 * {@code <!-- java ... -->} on the lines right before the fence (its {@code import} lines become
 * imports, its other lines members of the class that holds the statements), the block's own
 * {@code import} lines, its type declarations (starting at column 0) as top-level types, and the
 * rest as the body of a method that may throw anything.
 */
final class ReadmeSnippets {
  private static final Pattern TYPE_START = Pattern.compile(
      "^((public|protected|abstract|final|static|sealed|non-sealed|strictfp)\\s+)*(class|interface|enum|record|@interface)\\s+\\w+.*");
  private static final String CONTEXT_START = "<!-- java";
  private static final String CONTEXT_END = "-->";

  private ReadmeSnippets() {}

  /**
   * One block: where it starts in the text (1-based line of the fence), its Java source and the
   * name of its file: the block's model (its {@code @Training} type, else its first type) is the
   * file's own class, as in a user's project, not an auxiliary one.
   */
  record Snippet(int number, int fenceLine, String packageName, String fileName, String source, List<Integer> readmeLines) {
    /** The README line of a line of {@link #source} (1-based), or 0 for a line the wrapper added. */
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
        int first = unit.types.size();
        i = typeDeclaration(lines, i, end, unit.types);
        unit.named(unit.types.subList(first, unit.types.size()));
      } else {
        statements.add(new Line(line, i + 1));
      }
    }
    String packageName = "readme.block" + number;
    List<Line> source = new ArrayList<>();
    source.add(new Line("package " + packageName + ";", 0));
    source.addAll(unit.imports);
    source.addAll(unit.types);
    source.add(new Line("final class ReadmeSnippet {", 0));
    source.addAll(unit.members);
    source.add(new Line("  void run() throws Exception {", 0));
    source.addAll(statements);
    source.add(new Line("  }", 0));
    source.add(new Line("}", 0));
    StringBuilder text = new StringBuilder();
    List<Integer> readmeLines = new ArrayList<>();
    for (Line line : source) {
      text.append(line.text()).append('\n');
      readmeLines.add(line.readmeLine());
    }
    String fileName = unit.model != null ? unit.model : unit.firstType != null ? unit.firstType : "ReadmeSnippet";
    return new Snippet(number, fence + 1, packageName, fileName, text.toString(), List.copyOf(readmeLines));
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
        line = line.replaceFirst("^public\\s+", "");   // several top-level types share one file
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
    private static final Pattern TYPE_NAME = Pattern.compile("\\b(class|interface|enum|record)\\s+(\\w+)");
    final List<Line> imports = new ArrayList<>();
    final List<Line> members = new ArrayList<>();
    final List<Line> types = new ArrayList<>();
    String firstType;
    String model;

    /** Notes the name of a declaration just read, and whether it is a model ({@code @Training}). */
    void named(List<Line> declaration) {
      boolean training = false;
      for (Line line : declaration) {
        training |= line.text().startsWith("@Training");
        java.util.regex.Matcher name = TYPE_NAME.matcher(line.text());
        if (TYPE_START.matcher(line.text()).matches() && name.find()) {
          firstType = firstType == null ? name.group(2) : firstType;
          model = model == null && training ? name.group(2) : model;
          return;
        }
      }
    }
  }
}
