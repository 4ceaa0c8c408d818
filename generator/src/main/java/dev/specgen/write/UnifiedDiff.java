package dev.specgen.write;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/** A unified diff of one file; a null side means the file is missing there. */
final class UnifiedDiff {
    private UnifiedDiff() {
    }

    static String of(String path, String actual, String expected) {
        List<String> before = actual == null ? List.of() : actual.lines().toList();
        List<String> after = expected == null ? List.of() : expected.lines().toList();
        String from = actual == null ? "/dev/null" : "a/" + path;
        String to = expected == null ? "/dev/null" : "b/" + path;
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(from, to, before, DiffUtils.diff(before, after), 3);
        String status = actual == null ? "missing" : expected == null ? "orphaned" : "changed";
        return status + ": " + path + "\n" + String.join("\n", lines) + "\n";
    }
}
