package dev.specgen.contract;

import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YSeq;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The path the contract's servers put its paths under: {@code servers: [{url: /api}]} or
 * {@code https://api.example.com/v1} mean clients call /api/tasks or /v1/tasks. Server variables
 * take their defaults. Empty when there are no servers or their path is the root.
 */
public final class Servers {
    private Servers() {
    }

    /** Each server's base path, in the contract's order ("" for the root). */
    public static List<String> basePaths(Contract contract) {
        List<String> paths = new ArrayList<>();
        contract.root().seq("servers").map(YSeq::items).orElse(List.of()).forEach(server -> {
            if (server instanceof YMap map) {
                map.text("url").ifPresent(url -> paths.add(path(substitute(url, map))));
            }
        });
        return paths;
    }

    /** The one base path all servers agree on; empty when they name none or disagree (validate blocks that). */
    public static String basePath(Contract contract) {
        Set<String> distinct = new LinkedHashSet<>(basePaths(contract));
        return distinct.size() == 1 ? distinct.iterator().next() : "";
    }

    public static Optional<YNode> serversNode(Contract contract) {
        return contract.root().get("servers");
    }

    private static String substitute(String url, YMap server) {
        String out = url;
        Optional<YMap> variables = server.map("variables");
        if (variables.isPresent()) {
            for (var entry : variables.get().entries().entrySet()) {
                if (entry.getValue() instanceof YMap variable) {
                    out = out.replace("{" + entry.getKey() + "}", variable.text("default").orElse(""));
                }
            }
        }
        return out;
    }

    private static String path(String url) {
        String path = url;
        if (url.contains("://")) {
            try {
                path = URI.create(url).getPath();
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        if (path == null) {
            return "";
        }
        path = path.replaceAll("/+$", "");
        return path.startsWith("/") || path.isEmpty() ? path : "/" + path;
    }
}
