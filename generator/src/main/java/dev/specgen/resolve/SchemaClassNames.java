package dev.specgen.resolve;

import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Python names of each entity's request and response classes ({@code app/schemas/}): the name of
 * the contract schema they stand for, so that routers and hand-written code read in the contract's
 * words.
 *
 * <p>Rules, in order:
 * <ol>
 * <li>A role (the response row, the create body, the update body, the offset page, a replace body that is
 * not the create body) takes the name of the
 * component its operations {@code $ref}: every operation of that role must use the same component (the
 * envelope's row schema, for an envelope). An inline schema, or operations that name different components,
 * keep specgen's derived name ({@code TaskPublic}, {@code TaskCreate}, {@code TaskUpdate}, {@code TaskPage}).</li>
 * <li>The classes live in {@code app.schemas}, apart from the tables in {@code app.models}, so a response
 * schema named like its table ({@code Task}) keeps its name; routers refer to them as {@code schemas.Task}.</li>
 * <li>A contract name is made a Python identifier as the hand-written classes' names are
 * ({@link ContractModels#className}); a name the schema modules import or define (keywords, builtins,
 * {@code Field}, {@code SQLModel}, an entity's {@code Base} or enum class) or that an earlier role already
 * took falls back to the derived name. Contract names are given out before derived names, and a derived
 * name that is taken gets a number ({@code TaskPublic2}).</li>
 * </ol>
 */
final class SchemaClassNames {
    static final List<String> ROLES = List.of("public", "create", "update", "page", "replace");
    private static final Map<String, String> SUFFIXES = Map.of("public", "Public", "create", "Create",
            "update", "Update", "page", "Page", "replace", "Replace");

    private final Map<String, Map<String, String>> names = new LinkedHashMap<>();

    SchemaClassNames(Resolver resolver) {
        Set<String> taken = new HashSet<>();
        for (EntityDoc entity : resolver.entities().values()) {
            taken.add(entity.name() + "Base");
            FieldRenderer renderer = resolver.renderer(entity);
            for (FieldDoc field : entity.fields().values()) {
                if (FieldType.of(field.type()) == FieldType.ENUM) {
                    taken.add(renderer.enumClassName(field.name()));
                }
            }
        }
        for (EntityDoc entity : resolver.entities().values()) {
            Map<String, String> roles = new LinkedHashMap<>();
            boolean ownReplace = resolver.replaceHasOwnBody(entity);
            for (String role : ROLES) {
                if ("replace".equals(role) && !ownReplace) {
                    continue; // the create class
                }
                contractName(resolver, entity, role, ownReplace).map(ContractModels::className)
                        .filter(name -> !Names.reservedClassName(name) && !"schemas".equals(name))
                        .filter(taken::add)
                        .ifPresent(name -> roles.put(role, name));
            }
            names.put(entity.name(), roles);
        }
        for (EntityDoc entity : resolver.entities().values()) {
            Map<String, String> roles = names.get(entity.name());
            boolean ownReplace = resolver.replaceHasOwnBody(entity);
            for (String role : ROLES) {
                if ("replace".equals(role) && !ownReplace) {
                    roles.put(role, roles.get("create"));
                } else if (!roles.containsKey(role)) {
                    String derived = entity.name() + SUFFIXES.get(role);
                    String unique = derived;
                    for (int i = 2; !taken.add(unique); i++) {
                        unique = derived + i;
                    }
                    roles.put(role, unique);
                }
            }
        }
    }

    /** The class of an entity in a role: public, create, update, page or replace. */
    String of(EntityDoc entity, String role) {
        return names.get(entity.name()).get(role);
    }

    /** The one component every operation of this role uses, if they agree on one. */
    private static Optional<String> contractName(Resolver resolver, EntityDoc entity, String role,
            boolean ownReplace) {
        List<Optional<String>> used = new ArrayList<>();
        for (Map.Entry<Operation, BindingDoc> entry : resolver.boundOperations(entity)) {
            boolean answersRow = !"public".equals(role) || resolver.responseSchema(entry.getKey()).isPresent();
            if (inRole(entry.getValue(), role, ownReplace) && answersRow) {
                used.add(resolver.roleSchema(entry.getKey(), entry.getValue(), role)
                        .flatMap(SchemaView::componentName));
            }
        }
        if (used.isEmpty() || used.stream().anyMatch(Optional::isEmpty)
                || used.stream().map(Optional::get).distinct().count() != 1) {
            return Optional.empty();
        }
        return used.get(0);
    }

    private static boolean inRole(BindingDoc binding, String role, boolean ownReplace) {
        dev.specgen.actions.Action action = dev.specgen.actions.Actions.of(binding);
        boolean full = action.body() == dev.specgen.actions.Action.Body.FULL;
        return switch (role) {
            case "public" -> action.answersRow();
            // A replace whose contract gives it no schema of its own writes the create schema.
            case "create" -> full && (!action.itemAction() || !ownReplace);
            case "replace" -> full && action.itemAction();
            case "update" -> action.body() == dev.specgen.actions.Action.Body.PARTIAL;
            case "page" -> action.listsRows() && !action.groupsRows() && dev.specgen.shapes.Envelopes.roles(binding).isEmpty()
                    && dev.specgen.actions.Pagination.Page.of(binding).map(p -> !p.pageStyle()).orElse(false);
            default -> false;
        };
    }
}
