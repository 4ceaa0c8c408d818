package dev.specgen.shapes;

import dev.specgen.load.YNode;
import java.util.List;
import java.util.Map;

/**
 * Where a response puts its parts: the row or rows, and the numbers of a page (role to property
 * path), plus the contract's constant members. Empty roles mean the plain shape: the row itself, or
 * a bare array of rows.
 */
public record Envelope(Map<String, List<String>> roles, Map<List<String>, YNode> constants) {

    public boolean plain() {
        return roles.isEmpty();
    }

    public List<String> path(String role) {
        return roles.get(role);
    }
}
