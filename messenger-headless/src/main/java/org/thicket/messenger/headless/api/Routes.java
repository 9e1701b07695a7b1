package org.thicket.messenger.headless.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's routes: a method and a path pattern such as {@code /v1/messages/{contactId}/read}, whose
 * {@code {name}} segments match any one non-empty segment and become path parameters.
 */
final class Routes {

    /** A matched route: its endpoint and the values of its path parameters. */
    record Match(Endpoint endpoint, Map<String, String> pathParameters) {
    }

    private record Route(String method, String[] segments, Endpoint endpoint) {
    }

    private final List<Route> routes = new ArrayList<>();

    void get(String pattern, Endpoint endpoint) {
        add("GET", pattern, endpoint);
    }

    void post(String pattern, Endpoint endpoint) {
        add("POST", pattern, endpoint);
    }

    void delete(String pattern, Endpoint endpoint) {
        add("DELETE", pattern, endpoint);
    }

    private void add(String method, String pattern, Endpoint endpoint) {
        if (!pattern.startsWith("/")) throw new IllegalArgumentException("Not a path: " + pattern);
        routes.add(new Route(method, segments(pattern), endpoint));
    }

    /** The route for the method and path, if any. */
    Optional<Match> match(String method, String path) {
        String[] segments = segments(path);
        for (Route route : routes) {
            if (!route.method.equals(method)) continue;
            Map<String, String> parameters = match(route.segments, segments);
            if (parameters != null) return Optional.of(new Match(route.endpoint, parameters));
        }
        return Optional.empty();
    }

    /** Whether some route has this path with another method: then the answer is 405, not 404. */
    boolean hasPath(String path) {
        String[] segments = segments(path);
        return routes.stream().anyMatch(r -> match(r.segments, segments) != null);
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) return null;
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (path[i].isEmpty()) return null;
                parameters.put(p.substring(1, p.length() - 1), path[i]);
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return parameters;
    }

    /** "/v1/contacts/7" → ["v1", "contacts", "7"]; a trailing slash is an empty last segment, so no match. */
    private static String[] segments(String path) {
        return path.substring(path.startsWith("/") ? 1 : 0).split("/", -1);
    }
}
