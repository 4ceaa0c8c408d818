package dev.specgen.render;

import java.util.AbstractMap;
import java.util.Set;

/**
 * A template dictionary ({@code defs}) that lays out a top-level function header exactly as
 * {@code ruff format} does: {@code $defs.({name(params) -> None})$} becomes {@code def name(params) -> None:}
 * on one line when that fits in the line length, else with the parameters on a line of their own.
 * Test names grow with operation names, so whether a header fits is only known at generation time.
 */
final class DefLines extends AbstractMap<String, Object> {
    static final int LINE_LENGTH = 120;
    private final String keyword;

    DefLines() {
        this("def ");
    }

    /** {@code asyncdefs}: the same for {@code async def}. */
    DefLines(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    @Override
    public Object get(Object key) {
        return header(keyword, (String) key);
    }

    static String header(String signature) {
        return header("def ", signature);
    }

    static String header(String keyword, String signature) {
        String oneLine = keyword + signature + ":";
        if (oneLine.length() <= LINE_LENGTH) {
            return oneLine;
        }
        int open = signature.indexOf('(');
        int close = signature.lastIndexOf(')');
        String params = signature.substring(open + 1, close);
        if (4 + params.length() <= LINE_LENGTH) {
            return keyword + signature.substring(0, open + 1) + "\n    " + params + "\n" + signature.substring(close) + ":";
        }
        StringBuilder out = new StringBuilder(keyword + signature.substring(0, open + 1) + "\n");
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= params.length(); i++) {
            char c = i < params.length() ? params.charAt(i) : ',';
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.append("    ").append(params.substring(start, i).strip()).append(",\n");
                start = i + 1;
            }
        }
        return out.append(signature.substring(close)).append(":").toString();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.of();
    }
}
