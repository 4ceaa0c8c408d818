package dev.specgen.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an entity's schema module ({@code app/schemas/<entity>.py}) imports: exactly the names its
 * request and response classes use. The field declarations are the ones the model module prints, so
 * the names are read from them, among the ones the entity's model module imports.
 */
public final class SchemaModuleImports {
    public final boolean uuid;
    public final boolean decimal;
    public final String datetimeNames;
    public final boolean hasDatetime;
    public final String typingNames;
    public final boolean hasTyping;
    public final String pydanticNames;
    public final String sqlmodelNames;
    public final boolean hasSqlmodel;
    /** From the entity's model module: its Base class and the enum classes the declarations use. */
    public final String modelNames;
    public final boolean finiteJson;
    /** The import lines in isort's three sections: the standard library, third parties, the app. */
    public final List<String> standardLines;
    public final List<String> thirdPartyLines;
    public final List<String> appLines;

    private SchemaModuleImports(String text, EntityModel entity, boolean field, boolean sqlModel) {
        this.uuid = text.contains("uuid.");
        this.decimal = text.contains("decimal.");
        this.datetimeNames = used(text, entity.imports.datetimeNames);
        this.hasDatetime = !datetimeNames.isEmpty();
        this.typingNames = used(text, entity.imports.typingNames);
        this.hasTyping = !typingNames.isEmpty();
        this.pydanticNames = used(text, entity.pydanticImports.replace("ConfigDict, ", "").replace(", ConfigDict", "")
                .replace("ConfigDict", ""));
        List<String> sqlmodel = new ArrayList<>();
        if (field) {
            sqlmodel.add("Field");
        }
        if (sqlModel) {
            sqlmodel.add("SQLModel");
        }
        this.sqlmodelNames = String.join(", ", sqlmodel);
        this.hasSqlmodel = !sqlmodel.isEmpty();
        List<String> model = new ArrayList<>(List.of(entity.className + "Base"));
        entity.enums.stream().map(e -> e.className).filter(name -> uses(text, name)).forEach(model::add);
        this.modelNames = String.join(", ", Names.isortOrder(model));
        this.finiteJson = uses(text, "finite_json");
        List<String> standard = new ArrayList<>();
        if (decimal) {
            standard.add("import decimal");
        }
        if (uuid) {
            standard.add("import uuid");
        }
        if (hasDatetime) {
            standard.add("from datetime import " + datetimeNames);
        }
        if (hasTyping) {
            standard.add("from typing import " + typingNames);
        }
        this.standardLines = List.copyOf(standard);
        List<String> third = new ArrayList<>();
        if (!pydanticNames.isEmpty()) {
            third.add("from pydantic import " + pydanticNames);
        }
        if (hasSqlmodel) {
            third.add("from sqlmodel import " + sqlmodelNames);
        }
        third.add("from sqlmodel._compat import SQLModelConfig");
        this.thirdPartyLines = List.copyOf(third);
        List<String> app = new ArrayList<>(List.of("from app.models." + entity.module + " import " + modelNames));
        if (finiteJson) {
            app.add("from app.validation import finite_json");
        }
        this.appLines = List.copyOf(app);
    }

    static SchemaModuleImports of(EntityModel entity) {
        List<String> declarations = new ArrayList<>();
        boolean field = false;
        if (entity.hasCreate) {
            for (FieldModel f : entity.createOnlyFields) {
                declarations.add(names(f, f.createArgs));
                field = true;
            }
        }
        if (entity.hasUpdate) {
            for (FieldModel f : entity.updateFields) {
                declarations.add(names(f, f.updateArgs));
                field = true;
            }
        }
        for (FieldModel f : entity.replaceFields) {
            declarations.add(names(f, f.createArgs));
            field = true;
        }
        for (FieldModel f : entity.publicOnlyFields) {
            declarations.add(names(f, List.of()));
            field |= f.aliased;
        }
        String text = String.join("\n", declarations);
        // An array's items may carry their own bounds: list[Annotated[int, Field(ge=0)]].
        field |= Pattern.compile("(?<![\\w.])Field\\(").matcher(text).find();
        // SQLModelConfig is always used (every class sets model_config); the serializer names decimal itself.
        String used = text + (entity.hasNumberDecimals ? "\nfield_serializer decimal." : "")
                + (entity.hasOmittedWhenNull ? "\nmodel_serializer SerializerFunctionWrapHandler" : "");
        return new SchemaModuleImports(used, entity, field, entity.hasUpdate || entity.hasPage || entity.hasReplace);
    }

    /**
     * The names a field's declaration uses (model.stg's fieldDecl prints it): its annotation and what
     * its arguments name. Not the declaration itself, only enough of it to find the imports.
     */
    private static String names(FieldModel f, List<FieldModel.Arg> args) {
        StringBuilder text = new StringBuilder(f.strictBool ? "StrictBool " : "").append(f.pyType);
        for (FieldModel.Arg arg : args) {
            String key = arg.is.keySet().iterator().next();
            text.append(' ').append(switch (key) {
                case "defaultUuid4" -> "uuid.uuid4";
                case "defaultUtcnow" -> "utcnow";
                case "defaultDecimal", "geDecimal", "leDecimal" -> "decimal.Decimal";
                case "defaultUuid" -> "uuid.UUID";
                case "defaultDate" -> "date.fromisoformat";
                case "saText" -> "Text";
                case "saBigint" -> "BigInteger Integer";
                case "saJson" -> "JSON";
                // A string's text names nothing (alias="datetime"): only the code around it may.
                default -> arg.value == null ? "" : arg.value.replaceAll("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'", "\"\"");
            });
        }
        return text.toString();
    }

    /** The names of a comma-separated import list that the text uses as words, in the list's order. */
    private static String used(String text, String names) {
        if (names.isEmpty()) {
            return "";
        }
        return String.join(", ", List.of(names.split(", ")).stream().filter(n -> uses(text, n)).toList());
    }

    private static boolean uses(String text, String name) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?!\\w)").matcher(text).find();
    }
}
