package dev.specgen.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every action model.yaml knows, by name. A new action is one class here and one template group. */
public final class Actions {
    private static final Map<String, Action> ALL = new LinkedHashMap<>();

    static {
        register(new Simple("list", Set.of("get"), false, false));
        register(new Simple("get", Set.of("get"), false, true));
        register(new Simple("create", Set.of("post"), true, false));
        // A PUT the contract documents as "only the fields sent are changed" is an update too.
        register(new Simple("update", Set.of("patch", "put"), true, true));
        register(new Simple("replace", Set.of("put"), true, true));
        register(new Simple("delete", Set.of("delete"), false, true));
        register(new ToggleAction());
        register(new SetAction());
        register(new MeAction("me", false));
        register(new MeAction("update_me", true));
        register(new AggregateAction());
        register(new HealthAction());
        register(new HandwrittenAction());
    }

    private Actions() {
    }

    private static void register(Action action) {
        ALL.put(action.name(), action);
    }

    public static Optional<Action> of(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static Action get(String name) {
        return of(name).orElseThrow(() -> new IllegalArgumentException("unknown action " + name));
    }

    /** The six row actions of v1, whose checks still live in BindingChecks. */
    private record Simple(String name, Set<String> methods, boolean takesBody, boolean itemAction) implements Action {
    }
}
