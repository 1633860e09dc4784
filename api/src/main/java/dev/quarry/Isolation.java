package dev.quarry;

/** SQL transaction isolation levels. */
public enum Isolation {
    /** READ UNCOMMITTED */ READ_UNCOMMITTED("READ UNCOMMITTED"),
    /** READ COMMITTED (PostgreSQL's default) */ READ_COMMITTED("READ COMMITTED"),
    /** REPEATABLE READ */ REPEATABLE_READ("REPEATABLE READ"),
    /** SERIALIZABLE */ SERIALIZABLE("SERIALIZABLE");

    private final String sql;

    Isolation(String sql) {
        this.sql = sql;
    }

    /** The level as SQL names it. */
    public String sql() {
        return sql;
    }
}
