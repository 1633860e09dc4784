package dev.quarry.testkit.tck;

import dev.quarry.Deleted;
import dev.quarry.DoesNotExistException;
import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Book;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.assertTwinsThrow;
import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Django's tests/async/test_async_model_methods.py in Java: asave, adelete, arefreshFromDb, and their sync twins. */
class AsyncModelMethodsTest extends TckBase {

    private Manager<Book> books;

    @Override
    protected List<Class<?>> models() {
        return List.of(Book.class);
    }

    @BeforeEach
    void createBooks() {
        books = db.objects(Book.class);
        books.create(new Book("David Copperfield"));
        books.create(new Book("The Great Gatsby"));
    }

    @Test
    void asaveUpdatesTheRow() {
        Book book = await(books.aget("title", "David Copperfield"));
        book.setPages(10);
        assertSame(book, await(books.asave(book)));
        assertEquals(10, await(books.aget("title", "David Copperfield")).getPages());
    }

    @Test
    void asaveInsertsANewInstance() {
        Book book = new Book("Ulysses");
        await(books.asave(book));
        assertNotNull(book.getId());
        assertEquals(3L, await(books.acount()));
    }

    @Test
    void asaveWithUpdateFieldsWritesOnlyThem() {
        Book book = books.get("title", "The Great Gatsby");
        book.setPages(180);
        book.setTitle("not written");
        await(books.asave(book, "pages"));
        Book reloaded = books.get("pk", book.getId());
        assertEquals(180, reloaded.getPages());
        assertEquals("The Great Gatsby", reloaded.getTitle());
    }

    @Test
    void adeleteRemovesTheRow() {
        Book book = await(books.aget("title", "The Great Gatsby"));
        Deleted deleted = await(books.adelete(book));
        assertEquals(1, deleted.count());
        assertEquals(Map.of("Book", 1L), deleted.perModel());
        assertNull(book.getId());
        assertEquals(1L, await(books.acount()));
    }

    @Test
    void arefreshFromDbReloadsFields() {
        Book book = await(books.aget("title", "The Great Gatsby"));
        await(books.filter("pk", book.getId()).aupdate(Map.of("pages", 20)));
        await(books.arefreshFromDb(book));
        assertEquals(20, book.getPages());
    }

    @Test
    void arefreshFromDbThroughAQuerySet() {
        Book book = books.get("title", "The Great Gatsby");
        books.filter("pk", book.getId()).update(Map.of("pages", 30));
        await(books.arefreshFromDb(book, books.filter("pages__gte", 30)));
        assertEquals(30, book.getPages());
    }

    @Test
    void refreshingADeletedRowFailsAlikeInBothTwins() {
        Book book = books.get("title", "The Great Gatsby");
        books.filter("pk", book.getId()).delete();
        DoesNotExistException e = assertTwinsThrow(DoesNotExistException.class, () -> books.refreshFromDb(book),
                () -> books.arefreshFromDb(book));
        assertEquals("Book matching query does not exist.", e.getMessage());
    }
}
