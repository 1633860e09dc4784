package dev.quarry.provider.vertx;

import dev.quarry.spi.Connection;
import dev.quarry.spi.Database;
import dev.quarry.spi.DriverException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening, borrowing, giving back and closing, through the SPI only. */
class LifecycleTest {

    @Test
    void closingThePoolIsQuickAndRefusesLaterBorrowing() {
        Database db = Pg.open(2);
        Connection c = db.acquire();
        assertEquals(List.of(1L), c.query(Pg.sql("SELECT 1::bigint"), Pg::firstLong));
        c.close();
        long start = System.nanoTime();
        db.close();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "close took "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        DriverException e = assertThrows(DriverException.class, db::acquire);
        assertEquals("08003", e.sqlState());
        db.close();
    }
}
