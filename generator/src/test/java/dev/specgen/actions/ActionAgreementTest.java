package dev.specgen.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stringtemplate.v4.STGroupFile;

/**
 * The four places an action is named agree: the registry (Actions), the JSON Schema's action enum
 * (specs-schema/model.schema.json), the template groups (templates/python/actions/) and the action
 * table of docs/model-yaml.md. Adding an action to one and not the others fails here, with the
 * difference named (ARCHITECTURE.md, "Adding an action").
 */
class ActionAgreementTest {
    private static final Path GROUPS = Path.of("templates/python/actions");

    private static Set<String> registry() {
        Set<String> names = new TreeSet<>();
        Actions.all().forEach(a -> names.add(a.name()));
        return names;
    }

    @Test
    void theSchemaListsExactlyTheRegisteredActions() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of("specs-schema/model.schema.json")));
        List<JsonNode> enums = new ArrayList<>();
        schema.findParents("action").forEach(parent -> {
            JsonNode action = parent.get("action");
            if (action.has("enum")) {
                enums.add(action.get("enum"));
            }
        });
        assertEquals(1, enums.size(), "one action enum in the schema");
        Set<String> listed = new TreeSet<>();
        enums.get(0).forEach(n -> listed.add(n.asText()));
        assertEquals(registry(), listed, "specs-schema/model.schema.json's action enum and Actions disagree");
    }

    @Test
    void theDocsTableHasOneRowPerRegisteredAction() throws IOException {
        String doc = Files.readString(Path.of("docs/model-yaml.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("\n## Actions\n");
        assertTrue(start >= 0, "docs/model-yaml.md has an Actions section");
        String section = doc.substring(start + 1, doc.indexOf("\n## ", start + 1));
        Set<String> rows = new TreeSet<>();
        // The table's rows, after its header (| `action` | Methods | ...) and its |---| line.
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(section.substring(section.indexOf("|---")));
        while (row.find()) {
            assertTrue(rows.add(row.group(1)), "one row for " + row.group(1));
        }
        assertEquals(registry(), rows, "docs/model-yaml.md's action table and Actions disagree");
    }

    @Test
    void everyActionHasItsGroupAndEveryGroupAnAction() throws IOException {
        Set<String> groups = new TreeSet<>();
        Actions.all().forEach(a -> groups.add(a.group()));
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(GROUPS)) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".stg"))
                    .forEach(n -> files.add(n.substring(0, n.length() - ".stg".length())));
        }
        assertEquals(groups, files, "templates/python/actions/ and the actions' groups disagree");
    }

    @Test
    void everyRouteAndTestsTemplateAnActionNamesIsDefined() {
        Set<String> defined = new TreeSet<>();
        for (String group : Actions.routerGroups()) {
            defined.addAll(templates(group));
        }
        for (Action action : Actions.all()) {
            if (action.ownModules()) {
                assertTrue(templates(action.group()).contains("module"), action.name() + "'s group renders a module");
                continue;
            }
            assertTrue(templates(action.group()).contains(action.routeTemplate()) || defined.contains(action.routeTemplate()),
                    action.name() + "'s route template " + action.routeTemplate() + " is defined in an action group");
            action.testsTemplate().ifPresent(t -> assertTrue(templates(action.group()).contains(t),
                    action.name() + "'s tests template " + t + " is in its own group " + action.group()));
            assertTrue(!action.customTestsOnly() || action.testsTemplate().isPresent(),
                    action.name() + " has only its own tests, so it names them");
        }
    }

    private static Set<String> templates(String group) {
        STGroupFile file = new STGroupFile(GROUPS.resolve(group + ".stg").toString(), "UTF-8", '$', '$');
        file.load();
        Set<String> names = new TreeSet<>();
        file.getTemplateNames().forEach(n -> names.add(n.startsWith("/") ? n.substring(1) : n));
        return names;
    }
}
