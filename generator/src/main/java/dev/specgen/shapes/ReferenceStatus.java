package dev.specgen.shapes;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a request naming a row that does not exist, or that the caller cannot see, is answered with:
 * of the statuses 409, 422, 400 and 404 the operation declares, the first whose description speaks of
 * a reference ("reference", "referenced", "foreign key"), else the first in that order. A 409 or an
 * invalid-input status comes before a 404, which would read as "the item itself was not found".
 * 0 when the operation declares none of them.
 */
public final class ReferenceStatus {
    public static final List<Integer> ORDER = List.of(409, 422, 400, 404);
    private static final List<String> WORDS = List.of("reference", "foreign");

    private ReferenceStatus() {
    }

    public static int of(Contract contract, Operation operation) {
        int first = 0;
        for (int status : ORDER) {
            if (!operation.declaresStatus(Integer.toString(status))) {
                continue;
            }
            if (first == 0) {
                first = status;
            }
            if (speaksOfReferences(contract, operation, status)) {
                return status;
            }
        }
        return first;
    }

    /** The first of ORDER the operation declares (what the generated code falls back to), 0 for none. */
    public static int plain(Operation operation) {
        return ORDER.stream().filter(s -> operation.declaresStatus(Integer.toString(s))).findFirst().orElse(0);
    }

    private static boolean speaksOfReferences(Contract contract, Operation operation, int status) {
        Optional<YNode> response = operation.responses().flatMap(r -> r.get(Integer.toString(status)));
        if (response.isEmpty()) {
            return false;
        }
        String text = contract.derefMap(response.get()).flatMap(r -> r.text("description")).orElse("")
                + " " + (response.get() instanceof YMap own ? own.text("description").orElse("") : "");
        String lower = text.toLowerCase(Locale.ROOT);
        return WORDS.stream().anyMatch(lower::contains);
    }
}
