package dev.specgen.actions;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.resolve.ContractTypes;
import dev.specgen.resolve.Names;
import dev.specgen.resolve.PyLiteral;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pagination of a list: offset style (limit and offset) or page style (a 1-based page number and a
 * page size), with the parameter names the contract uses. Checks and plan in one place.
 */
public final class Pagination {
    private Pagination() {
    }

    /** The page of a binding as written, with its defaults filled in. */
    public record Page(boolean pageStyle, String sizeParam, String positionParam, BigDecimal byDefault,
            BigDecimal max, YMap node) {

        public static Optional<Page> of(BindingDoc binding) {
            return binding.page().map(page -> {
                boolean pageStyle = "page".equals(page.text("style").orElse("offset"));
                String size = pageStyle ? page.text("size_param").orElse("page_size") : page.text("limit_param").orElse("limit");
                String position = pageStyle ? page.text("page_param").orElse("page") : page.text("offset_param").orElse("offset");
                return new Page(pageStyle, size, position, page.scalar("default").flatMap(YScalar::number).orElseThrow(),
                        page.scalar("max").flatMap(YScalar::number).orElseThrow(), page);
            });
        }

        /** The envelope roles a page of this style can fill. */
        public Set<String> roles() {
            return pageStyle ? Set.of("total", "page", "page_size") : Set.of("total", "limit", "offset");
        }
    }

    public static void check(Contract contract, BindingDoc binding, Page page, Map<String, Parameter> query,
            Set<String> meaningful, Diagnostics diagnostics, String label) {
        meaningful.add(page.sizeParam());
        meaningful.add(page.positionParam());
        boolean contradictory = page.byDefault().compareTo(page.max()) > 0;
        if (contradictory) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, page.node().get("default").orElseThrow(), "operations."
                    + binding.key() + ".page has default " + page.byDefault() + ", above its max " + page.max(),
                    "page.default <= page.max");
        }
        for (String name : List.of(page.sizeParam(), page.positionParam())) {
            if (!query.containsKey(name)) {
                diagnostics.report(Rule.QUERY_PARAM_UNSUPPORTED, page.node(), label + " has no query parameter '"
                        + name + "' for its page", "a query parameter named " + name + " in the contract"
                        + (page.pageStyle() ? ", or page_param/size_param naming the contract's" : ""));
            }
        }
        Parameter size = query.get(page.sizeParam());
        // A contradictory page cannot say what the size parameter should be: fix the page first.
        if (size != null && !contradictory) {
            size.schema().flatMap(s -> SchemaView.of(contract, s)).ifPresent(s -> {
                boolean same = s.number("maximum").map(m -> m.compareTo(page.max()) == 0).orElse(false)
                        && s.number("default").map(d -> d.compareTo(page.byDefault()) == 0).orElse(false)
                        && "integer".equals(s.type().orElse(""));
                if (!same) {
                    String says = s.type().orElse("no single type") + ", maximum "
                            + s.number("maximum").map(BigDecimal::toPlainString).orElse("none") + ", default "
                            + s.number("default").map(BigDecimal::toPlainString).orElse("none");
                    diagnostics.report(Rule.CONSTRAINT_MISMATCH, size.schema().orElseThrow(), "query parameter '"
                            + page.sizeParam() + "' of " + label + " says " + says + ", but model.yaml's page says max "
                            + page.max() + " and default " + page.byDefault(), "type: integer, minimum: 1, maximum: "
                            + page.max() + ", default: " + page.byDefault() + " (or the same numbers in operations."
                            + binding.key() + ".page)");
                }
            });
        }
        Parameter position = query.get(page.positionParam());
        if (position != null) {
            position.schema().flatMap(s -> SchemaView.of(contract, s)).ifPresent(s -> {
                BigDecimal least = s.number("minimum").orElse(null);
                boolean integer = "integer".equals(s.type().orElse(""));
                boolean fits = page.pageStyle() ? least != null && least.compareTo(BigDecimal.ONE) == 0
                        : least != null && least.signum() == 0;
                if (!integer || !fits) {
                    diagnostics.report(Rule.CONSTRAINT_MISMATCH, position.schema().orElseThrow(), "query parameter '"
                            + page.positionParam() + "' of " + label + " is not an integer with minimum "
                            + (page.pageStyle() ? "1 (pages count from 1)" : "0"), "type: integer, minimum: "
                            + (page.pageStyle() ? "1" : "0"));
                }
            });
        }
    }

    /** The query parameters of the page, as the route declares them (contract bounds only). */
    public static List<String> parameters(Contract contract, dev.specgen.contract.Operation operation, Page page) {
        List<String> parameters = new ArrayList<>();
        Map<String, Parameter> query = new java.util.LinkedHashMap<>();
        operation.parametersIn("query").forEach(p -> query.put(p.name(), p));
        String size = page.pageStyle() ? "page_size" : "limit";
        String position = page.pageStyle() ? "page" : "offset";
        parameters.add(declare(contract, query.get(page.sizeParam()), size, page.sizeParam(),
                page.byDefault().toPlainString()));
        parameters.add(declare(contract, query.get(page.positionParam()), position, page.positionParam(),
                page.pageStyle() ? "1" : "0"));
        return parameters;
    }

    private static String declare(Contract contract, Parameter parameter, String name, String wire, String fallback) {
        SchemaView schema = parameter.schema().flatMap(s -> SchemaView.of(contract, s)).orElseThrow();
        List<String> args = new ArrayList<>();
        if (!name.equals(wire)) {
            args.add("alias=" + PyLiteral.str(wire));
        }
        args.addAll(ContractTypes.scalar(schema, false).args());
        String byDefault = schema.number("default").map(BigDecimal::toPlainString).orElse(fallback);
        return Names.attribute(name) + ": Annotated[int, Query(" + String.join(", ", args) + ")] = " + byDefault;
    }
}
