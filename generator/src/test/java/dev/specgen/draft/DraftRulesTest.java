package dev.specgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.contract.Contract;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.load.YMap;
import dev.specgen.load.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binding rules of the draft, on a small contract written for them: a PUT by id binds like the GET
 * on its path, logins and row commands go through the door, /health is health, envelope rows are no
 * tables, rows that name a user are never suggested shared, and no DECIDE claims what the contract does
 * not say or is reported at line 0.
 */
class DraftRulesTest {
    @TempDir
    Path temp;

    private static final String CONTRACT = """
            openapi: 3.0.3
            info: {title: Rules, version: "1"}
            paths:
              /health:
                get:
                  operationId: health
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/HealthStatus'}
              /auth/login:
                post:
                  operationId: login
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Credentials'}
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Item'}
              /items:
                get:
                  operationId: listItems
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/ItemList'}
                post:
                  operationId: createItem
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/ItemCreate'}
                  responses:
                    "201":
                      description: created
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/ItemResponse'}
              /items/{item_id}:
                parameters:
                  - {name: item_id, in: path, required: true, schema: {type: integer}}
                get:
                  operationId: getItem
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/ItemResponse'}
                put:
                  operationId: putItem
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/ItemUpdate'}
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/ItemResponse'}
              /items/{item_id}/reserve:
                parameters:
                  - {name: item_id, in: path, required: true, schema: {type: integer}}
                post:
                  operationId: reserveItem
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Reserve'}
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/ItemResponse'}
            components:
              schemas:
                HealthStatus:
                  type: object
                  properties: {status: {type: string}}
                Credentials:
                  type: object
                  required: [username, password]
                  properties: {username: {type: string}, password: {type: string}}
                Reserve:
                  type: object
                  required: [quantity]
                  properties: {quantity: {type: integer}}
                Pagination:
                  type: object
                  properties: {page: {type: integer}, total: {type: integer}}
                ItemList:
                  type: object
                  properties:
                    data: {type: array, items: {$ref: '#/components/schemas/ItemResponse'}}
                    pagination: {$ref: '#/components/schemas/Pagination'}
                ItemCreate:
                  type: object
                  required: [name]
                  properties: {name: {type: string, maxLength: 50}}
                ItemUpdate:
                  type: object
                  properties: {name: {type: string, maxLength: 50}}
                ItemResponse:
                  type: object
                  required: [item_id, name, user_id]
                  properties:
                    item_id: {type: integer}
                    name: {type: string, maxLength: 50}
                    user_id: {type: string, maxLength: 64}
            """;

    private static final String TABLES = """
            ## Entity 1: Item
            Table Name: items

            | Column | Type | Notes |
            |---|---|---|
            | item_id | SERIAL | PK |
            | name | VARCHAR(50) | NOT NULL |
            | user_id | VARCHAR(64) | NOT NULL, FK -> users.id |
            | created_at | TIMESTAMP | DEFAULT NOW() |

            ## users (owned by the auth service)
            | Column | Type |
            |---|---|
            | id | VARCHAR(64), PK |
            """;

    private Draft draft() {
        Diagnostics diagnostics = new Diagnostics();
        YamlLoader yaml = new YamlLoader();
        Path file = temp.resolve("openapi.yaml");
        try {
            Files.writeString(file, CONTRACT);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        YMap root = yaml.read(file, file, diagnostics).flatMap(s -> yaml.parse(s, diagnostics)).orElseThrow();
        return new Drafter().draft(new Contract(root), Optional.of(TABLES), new Drafter.Sources(
                "contracts/openapi.yaml", Optional.of("data-model.md"), "model.schema.json"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> taken(Draft draft) {
        Set<String> all = draft.decisions().stream().map(Decision::id).collect(Collectors.toSet());
        return (Map<String, Object>) new org.snakeyaml.engine.v2.api.Load(
                org.snakeyaml.engine.v2.api.LoadSettings.builder().build()).loadFromString(draft.text(all));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> op(Map<String, Object> model, String key) {
        return (Map<String, Object>) ((Map<String, Object>) model.get("operations")).get(key);
    }

    @Test
    void bindingsFollowWhatEachOperationIs() {
        Draft draft = draft();
        Map<String, Object> model = taken(draft);
        assertEquals("health", op(model, "health").get("action"), "/health is health, its schema no table");
        assertEquals("handwritten", op(model, "login").get("action"), "a login is never a create of a password");
        assertEquals("handwritten", op(model, "reserveItem").get("action"), "a command on a row is no create");
        assertEquals("update", op(model, "putItem").get("action"), "a PUT by id binds like the GET on its path");
        assertEquals(Map.of("item_id", "item_id"), op(model, "putItem").get("path"));
        assertEquals("list", op(model, "listItems").get("action"), "an envelope list is a list, never me");
        assertEquals("create", op(model, "createItem").get("action"));
        @SuppressWarnings("unchecked")
        Map<String, Object> entities = (Map<String, Object>) model.get("entities");
        assertTrue(entities.containsKey("Item"), entities.keySet().toString());
        assertFalse(entities.containsKey("ItemResponse") || entities.containsKey("HealthStatus")
                || entities.containsKey("Pagination"), entities.keySet().toString());
        assertEquals("items", ((Map<?, ?>) entities.get("Item")).get("table"));
    }

    @Test
    void suggestionsAreSafeAndSayOnlyWhatTheContractSays() {
        Draft draft = draft();
        String text = draft.text();
        assertFalse(text.contains("# ownership: {shared: true}"), "rows that name a user are not shared:\n" + text);
        assertTrue(text.contains("# ownership: {owner_field: user_id}"), text);
        assertFalse(text.contains("says bearer JWT"), "the contract declares no scheme");
        assertTrue(text.contains("declares no security scheme"), text);
        for (Decision decision : draft.decisions()) {
            assertTrue(draft.lineOf(decision) > 0, decision.id() + " is reported at its line");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> created = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<
                String, Object>) taken(draft).get("entities")).get("Item")).get("fields")).get("created_at");
        assertEquals("created", created.get("generated"));
        assertFalse(created.containsKey("default"), "DEFAULT NOW() is generated, not a literal default");
    }
}
