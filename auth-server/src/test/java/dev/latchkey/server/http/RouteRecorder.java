package dev.latchkey.server.http;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.helidon.http.Method;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpSecurity;
import io.helidon.webserver.http.HttpService;

import dev.latchkey.server.Api;
import dev.latchkey.server.Main;

/**
 * Records the routes a routing registers, as {@code METHOD /path} with Helidon's {@code {name}}
 * parameters, by running the services' own {@code routing} methods: no list to keep by hand. Routes for
 * any method ({@code any}, a method predicate) are the 405 answers for the methods a path does not take,
 * not operations, and are left out.
 */
final class RouteRecorder implements HttpRouting.Builder {
    private final String prefix;
    private final Set<String> routes;

    private RouteRecorder(String prefix, Set<String> routes) {
        this.prefix = prefix;
        this.routes = routes;
    }

    /** The routes {@link Main#routing} registers. */
    static Set<String> ofMain() {
        return of(routing -> Main.routing(routing, inertApi()));
    }

    static Set<String> of(Consumer<HttpRouting.Builder> routing) {
        Set<String> routes = new TreeSet<>();
        routing.accept(new RouteRecorder("", routes));
        return routes;
    }

    /**
     * An {@link Api} of nulls (a duration for the one route that formats one when built): routes only keep
     * what they are given until a request comes, and this routing serves none. Built from the record's
     * components so that a new one needs no change here.
     */
    private static Api inertApi() {
        RecordComponent[] components = Api.class.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(type -> type == Duration.class ? Duration.ZERO : null).toArray();
        try {
            return Api.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public HttpRouting.Builder route(Method method, String path, Handler handler) {
        routes.add(method.text() + " " + join(prefix, path));
        return this;
    }

    @Override
    public HttpRouting.Builder register(String path, HttpService... services) {
        for (HttpService service : services) {
            service.routing(new RouteRecorder(join(prefix, path), routes));
        }
        return this;
    }

    @Override
    public HttpRouting.Builder register(HttpService... services) {
        return register("/", services);
    }

    @Override
    public HttpRouting.Builder route(HttpRoute route) {
        return this;
    }

    @Override
    public HttpRouting.Builder addFilter(Filter filter) {
        return this;
    }

    @Override
    public HttpRouting.Builder addFeature(Supplier<? extends HttpFeature> feature) {
        return this;
    }

    @Override
    public <T extends Throwable> HttpRouting.Builder error(Class<T> exceptionClass, ErrorHandler<? super T> handler) {
        return this;
    }

    @Override
    public HttpRouting.Builder maxReRouteCount(int maxReRouteCount) {
        return this;
    }

    @Override
    public HttpRouting.Builder security(HttpSecurity security) {
        return this;
    }

    @Override
    public HttpRouting.Builder copy() {
        return this;
    }

    @Override
    public HttpRouting build() {
        throw new UnsupportedOperationException("A recorder records routes; it builds no routing");
    }

    /** {@code /api/v1/me} and {@code /} give {@code /api/v1/me}; {@code /api/v1/me} and {@code /password} give both. */
    private static String join(String prefix, String path) {
        String joined = (prefix + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
