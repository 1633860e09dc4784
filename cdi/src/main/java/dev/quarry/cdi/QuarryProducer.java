package dev.quarry.cdi;

import dev.quarry.Manager;
import dev.quarry.Quarry;
import dev.quarry.QuarryBuilder;
import dev.quarry.QueryListener;
import dev.quarry.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Makes {@link Quarry} and every {@code Manager<T>} injectable: one application-scoped {@code Quarry} built from
 * MicroProfile Config ({@link QuarrySettings}), closed when the application stops. A bean of the application
 * implementing {@link QueryListener} receives every statement (metrics, tracing); one implementing {@link Router}
 * routes reads and writes. Found by bean discovery (this jar's {@code beans.xml}), never by ServiceLoader.
 * {@snippet :
 * @ApplicationScoped
 * public class ArticleService {
 *     @Inject Manager<Article> articles;
 *
 *     public long published() {
 *         return articles.filter("status", "published").count();
 *     }
 * }
 * }
 */
@ApplicationScoped
public class QuarryProducer {

    private final Config config;
    private final Instance<QueryListener> listeners;
    private final Instance<Router> routers;

    /** For the container's proxy. */
    protected QuarryProducer() {
        this(null, null, null);
    }

    /**
     * @param config    the application's configuration
     * @param listeners the application's {@link QueryListener} beans (all of them are called, in no set order)
     * @param routers   the application's {@link Router} bean, if any (at most one)
     */
    @Inject
    public QuarryProducer(Config config, Instance<QueryListener> listeners, Instance<Router> routers) {
        this.config = config;
        this.listeners = listeners;
        this.routers = routers;
    }

    /** The application's Quarry. */
    @Produces
    @ApplicationScoped
    public Quarry quarry() {
        QuarryBuilder builder = QuarrySettings.builder(config);
        java.util.List<QueryListener> all = listeners.stream().toList();
        if (!all.isEmpty()) {
            builder.listener(e -> all.forEach(l -> l.onQuery(e)));
        }
        if (routers.isAmbiguous()) {
            throw new IllegalStateException("Several Router beans: " + routers.stream().map(r -> r.getClass().getName()).toList()
                    + "; Quarry takes one. Combine them in a single Router bean.");
        }
        if (routers.isResolvable()) {
            builder.router(routers.get());
        }
        return builder.build();
    }

    /** Closes the pools when the application stops. */
    public void close(@Disposes Quarry quarry) {
        quarry.close();
    }

    /**
     * {@code @Inject Manager<Article> articles}: the manager of the model named by the injection point's type
     * argument.
     */
    @Produces
    @Dependent
    public <T> Manager<T> manager(InjectionPoint injectionPoint, Quarry quarry) {
        return quarry.objects(modelOf(injectionPoint.getType()));
    }

    @SuppressWarnings("unchecked")
    static <T> Class<T> modelOf(Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return (Class<T>) c;
        }
        throw new IllegalArgumentException("Inject a Manager of a model class, e.g. @Inject Manager<Article>; got " + type + ".");
    }
}
