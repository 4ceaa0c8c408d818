package dev.specgen.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which value of a contract's error {@code code} enum names each situation the generated server answers.
 * A value is cut into words (SLOT_NOT_FOUND, slotNotFound and slot-not-found are SLOT NOT FOUND) and
 * belongs to the situation whose word pattern it matches with the most words (METHOD_NOT_ALLOWED is a
 * 405, not a 403 "not allowed"). Among a situation's values: one naming the operation's resource first,
 * then the next named resource, then one naming no resource; a value naming some other resource
 * (PROVIDER_NOT_FOUND on an appointment) never fits; then the earlier pattern, then the enum's order.
 * A situation that is not about a row (401, 405, 413, 500, 501, 503) takes no value naming a resource
 * (SLOT_UNAVAILABLE is not a 503).
 */
public final class ErrorCodes {
    /** A situation: the word the generated server raises it with, and the word patterns of its values. */
    public enum Situation {
        VALIDATION_ERROR(true, "VALIDATION", "INVALID INPUT", "INVALID REQUEST", "INVALID", "UNPROCESSABLE",
                "BAD REQUEST", "MALFORMED", "VALIDATION FAILED"),
        UNAUTHORIZED(false, "UNAUTHORIZED", "UNAUTHENTICATED", "NOT AUTHENTICATED", "AUTHENTICATION",
                "INVALID TOKEN", "TOKEN", "CREDENTIALS", "AUTH REQUIRED", "UNAUTHORISED"),
        FORBIDDEN(true, "FORBIDDEN", "PERMISSION", "ACCESS DENIED", "DENIED", "NOT ALLOWED"),
        NOT_FOUND(true, "NOT FOUND", "NOTFOUND", "DOES NOT EXIST", "NO SUCH", "MISSING", "UNKNOWN"),
        CONFLICT(true, "CONFLICT", "DUPLICATE", "ALREADY EXISTS", "EXISTS", "ALREADY", "UNIQUE", "TAKEN"),
        METHOD_NOT_ALLOWED(false, "METHOD NOT ALLOWED", "METHOD"),
        PAYLOAD_TOO_LARGE(false, "PAYLOAD TOO LARGE", "ENTITY TOO LARGE", "TOO LARGE", "PAYLOAD"),
        RATE_LIMITED(false, "RATE LIMITED", "RATE LIMIT", "TOO MANY", "THROTTLED"),
        INTERNAL_ERROR(false, "INTERNAL", "SERVER ERROR", "UNEXPECTED"),
        NOT_IMPLEMENTED(false, "NOT IMPLEMENTED", "UNIMPLEMENTED"),
        SERVICE_UNAVAILABLE(false, "SERVICE UNAVAILABLE", "UNAVAILABLE", "DATABASE"),
        /** A request naming a row that does not exist or that the caller cannot see. */
        REFERENCE_NOT_FOUND(true, "INVALID REFERENCE", "REFERENCE", "REFERENCED", "FOREIGN KEY");

        final boolean aboutRows;
        final List<List<String>> patterns;

        Situation(boolean aboutRows, String... patterns) {
            this.aboutRows = aboutRows;
            this.patterns = java.util.Arrays.stream(patterns).map(p -> List.of(p.split(" "))).toList();
        }

        /** What the situation is when the contract says it with a status: its words for humans. */
        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        /** The situation a status stands for, when nothing more is known. */
        public static Situation ofStatus(int status) {
            return switch (status) {
                case 400, 422 -> VALIDATION_ERROR;
                case 401 -> UNAUTHORIZED;
                case 403 -> FORBIDDEN;
                case 404 -> NOT_FOUND;
                case 405 -> METHOD_NOT_ALLOWED;
                case 409 -> CONFLICT;
                case 413 -> PAYLOAD_TOO_LARGE;
                case 429 -> RATE_LIMITED;
                case 501 -> NOT_IMPLEMENTED;
                case 503 -> SERVICE_UNAVAILABLE;
                default -> INTERNAL_ERROR;
            };
        }
    }

    /** A resource a value may name: its words (APPOINTMENT, or the table's APPOINTMENTS). */
    public record Resource(List<List<String>> names) {
        public static Resource of(String entityName, String table) {
            List<List<String>> names = new ArrayList<>();
            names.add(words(entityName));
            if (table != null && !words(table).equals(words(entityName))) {
                names.add(words(table));
            }
            return new Resource(List.copyOf(names));
        }

        boolean namedIn(List<String> value) {
            return names.stream().anyMatch(n -> indexOf(value, n) >= 0);
        }
    }

    private ErrorCodes() {
    }

    /** errors.codes of model.yaml: a situation's word (NOT_FOUND) to the contract's value it sends. */
    public static java.util.Map<String, String> explicit(dev.specgen.load.YMap modelRoot) {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        modelRoot.map("errors").flatMap(e -> e.map("codes")).ifPresent(m -> m.entries().keySet()
                .forEach(k -> m.text(k).ifPresent(v -> codes.put(k, v))));
        return codes;
    }

    /** The status a situation is answered with, where it is always the same (0 where it depends). */
    public static int statusOf(Situation situation) {
        return switch (situation) {
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case CONFLICT -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
            case INTERNAL_ERROR -> 500;
            case NOT_IMPLEMENTED -> 501;
            case SERVICE_UNAVAILABLE -> 503;
            case VALIDATION_ERROR, REFERENCE_NOT_FOUND -> 0;
        };
    }

    /** Chooses on one operation, with its resources: the same answer for validate and resolve. */
    public static final class Chooser {
        private final OperationResources resources;
        private final java.util.Map<String, String> explicit;

        /** @param explicit errors.codes of model.yaml: a situation's word to the value it sends. */
        public Chooser(OperationResources resources, java.util.Map<String, String> explicit) {
            this.resources = resources;
            this.explicit = explicit;
        }

        public OperationResources resources() {
            return resources;
        }

        /**
         * The code for a situation answered with this status on this operation. A missing reference takes
         * a value about references (naming the referenced row first), else the status's own situation
         * naming the referenced row (SLOT_NOT_FOUND for a booking naming an unknown slot).
         */
        public Optional<String> code(dev.specgen.contract.Operation operation, Situation situation, int status,
                List<String> values) {
            String named = explicit.get(situation.name());
            if (named != null && values.contains(named)) {
                return Optional.of(named);
            }
            List<Resource> all = resources.all();
            if (situation == Situation.REFERENCE_NOT_FOUND) {
                List<Resource> referenced = resources.referenced(operation);
                return choose(values, situation, referenced, all)
                        .or(() -> choose(values, Situation.ofStatus(status), referenced, all));
            }
            return choose(values, situation, resources.own(operation), all);
        }
    }

    /**
     * The value of {@code codes} for a situation on an operation whose resources are {@code preferred}
     * (its own first), among {@code all} the model's resources; empty when no value fits.
     */
    public static Optional<String> choose(List<String> codes, Situation situation, List<Resource> preferred,
            List<Resource> all) {
        String best = null;
        int[] bestRank = null;
        for (int i = 0; i < codes.size(); i++) {
            List<String> value = words(codes.get(i));
            int pattern = patternIndex(value, situation);
            if (pattern < 0 || situationOf(value) != situation) {
                continue;
            }
            int resource = resourceRank(value, situation, situation.patterns.get(pattern), preferred, all);
            if (resource < 0) {
                continue;
            }
            int[] rank = {resource, pattern, i};
            if (bestRank == null || java.util.Arrays.compare(rank, bestRank) < 0) {
                best = codes.get(i);
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Words that name no particular row or field: NOT_FOUND and RESOURCE_NOT_FOUND say the same. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("RESOURCE", "ITEM", "ENTITY", "RECORD",
            "ROW", "OBJECT", "ERROR", "ERR", "REQUEST", "INPUT", "DATA", "FAILED", "FAILURE", "GENERIC", "GENERAL",
            "HTTP", "API", "THE", "WAS", "IS", "NOT", "FOUND");

    /**
     * 0.. for the preferred resources in order, then one for a value naming none; -1 when it cannot fit:
     * it names another of the model's resources, or (for a situation about rows) words that are not the
     * situation's and not generic (USER_NOT_FOUND on a task names some other thing).
     */
    private static int resourceRank(List<String> value, Situation situation, List<String> pattern,
            List<Resource> preferred, List<Resource> all) {
        if (!situation.aboutRows) {
            return all.stream().anyMatch(r -> r.namedIn(value)) ? -1 : 0;
        }
        for (int i = 0; i < preferred.size(); i++) {
            if (preferred.get(i).namedIn(value)) {
                return i;
            }
        }
        if (all.stream().anyMatch(r -> r.namedIn(value))) {
            return -1;
        }
        List<String> rest = new ArrayList<>(value);
        int at = indexOf(rest, pattern);
        rest.subList(at, at + pattern.size()).clear();
        return GENERIC.containsAll(rest) ? preferred.size() : -1;
    }

    /** The situation whose pattern matches the most words of the value (the earlier situation on a tie). */
    static Situation situationOf(List<String> value) {
        Situation best = null;
        int longest = 0;
        for (Situation situation : Situation.values()) {
            for (List<String> pattern : situation.patterns) {
                if (pattern.size() > longest && indexOf(value, pattern) >= 0) {
                    best = situation;
                    longest = pattern.size();
                }
            }
        }
        return best;
    }

    private static int patternIndex(List<String> value, Situation situation) {
        for (int i = 0; i < situation.patterns.size(); i++) {
            if (indexOf(value, situation.patterns.get(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(List<String> value, List<String> words) {
        return java.util.Collections.indexOfSubList(value, words);
    }

    /** SLOT_NOT_FOUND, slotNotFound, slot-not-found and "Slot not found" are [SLOT, NOT, FOUND]. */
    static List<String> words(String text) {
        String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[^A-Za-z0-9]+", " ").trim();
        if (spaced.isEmpty()) {
            return List.of();
        }
        return List.of(spaced.toUpperCase(Locale.ROOT).split(" "));
    }
}
