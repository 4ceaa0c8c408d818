package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import dev.specgen.render.GeneratedFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The same spec gives the same bytes whatever the default locale and time zone. */
class DeterminismTest {
    @Test
    void outputDoesNotDependOnLocaleOrTimeZone() {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            for (String example : List.of("todo", "projects", "library")) {
                Locale.setDefault(Locale.ROOT);
                TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
                List<GeneratedFile> reference = generate(example);
                // Turkish lower-cases I to a dotless i; Kolkata is UTC+05:30.
                Locale.setDefault(Locale.forLanguageTag("tr-TR"));
                TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
                assertEquals(reference, generate(example), example + " differs under tr_TR / Asia/Kolkata");
                Locale.setDefault(Locale.forLanguageTag("ar-EG"));
                TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
                assertEquals(reference, generate(example), example + " differs under ar_EG / Kiritimati");
            }
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    private static List<GeneratedFile> generate(String example) {
        return new Pipeline().run(SpecPaths.locate(Path.of("examples", example), null, null), false).files()
                .orElseThrow();
    }
}
