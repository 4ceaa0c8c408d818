package dev.specgen.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.load.YSeq;

/**
 * What a caller's token must carry for an operation: the contract's scopes (every scope of one of its
 * security alternatives, as OpenAPI reads them) and, from model.yaml, one of the roles the binding
 * requires. The result is a list of alternatives, each a set of grants that suffices; empty when nothing
 * beyond a valid token is required.
 */
public final class Grants {
    private Grants() {
    }

    public static List<Set<String>> required(Operation operation, List<String> roles) {
        List<Set<String>> declared = new ArrayList<>();
        operation.security().ifPresent(seq -> seq.items().forEach(requirement -> {
            Set<String> all = new LinkedHashSet<>();
            if (requirement instanceof YMap map) {
                for (YNode value : map.entries().values()) {
                    if (value instanceof YSeq list) {
                        list.items().forEach(i -> {
                            if (i instanceof YScalar scalar && !scalar.text().isEmpty()) {
                                all.add(scalar.text());
                            }
                        });
                    }
                }
            }
            declared.add(all);
        }));
        // Some alternative asks for no scope: a valid token is enough for the contract.
        List<Set<String>> scopes = declared.isEmpty() || declared.stream().anyMatch(Set::isEmpty)
                ? List.of(Set.of()) : declared;
        List<Set<String>> alternatives = new ArrayList<>();
        for (Set<String> needed : scopes) {
            if (roles.isEmpty()) {
                alternatives.add(needed);
            }
            for (String role : roles) {
                Set<String> with = new LinkedHashSet<>(needed);
                with.add(role);
                alternatives.add(with);
            }
        }
        return alternatives.stream().anyMatch(Set::isEmpty) ? List.of() : List.copyOf(alternatives);
    }

    /** The contract's own scopes on this operation, for findings: the first requirement that lists one. */
    public static java.util.Optional<YNode> scopesNode(Operation operation) {
        return operation.security().flatMap(seq -> seq.items().stream().filter(r -> r instanceof YMap map
                && map.entries().values().stream().anyMatch(v -> v instanceof YSeq l && !l.items().isEmpty()))
                .findFirst());
    }
}
