package dev.specgen.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of a data-model.md section that state something model.yaml can say: composite
 * indexes, the order rows are listed in, what a query value means ("`status=pending` means completed
 * is false"), range bounds and text search. Each fact keeps the sentence it came from, so the draft
 * can quote it beside what it inferred.
 */
final class Prose {
    private static final Pattern GROUP = Pattern.compile("(?i)\\b(index|unique)(?: constraint)? on \\(([^)]+)\\)");
    private static final Pattern ORDER = Pattern.compile(
            "(?i)\\b(?:listed|ordered|sorted|returned)\\s+(?:by|in)\\s+(.+?)(?:\\.\\s*$|$)");
    private static final Pattern MEANS = Pattern.compile("`([A-Za-z_][\\w.-]*)=([^`]*)`([^`]*)");
    private static final Pattern BOUNDS = Pattern.compile(
            "(?i)`(\\w+)`\\s*/\\s*`(\\w+)` are (inclusive|exclusive) bounds on `?(\\w+)`?");
    private static final Pattern BOUND = Pattern.compile(
            "(?i)`(\\w+)` is an? (inclusive|exclusive) (lower|upper) bound on `?(\\w+)`?");
    private static final Pattern SEARCH = Pattern.compile("(?i)`(\\w+)` (?:matches|searches)\\s+(.+)");
    private static final Pattern WORD = Pattern.compile("[a-z_][a-z0-9_]*");

    /** A fact and the sentence that states it. */
    record Fact<T>(T value, String sentence) {
    }

    record ValueMap(String field, Map<String, Object> values) {
    }

    record Bound(String field, String op) {
    }

    record Search(String param, List<String> words) {
    }

    /** Marks "no filter" in a value map: YAML null. */
    static final Object NO_FILTER = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final List<String> sentences;

    Prose(DataModel.Section section) {
        this.sentences = section.sentences();
    }

    List<String> sentences() {
        return sentences;
    }

    /** "Index on (user_id, spent_on)" and "Unique on (a, b)", by kind. */
    List<Fact<List<String>>> groups(String kind) {
        List<Fact<List<String>>> groups = new ArrayList<>();
        for (String sentence : sentences) {
            Matcher m = GROUP.matcher(sentence);
            while (m.find()) {
                if (m.group(1).equalsIgnoreCase(kind)) {
                    groups.add(new Fact<>(names(m.group(2)), sentence));
                }
            }
        }
        return groups;
    }

    /** "Listed by spent_on descending, then created_at descending." as [-spent_on, -created_at]. */
    Optional<Fact<List<String>>> order() {
        for (String sentence : sentences) {
            Matcher m = ORDER.matcher(sentence.replace("`", ""));
            if (!m.find()) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (String part : m.group(1).split("(?i),?\\s+then\\s+|,\\s*|\\s+and\\s+")) {
                String[] words = part.strip().toLowerCase(Locale.ROOT).split("\\s+");
                if (words.length == 0 || !WORD.matcher(words[0]).matches()) {
                    return Optional.empty();
                }
                boolean descending = words.length > 1 && (words[1].startsWith("desc") || words[1].equals("newest"));
                keys.add((descending ? "-" : "") + words[0]);
            }
            return keys.isEmpty() ? Optional.empty() : Optional.of(new Fact<>(List.copyOf(keys), sentence));
        }
        return Optional.empty();
    }

    /**
     * "`status=pending` means completed is false, `status=completed` means true, `status=all` (the
     * default) means no filter": per parameter, the field and each value's meaning. The field named once
     * carries over to the clauses that leave it out.
     */
    Map<String, Fact<ValueMap>> valueMaps() {
        Map<String, Fact<ValueMap>> maps = new LinkedHashMap<>();
        for (String sentence : sentences) {
            Matcher m = MEANS.matcher(sentence);
            String field = null;
            Map<String, Map<String, Object>> byParam = new LinkedHashMap<>();
            while (m.find()) {
                String meaning = m.group(3).replaceAll("\\([^)]*\\)", " ").strip().toLowerCase(Locale.ROOT);
                meaning = meaning.replaceFirst("[,.;]+$", "").strip();
                if (!meaning.startsWith("means ")) {
                    continue;
                }
                meaning = meaning.substring("means ".length()).strip();
                Object value;
                if (meaning.equals("no filter") || meaning.startsWith("no filter")) {
                    value = NO_FILTER;
                } else {
                    String[] words = meaning.split("\\s+is\\s+|\\s*=\\s*", 2);
                    if (words.length == 2) {
                        field = words[0].strip();
                        meaning = words[1].strip();
                    }
                    value = ColumnNotes.literal(meaning);
                }
                byParam.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), value);
            }
            if (field != null) {
                for (Map.Entry<String, Map<String, Object>> entry : byParam.entrySet()) {
                    maps.putIfAbsent(entry.getKey(), new Fact<>(new ValueMap(field, entry.getValue()), sentence));
                }
            }
        }
        return maps;
    }

    /** "`spent_from`/`spent_to` are inclusive bounds on spent_on", "`min_amount` is an inclusive lower bound on amount". */
    Map<String, Fact<Bound>> bounds() {
        Map<String, Fact<Bound>> bounds = new LinkedHashMap<>();
        for (String sentence : sentences) {
            Matcher pair = BOUNDS.matcher(sentence);
            while (pair.find()) {
                boolean inclusive = pair.group(3).equalsIgnoreCase("inclusive");
                bounds.putIfAbsent(pair.group(1), new Fact<>(new Bound(pair.group(4), inclusive ? "gte" : "gt"), sentence));
                bounds.putIfAbsent(pair.group(2), new Fact<>(new Bound(pair.group(4), inclusive ? "lte" : "lt"), sentence));
            }
            Matcher one = BOUND.matcher(sentence);
            while (one.find()) {
                boolean inclusive = one.group(2).equalsIgnoreCase("inclusive");
                boolean lower = one.group(3).equalsIgnoreCase("lower");
                String op = (lower ? "g" : "l") + "t" + (inclusive ? "e" : "");
                bounds.putIfAbsent(one.group(1), new Fact<>(new Bound(one.group(4), op), sentence));
            }
        }
        return bounds;
    }

    /** "`q` matches merchant or note, case-insensitively": the parameter and the words that follow. */
    Optional<Fact<Search>> search() {
        for (String sentence : sentences) {
            Matcher m = SEARCH.matcher(sentence);
            if (m.find()) {
                List<String> words = new ArrayList<>();
                Matcher w = WORD.matcher(m.group(2).toLowerCase(Locale.ROOT).replace("`", ""));
                while (w.find()) {
                    words.add(w.group());
                }
                return Optional.of(new Fact<>(new Search(m.group(1), List.copyOf(words)), sentence));
            }
        }
        return Optional.empty();
    }

    /** The first sentence that mentions a word, for quoting. */
    Optional<String> mentioning(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return sentences.stream().filter(s -> s.toLowerCase(Locale.ROOT).contains(lower)).findFirst();
    }

    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String part : list.split(",")) {
            String name = part.replace("`", "").strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}
