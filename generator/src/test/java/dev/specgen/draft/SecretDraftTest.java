package dev.specgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.diagnostics.Rule;
import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init never drafts a secret a body writes as sent: what it drafts, validate (SG430) accepts. */
class SecretDraftTest {
    @TempDir
    Path temp;

    @Test
    void aPasswordHashIsDraftedReadOnlyAndValidateDoesNotReportIt() throws IOException {
        Files.createDirectories(temp.resolve("contracts"));
        Files.writeString(temp.resolve("contracts/openapi.yaml"), """
                openapi: 3.1.0
                info: {title: Accounts, version: 1.0.0}
                paths:
                  /users:
                    post:
                      operationId: createUser
                      security: [{bearerAuth: []}]
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/UserCreate'}
                      responses:
                        '201':
                          description: created
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/User'}
                components:
                  securitySchemes:
                    bearerAuth: {type: http, scheme: bearer, bearerFormat: JWT}
                  schemas:
                    UserCreate:
                      type: object
                      required: [email, password_hash]
                      properties:
                        email: {type: string, maxLength: 255}
                        password_hash: {type: string, maxLength: 255}
                    User:
                      type: object
                      properties:
                        id: {type: integer}
                        email: {type: string, maxLength: 255}
                """);
        Draft draft = DraftExamplesTest.draft(temp);
        assertTrue(draft.text().contains("read_only: true") && draft.text().contains("(SG430)"), draft.text());
        Files.writeString(temp.resolve("model.yaml"), draft.text());
        assertEquals(0, new Pipeline().validate(SpecPaths.locate(temp, null, null), false).diagnostics().sorted()
                .stream().filter(d -> d.rule() == Rule.SECRET_FIELD_WRITABLE).count());
    }
}
