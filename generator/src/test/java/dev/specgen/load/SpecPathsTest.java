package dev.specgen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec Kit feature folders: contracts/ may hold anything; the one OpenAPI document is found. */
class SpecPathsTest {
    @TempDir
    Path feature;

    private Path contracts() throws Exception {
        return Files.createDirectories(feature.resolve("contracts"));
    }

    @Test
    void theConventionalNameWins() throws Exception {
        Files.writeString(contracts().resolve("openapi.yaml"), "openapi: 3.1.0\n");
        Files.writeString(contracts().resolve("extra.yaml"), "openapi: 3.1.0\n");
        SpecPaths paths = SpecPaths.locate(feature, null, null);
        assertTrue(paths.openapiFound());
        assertEquals("openapi.yaml", paths.openapi().getFileName().toString());
    }

    @Test
    void theOnlyOpenApiDocumentIsFoundWhateverItsName() throws Exception {
        Files.writeString(contracts().resolve("README.md"), "openapi: not yaml\n");
        Files.writeString(contracts().resolve("events.yaml"), "asyncapi: 3.0.0\n");
        Files.writeString(contracts().resolve("tasks-api.json"), "{\n  \"openapi\": \"3.0.3\"\n}\n");
        SpecPaths paths = SpecPaths.locate(feature, null, null);
        assertTrue(paths.openapiFound());
        assertEquals("tasks-api.json", paths.openapi().getFileName().toString());
    }

    @Test
    void severalOrNoneAreNotGuessed() throws Exception {
        Files.writeString(contracts().resolve("b.yaml"), "openapi: 3.1.0\n");
        Files.writeString(contracts().resolve("a.yaml"), "openapi: 3.0.3\n");
        SpecPaths several = SpecPaths.locate(feature, null, null);
        assertFalse(several.openapiFound());
        assertEquals(2, several.contractCandidates().size());
        assertEquals("a.yaml", several.contractCandidates().get(0).getFileName().toString(), "listed in name order");
        Files.delete(contracts().resolve("a.yaml"));
        Files.delete(contracts().resolve("b.yaml"));
        Files.writeString(contracts().resolve("api.md"), "# API\n");
        SpecPaths none = SpecPaths.locate(feature, null, null);
        assertFalse(none.openapiFound());
        assertEquals(java.util.List.of("api.md"), none.contractsListing());
    }
}
