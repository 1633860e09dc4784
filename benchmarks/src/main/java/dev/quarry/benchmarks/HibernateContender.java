package dev.quarry.benchmarks;

import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Hibernate ORM on the same {@link Item} and {@link Event} classes (their Jakarta Persistence annotations), over
 * the baseline's pgjdbc + HikariCP pool: {@code find}, HQL selection and mutation queries, {@code persist} in a
 * transaction (with {@code IDENTITY} keys Hibernate inserts row by row), a {@code StatelessSession} stream.
 */
final class HibernateContender implements Contender {

    private final SessionFactory sessions;

    HibernateContender(DataSource dataSource) {
        Configuration configuration = new Configuration().addAnnotatedClass(Item.class).addAnnotatedClass(Event.class);
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                PhysicalNamingStrategySnakeCaseImpl.class.getName());
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
        configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
        this.sessions = configuration.buildSessionFactory();
    }

    @Override
    public String name() {
        return "Hibernate";
    }

    @Override
    public String version() {
        return "Hibernate ORM " + org.hibernate.Version.getVersionString() + " on the JDBC pool";
    }

    @Override
    public Item get(long id) {
        return sessions.fromSession(s -> s.find(Item.class, id));
    }

    @Override
    public List<Item> page(long afterId, int size) {
        return sessions.fromSession(s -> s.createSelectionQuery("from Item where id > :after order by id", Item.class)
                .setParameter("after", afterId).setMaxResults(size).getResultList());
    }

    @Override
    public List<Long> bulkInsert(List<Event> events) {
        sessions.inTransaction(s -> events.forEach(s::persist));
        return events.stream().map(Event::getId).toList();
    }

    @Override
    public int readsAndUpdates(long[] ids) {
        return sessions.fromTransaction(s -> {
            int done = 0;
            for (long id : ids) {
                done += s.find(Item.class, id).getId() == id ? 1 : 0;
            }
            for (long id : ids) {
                done += s.createMutationQuery("update Item set views = views + 1 where id = :id")
                        .setParameter("id", id).executeUpdate();
            }
            return done;
        });
    }

    @Override
    public long stream(long maxId, int fetchSize) {
        return sessions.fromStatelessTransaction(s -> {
            try (Stream<Item> rows = s.createSelectionQuery("from Item where id <= :max order by id", Item.class)
                    .setParameter("max", maxId).setFetchSize(fetchSize).getResultStream()) {
                return rows.mapToLong(Item::getViews).filter(v -> v >= 0).count();
            }
        });
    }

    @Override
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new HashMap<>();
        sessions.fromSession(s -> s.createSelectionQuery(
                        "select status, count(*), sum(views) from Item group by status order by status", Object[].class)
                .getResultList()).forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    @Override
    public void close() {
        sessions.close();
    }
}
