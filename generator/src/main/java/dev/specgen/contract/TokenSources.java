package dev.specgen.contract;

import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where an operation's token travels, as its security declares it: "bearer" (an HTTP bearer, OAuth2 or
 * OpenID Connect scheme: the Authorization header) and "cookie:NAME" (an apiKey scheme in a cookie).
 */
public final class TokenSources {
    public static final String BEARER = "bearer";
    public static final String COOKIE = "cookie:";

    private TokenSources() {
    }

    /** The source a scheme names, empty for a scheme that carries no JWT specgen can read. */
    public static Optional<String> of(YMap scheme) {
        String type = scheme.text("type").orElse("");
        if ("http".equals(type) && "bearer".equalsIgnoreCase(scheme.text("scheme").orElse(""))
                || "oauth2".equals(type) || "openIdConnect".equals(type)) {
            return Optional.of(BEARER);
        }
        if ("apiKey".equals(type) && "cookie".equals(scheme.text("in").orElse(""))
                && scheme.text("name").filter(n -> !n.isBlank()).isPresent()) {
            return Optional.of(COOKIE + scheme.text("name").get());
        }
        return Optional.empty();
    }

    /** The sources of every scheme an operation's security names (empty for a public one). */
    public static Set<String> of(Contract contract, Operation operation) {
        Set<String> sources = new TreeSet<>();
        if (!operation.requiresToken()) {
            return sources;
        }
        for (YNode requirement : operation.security().orElseThrow().items()) {
            for (String name : ((YMap) requirement).entries().keySet()) {
                contract.securitySchemes().flatMap(s -> s.get(name)).flatMap(contract::derefMap)
                        .flatMap(TokenSources::of).ifPresent(sources::add);
            }
        }
        return sources;
    }

    /** The sources of the whole service: those of its secured operations, the header when none has any. */
    public static Set<String> ofService(Contract contract) {
        Set<String> sources = new TreeSet<>();
        contract.operations().forEach(operation -> sources.addAll(of(contract, operation)));
        if (sources.isEmpty()) {
            sources.add(BEARER);
        }
        return sources;
    }
}
