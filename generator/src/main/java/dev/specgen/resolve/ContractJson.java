package dev.specgen.resolve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgen.load.JsonTrees;
import dev.specgen.load.YNode;

/**
 * The input contract as the JSON document the generated server serves. Keys keep document order,
 * numbers keep their exact digits, and line ends are "\n" whatever the platform, so the bytes are
 * the same on every machine.
 */
final class ContractJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ContractJson() {
    }

    static String of(YNode root) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(indenter).withArrayIndenter(indenter);
        try {
            return MAPPER.writer(printer).writeValueAsString(JsonTrees.toJson(root)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the contract could not be written as JSON", e);
        }
    }
}
