package dev.specgen.resolve;

import java.util.List;

/** A response envelope as the template prints it: members in contract order, nested where the contract nests. */
public final class EnvelopeModel {
    public final List<Member> members;

    EnvelopeModel(List<Member> members) {
        this.members = List.copyOf(members);
    }

    /** One member: a key and either a Python value expression or nested members. */
    public static final class Member {
        public final String keyLiteral;
        public final String value;
        public final EnvelopeModel nested;
        public final boolean isNested;

        Member(String keyLiteral, String value, EnvelopeModel nested) {
            this.keyLiteral = keyLiteral;
            this.value = value;
            this.nested = nested;
            this.isNested = nested != null;
        }
    }

    /**
     * Builds the tree from role paths (role to the variable that fills it) and constant paths (to
     * their Python literals), in the order the paths come.
     */
    static EnvelopeModel of(java.util.Map<List<String>, String> values) {
        java.util.Map<String, Object> tree = new java.util.LinkedHashMap<>();
        values.forEach((path, value) -> insert(tree, path, value));
        return build(tree);
    }

    @SuppressWarnings("unchecked")
    private static void insert(java.util.Map<String, Object> tree, List<String> path, String value) {
        java.util.Map<String, Object> node = tree;
        for (String key : path.subList(0, path.size() - 1)) {
            node = (java.util.Map<String, Object>) node.computeIfAbsent(key, k -> new java.util.LinkedHashMap<>());
        }
        node.put(path.get(path.size() - 1), value);
    }

    @SuppressWarnings("unchecked")
    private static EnvelopeModel build(java.util.Map<String, Object> tree) {
        List<Member> members = new java.util.ArrayList<>();
        tree.forEach((key, value) -> members.add(value instanceof String text
                ? new Member(PyLiteral.str(key), text, null)
                : new Member(PyLiteral.str(key), null, build((java.util.Map<String, Object>) value))));
        return new EnvelopeModel(members);
    }
}
