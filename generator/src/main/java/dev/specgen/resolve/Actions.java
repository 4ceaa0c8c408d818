package dev.specgen.resolve;

/** What each model.yaml action means over HTTP. */
public final class Actions {
    private Actions() {
    }

    public static String method(String action) {
        return switch (action) {
            case "list", "get" -> "get";
            case "create" -> "post";
            case "update" -> "patch";
            case "replace" -> "put";
            case "delete" -> "delete";
            default -> throw new IllegalArgumentException("unknown action " + action);
        };
    }
}
