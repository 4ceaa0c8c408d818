package dev.specgen.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every action model.yaml knows, by name: registered once, here. Validate, resolve and render ask the
 * registry; ActionAgreementTest holds it, the JSON Schema, the template groups and docs/model-yaml.md's
 * action table together.
 */
public final class Actions {
    private static final Map<String, Action> ALL = new LinkedHashMap<>();

    static {
        register(new ListAction());
        register(new GetAction());
        register(new CreateAction());
        register(new UpdateAction());
        register(new ReplaceAction());
        register(new DeleteAction());
        register(new SoftDeleteAction());
        register(new ToggleAction());
        register(new SetAction());
        register(new MeAction("me", false));
        register(new MeAction("update_me", true));
        register(new AggregateAction());
        register(new HealthAction());
        register(new AccountAction("register"));
        register(new AccountAction("login"));
        register(new AccountAction("logout"));
        register(new HandwrittenAction());
    }

    private Actions() {
    }

    private static void register(Action action) {
        ALL.put(action.name(), action);
    }

    /** Every action, in the order they were registered. */
    public static java.util.Collection<Action> all() {
        return java.util.Collections.unmodifiableCollection(ALL.values());
    }

    /** The action a binding names; validation has refused any other, so resolve and render may ask this. */
    public static Action of(dev.specgen.modeldoc.BindingDoc binding) {
        return get(binding.action());
    }

    /** The distinct template groups the entity routers and their tests import (the units without modules of their own). */
    public static java.util.List<String> routerGroups() {
        return ALL.values().stream().filter(a -> !a.ownModules()).map(Action::group).distinct().toList();
    }

    public static Optional<Action> of(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static Action get(String name) {
        return of(name).orElseThrow(() -> new IllegalArgumentException("unknown action " + name));
    }

    /** Checks that the contract serves the operation with a method the action is served by. */
    public static void checkMethod(dev.specgen.contract.Operation operation, dev.specgen.modeldoc.BindingDoc binding,
            Action action, dev.specgen.diagnostics.Diagnostics diagnostics) {
        if (!action.methods().contains(operation.method())) {
            diagnostics.report(dev.specgen.diagnostics.Rule.ACTION_SHAPE, binding.at("action"), operation.label()
                    + " is bound to action " + action.name() + ", which is served by " + String.join(" or ",
                    action.methods().stream().sorted().map(m -> m.toUpperCase(java.util.Locale.ROOT)).toList()),
                    "bind it to the action its method implements, or change the method");
        }
    }
}
