package dev.specgen.draft;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.FieldType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list's query parameters as model.yaml options: limit/offset become page, a sort enum of field and
 * -field becomes sort, a parameter named as a field becomes an equality filter, and data-model.md's
 * sentences give value maps, range bounds, text search and a fixed order. A parameter nothing explains
 * is left for the user.
 */
final class ListOptions {
    private static final Pattern LOWER = Pattern.compile("(.+)_(from|after|since|min)|(min|from)_(.+)");
    private static final Pattern UPPER = Pattern.compile("(.+)_(to|before|until|max)|(max|to)_(.+)");
    private static final List<String> PAGE_SIZES = List.of("page_size", "per_page", "size", "pageSize");

    private final Contract contract;
    private final Capabilities capabilities;
    private final OpDraft op;
    private final EntityDraft entity;
    private final Map<String, Parameter> query = new LinkedHashMap<>();
    /** The fields the list filters on, in parameter order. */
    final List<String> filtered = new ArrayList<>();

    ListOptions(Contract contract, Capabilities capabilities, OpDraft op, EntityDraft entity) {
        this.contract = contract;
        this.capabilities = capabilities;
        this.op = op;
        this.entity = entity;
        op.operation.parametersIn("query").forEach(p -> query.put(p.name(), p));
    }

    /**
     * Writes the options into a binding. Parameters left unexplained become decisions, or notes when
     * decisions is null (a binding written only as a suggestion). Returns what the options need that
     * this specgen's model.yaml cannot say (text search, page numbers), empty when it can say it all.
     */
    List<String> write(Yaml.Block binding, List<Decision> decisions) {
        List<String> used = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        page(binding, used, missing);
        Optional<Prose.Fact<List<String>>> order = entity.prose.flatMap(Prose::order)
                .filter(f -> f.value().stream().allMatch(k -> entity.fields.containsKey(k.replaceFirst("^-", ""))));
        Optional<Prose.Fact<Prose.Search>> search = filters(binding, decisions, used);
        if (search.isPresent() && !capabilities.bindingKey("search")) {
            missing.add("text search (?" + search.get().value().param() + ")");
        }
        search.ifPresent(s -> {
            List<String> fields = s.value().words().stream().filter(entity.fields::containsKey).toList();
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("param", s.value().param());
            value.put("fields", fields);
            binding.put("search", Yaml.flowMap(value), "data-model.md: \"" + s.sentence() + "\"");
        });
        sort(binding, order);
        if (!query.containsKey("sort") && order.isPresent()) {
            binding.put("order", Yaml.flowList(order.get().value()), "data-model.md: \"" + order.get().sentence() + "\"");
            if (!capabilities.bindingKey("order")) {
                missing.add("a fixed order");
            }
        }
        return missing;
    }

    /** Query parameters that filter; returns the text search, which is written by the caller. */
    Optional<Prose.Fact<Prose.Search>> filters(Yaml.Block binding, List<Decision> decisions, List<String> used) {
        Optional<Prose> prose = entity.prose;
        List<Object> filters = new ArrayList<>();
        List<String> filterWhy = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        Optional<Prose.Fact<Prose.Search>> search = prose.flatMap(Prose::search)
                .filter(s -> query.containsKey(s.value().param()));
        for (Parameter parameter : query.values()) {
            String name = parameter.name();
            if (used.contains(name) || "sort".equals(name)) {
                continue;
            }
            Optional<SchemaView> schema = parameter.schema().flatMap(s -> SchemaView.of(contract, s));
            Optional<Prose.Fact<Prose.ValueMap>> map = prose.flatMap(p -> Optional.ofNullable(p.valueMaps().get(name)));
            Optional<Prose.Fact<Prose.Bound>> bound = prose.flatMap(p -> Optional.ofNullable(p.bounds().get(name)));
            Optional<FieldDraft> same = entity.field(name).filter(f -> f.type != null && schema.map(s -> FieldType
                    .of(f.type).matches(s.type().orElse(""), s.format())).orElse(false));
            if (map.isPresent() && entity.fields.containsKey(map.get().value().field())
                    && map.get().value().values().keySet().containsAll(schema.map(SchemaView::enumValues).orElse(List.of()))) {
                Map<String, Object> filter = new LinkedHashMap<>();
                filter.put("param", name);
                filter.put("field", map.get().value().field());
                Map<String, Object> values = new LinkedHashMap<>();
                for (String value : schema.map(SchemaView::enumValues).filter(v -> !v.isEmpty())
                        .orElse(List.copyOf(map.get().value().values().keySet()))) {
                    values.put(value, map.get().value().values().get(value));
                }
                filter.put("map", values);
                filters.add(filter);
                filtered.add(map.get().value().field());
                explained.add("?" + name);
            } else if (same.isPresent()) {
                filters.add(name);
                filtered.add(name);
            } else if (bound.isPresent() && entity.fields.containsKey(bound.get().value().field())) {
                Map<String, Object> filter = new LinkedHashMap<>();
                filter.put("param", name);
                filter.put("field", bound.get().value().field());
                filter.put("op", bound.get().value().op());
                filters.add(filter);
                filtered.add(bound.get().value().field());
                explained.add("?" + name);
            } else if (search.isPresent() && search.get().value().param().equals(name)) {
                continue;
            } else if (range(name, schema).isPresent()) {
                Map<String, Object> filter = range(name, schema).get();
                filters.add(filter);
                filtered.add((String) filter.get("field"));
                filterWhy.add("?" + name + ": " + filter.get("op") + " on " + filter.get("field") + ", by its name");
            } else {
                String why = "no field of " + entity.name + " is named " + name + " with its type, and data-model.md"
                        + " does not say. A filter is {param: " + name + ", field: FIELD, op: eq|neq|gt|gte|lt|lte|in"
                        + "|is_null} or a value map (docs/model-yaml.md, List options).";
                if (decisions == null) {
                    binding.note("?" + name + ": " + why);
                    continue;
                }
                Decision decision = new Decision("query " + op.key() + " " + name, "what ?" + name + " of "
                        + op.label() + " filters", List.of(why), Rule.QUERY_PARAM_UNSUPPORTED, false,
                        parameter.site().pointer(), false);
                decisions.add(decision);
                binding.gap(decision, new Yaml.Block(), true);
            }
        }
        if (!filters.isEmpty()) {
            boolean plain = filters.stream().allMatch(String.class::isInstance);
            if (!explained.isEmpty()) {
                filterWhy.add(0, "data-model.md explains " + Bindings.and(explained));
            }
            String why = filterWhy.isEmpty() ? "query parameters named as fields" : String.join("; ", filterWhy);
            if (plain) {
                binding.put("filters", Yaml.flowList(filters), why);
            } else {
                List<String> items = new ArrayList<>();
                for (Object filter : filters) {
                    items.add(filter instanceof String s ? Yaml.scalar(s, false) : Yaml.flowMap(cast(filter)).yaml());
                }
                binding.put("filters", new Yaml.Seq(items), why);
            }
        }
        return search;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Object map) {
        return (Map<String, ?>) map;
    }

    /** limit/offset (v1), or page and page_size. */
    private void page(Yaml.Block binding, List<String> used, List<String> missing) {
        Optional<SchemaView> limit = schema("limit");
        if (limit.isPresent() && query.containsKey("offset")) {
            used.add("limit");
            used.add("offset");
            pageOf(limit.get(), null).ifPresent(page -> binding.put("page", Yaml.flowMap(page), "from ?limit"));
            return;
        }
        for (String size : PAGE_SIZES) {
            if (query.containsKey("page") && schema(size).isPresent()) {
                used.add("page");
                used.add(size);
                pageOf(schema(size).get(), size).ifPresent(page -> binding.put("page", Yaml.flowMap(page),
                        "from ?page and ?" + size));
                if (!capabilities.pageKeys().contains("style")) {
                    missing.add("page-number pagination (?page, ?" + size + ")");
                }
                return;
            }
        }
    }

    private Optional<Map<String, Object>> pageOf(SchemaView size, String sizeParam) {
        Optional<BigDecimal> byDefault = size.number("default");
        Optional<BigDecimal> max = size.number("maximum");
        if (byDefault.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> page = new LinkedHashMap<>();
        if (sizeParam != null) {
            page.put("style", "page");
        }
        page.put("default", byDefault.get());
        page.put("max", max.get());
        if (sizeParam != null && !"page_size".equals(sizeParam)) {
            page.put("size_param", sizeParam);
        }
        return Optional.of(page);
    }

    private void sort(Yaml.Block binding, Optional<Prose.Fact<List<String>>> order) {
        Optional<SchemaView> sort = schema("sort");
        if (sort.isEmpty()) {
            return;
        }
        List<String> fields = new ArrayList<>();
        for (String value : sort.get().enumValues()) {
            String name = value.replaceFirst("^[-+]", "");
            if (!fields.contains(name)) {
                fields.add(name);
            }
        }
        if (fields.isEmpty() || !fields.stream().allMatch(entity.fields::containsKey)) {
            return;
        }
        Yaml.Block block = new Yaml.Block().put("fields", Yaml.flowList(fields));
        Optional<String> byDefault = sort.get().defaultValue().filter(YScalar.class::isInstance)
                .map(v -> ((YScalar) v).text());
        if (byDefault.isPresent()) {
            block.put("default", Yaml.text(byDefault.get()), "the parameter's default");
        } else if (order.isPresent() && fields.contains(order.get().value().get(0).replaceFirst("^-", ""))) {
            block.put("default", Yaml.text(order.get().value().get(0)), "data-model.md: \"" + order.get().sentence()
                    + "\"");
        } else {
            block.note("no default order in the contract: without ?sort, rows come in primary-key order",
                    "(default: FIELD or -FIELD changes that)");
        }
        binding.put("sort", block, "?sort takes " + String.join(", ", sort.get().enumValues()));
    }

    /** spent_from, min_amount: a bound on the field the rest of the name starts. */
    private Optional<Map<String, Object>> range(String name, Optional<SchemaView> schema) {
        for (Pattern pattern : List.of(LOWER, UPPER)) {
            Matcher m = pattern.matcher(name);
            if (!m.matches()) {
                continue;
            }
            String stem = m.group(1) != null ? m.group(1) : m.group(4);
            List<FieldDraft> fields = entity.fields.values().stream().filter(f -> f.type != null)
                    .filter(f -> f.name.equals(stem) || f.name.startsWith(stem + "_"))
                    .filter(f -> schema.map(s -> FieldType.of(f.type).matches(s.type().orElse(""), s.format()))
                            .orElse(false)).toList();
            if (fields.size() == 1) {
                Map<String, Object> filter = new LinkedHashMap<>();
                filter.put("param", name);
                filter.put("field", fields.get(0).name);
                filter.put("op", pattern == LOWER ? "gte" : "lte");
                return Optional.of(filter);
            }
        }
        return Optional.empty();
    }

    private Optional<SchemaView> schema(String name) {
        return Optional.ofNullable(query.get(name)).flatMap(Parameter::schema).flatMap(s -> SchemaView.of(contract, s));
    }
}
