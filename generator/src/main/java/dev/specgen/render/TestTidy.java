package dev.specgen.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step for a generated module under tests/: which rows a test makes and which helpers it calls
 * depend on the operation, so the templates write the same lines for every test and this drops
 * what a test's own text never reads. A local among {@link #LOCALS} that nothing reads keeps its
 * call but loses its name (a bare copy of another name goes entirely), and an imported name the module never
 * uses leaves its import (an import with a comment, kept for its side effects, stays).
 * So the modules pass ruff's F841 and F401 without a test losing a statement that checks anything.
 */
final class TestTidy {
    private static final List<String> LOCALS = List.of("n", "row", "first", "theirs", "created");
    /** Per local: its assignments, and its uses. Compiled once: a large spec has thousands of tests. */
    private static final List<Pattern> ASSIGNMENTS = LOCALS.stream()
            .map(name -> Pattern.compile("^( +)" + name + " = (.*)$", Pattern.MULTILINE)).toList();
    private static final List<Pattern> USES = LOCALS.stream().map(name -> Pattern.compile("\\b" + name + "\\b"))
            .toList();
    /** An import without a comment: one that no noqa keeps for its side effects. */
    private static final Pattern IMPORT = Pattern.compile(
            "^(?:from ([\\w.]+) import (\\(\\n(?:    [\\w ]+,\\n)*\\)|[\\w, ]+)|import ([\\w.]+))\\n", Pattern.MULTILINE);
    private static final Pattern IMPORT_STATEMENT = Pattern.compile(
            "^(?:from|import) [^\\n(]*(?:\\([^)]*\\))?[^\\n]*\\n", Pattern.MULTILINE);
    private static final Pattern TOP_LEVEL = Pattern.compile("^(?=\\S)", Pattern.MULTILINE);

    private TestTidy() {
    }

    static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        List<String> blocks = new ArrayList<>();
        int start = 0;
        Matcher top = TOP_LEVEL.matcher(text);
        while (top.find()) {
            if (top.start() > start && text.startsWith("def ", top.start())) {
                blocks.add(text.substring(start, top.start()));
                start = top.start();
            }
        }
        blocks.add(text.substring(start));
        for (String block : blocks) {
            out.append(block.startsWith("def ") ? unusedLocals(block) : block);
        }
        return imports(out.toString());
    }

    private static String unusedLocals(String function) {
        boolean changed = true;
        while (changed) {
            changed = false;
            String code = null;
            for (int i = 0; i < LOCALS.size(); i++) {
                Pattern assignment = ASSIGNMENTS.get(i);
                if (!assignment.matcher(function).find()) {
                    continue;
                }
                code = code == null ? code(function) : code;
                String others = assignment.matcher(code).replaceAll("$1");
                if (USES.get(i).matcher(others).find()) {
                    continue;
                }
                Matcher m = assignment.matcher(function);
                StringBuilder next = new StringBuilder();
                while (m.find()) {
                    boolean bare = m.group(2).matches("[\\w.]+");
                    m.appendReplacement(next, Matcher.quoteReplacement(bare ? "\u0000" : m.group(1) + m.group(2)));
                }
                m.appendTail(next);
                function = next.toString().replace("\u0000\n", "").replace("\u0000", "");
                code = null;
                changed = true;
            }
        }
        return function;
    }

    private static String imports(String text) {
        Matcher m = IMPORT.matcher(text);
        StringBuilder out = new StringBuilder();
        // What the imports name counts as a use only outside any import ("from app.db import x" uses no "db").
        String rest = code(IMPORT_STATEMENT.matcher(text).replaceAll(""));
        // Every identifier the code names, once: a file importing hundreds of names (a 200-entity spec's
        // factories) would otherwise be scanned once per name.
        java.util.Set<String> words = new java.util.HashSet<>(List.of(rest.split("\\W+")));
        while (m.find()) {
            String replacement;
            if (m.group(3) != null) {
                String bound = m.group(3).contains(".") ? m.group(3).substring(0, m.group(3).indexOf('.')) : m.group(3);
                replacement = words.contains(bound) ? m.group() : "";
            } else {
                boolean exploded = m.group(2).startsWith("(");
                List<String> kept = new ArrayList<>();
                for (String name : m.group(2).replaceAll("[()\\n]", "").split(",")) {
                    String item = name.strip();
                    String bound = item.contains(" as ") ? item.substring(item.indexOf(" as ") + 4) : item;
                    if (!item.isEmpty() && words.contains(bound)) {
                        kept.add(item);
                    }
                }
                replacement = kept.isEmpty() ? ""
                        : exploded ? "from " + m.group(1) + " import (\n" + kept.stream().map(k -> "    " + k + ",\n")
                                .reduce("", String::concat) + ")\n"
                        : "from " + m.group(1) + " import " + String.join(", ", kept) + "\n";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        // A section whose imports all went leaves two blank lines between its neighbours.
        return out.toString().replaceAll("(?m)^((?:from|import) [^\\n]*\\n|\\)\\n)\\n\\n+(?=from |import )", "$1\\n")
                .replaceFirst("^\\n+(?=from |import )", "");
    }

    /** The text without comments and without the contents of strings other than f-strings. */
    static String code(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                boolean formatted = i > 0 && (text.charAt(i - 1) == 'f' || text.charAt(i - 1) == 'F');
                String quote = text.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3)
                        : String.valueOf(c);
                int end = i + quote.length();
                while (end < text.length() && !text.startsWith(quote, end)) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(text.length(), end + quote.length());
                out.append(quote).append(formatted ? fields(text.substring(i + quote.length(), end - quote.length()))
                        : "").append(quote);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The replacement fields of an f-string's contents, each still in its braces. */
    private static String fields(String contents) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < contents.length(); i++) {
            char c = contents.charAt(i);
            if (depth == 0 && c == '{' && i + 1 < contents.length() && contents.charAt(i + 1) == '{') {
                i++;
            } else if (c == '{') {
                depth++;
                out.append(c);
            } else if (depth > 0) {
                out.append(c);
                if (c == '}') {
                    depth--;
                }
            }
        }
        return out.toString();
    }
}
