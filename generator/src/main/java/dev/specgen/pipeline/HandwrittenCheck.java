package dev.specgen.pipeline;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.resolve.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Says which hand-written operations still answer 501: their handler module is missing from the
 * output folder or still holds specgen's stub. Without an output folder (validate) every one is
 * listed, since nothing shows it was written.
 */
final class HandwrittenCheck {
    /** The line the stub carries until the user replaces it. */
    static final String STUB_MARKER = "# specgen: stub";

    private HandwrittenCheck() {
    }

    static void check(ModelDoc model, Path outDir, Diagnostics diagnostics) {
        for (BindingDoc binding : model.bindings().values()) {
            if (!dev.specgen.actions.HandwrittenAction.binds(binding)) {
                continue;
            }
            String module = "app/handlers/" + Names.function(binding.key()) + ".py";
            String state = state(outDir == null ? null : outDir.resolve(module));
            if (state != null) {
                diagnostics.report(Rule.HANDWRITTEN_PENDING, binding.idMark(), binding.node().pointer(),
                        binding.key() + " is hand-written: " + state + ", and a stub answers 501 until it is written",
                        "implement handle() in " + module + " of the generated backend (and remove its '"
                                + STUB_MARKER + "' line)");
            }
        }
    }

    private static String module(Path handler) {
        return "app/handlers/" + handler.getFileName();
    }

    /** Why the operation is not implemented, or null when it is. */
    private static String state(Path handler) {
        if (handler == null) {
            return "validate cannot see its module (generate and check look in the output folder)";
        }
        if (!Files.isRegularFile(handler)) {
            return module(handler) + " does not exist yet";
        }
        try {
            return Files.readString(handler, StandardCharsets.UTF_8).contains(STUB_MARKER)
                    ? module(handler) + " is still the stub" : null;
        } catch (IOException e) {
            return "its module cannot be read (" + e.getMessage() + ")";
        }
    }
}
