package dev.quarry.provider.vertx;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgConnection;

/**
 * Sends PostgreSQL's CancelRequest (a 16-byte packet on a connection of its own) and completes only when the
 * server has closed that connection, i.e. once the server has processed the request and signalled the backend.
 *
 * <p>The Vert.x client's own {@code cancelRequest()} completes as soon as the packet is written, so a request
 * could still reach the backend after the statement it was meant for, and cancel the connection's next one
 * (another caller's, once the connection is back in the pool). Waiting for the server's close rules that out:
 * the backend gets the signal before the next statement is sent, and a signal that finds it idle is dropped.
 */
final class CancelRequests {

    private static final int CANCEL_REQUEST_CODE = 80877102;
    private static final long TIMEOUT_MILLIS = 10_000;

    private final Vertx vertx;
    private final NetClient client;
    private final String host;
    private final int port;

    CancelRequests(Vertx vertx, String host, int port, int connectTimeoutMillis) {
        this.vertx = vertx;
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(connectTimeoutMillis));
        this.host = host;
        this.port = port;
    }

    /** Asks the server to cancel what {@code connection}'s backend runs now; completes once the server is done. */
    Future<Void> send(PgConnection connection) {
        Buffer packet = Buffer.buffer(16).appendInt(16).appendInt(CANCEL_REQUEST_CODE)
                .appendInt(connection.processId()).appendInt(connection.secretKey());
        Promise<Void> done = Promise.promise();
        client.connect(port, host).onComplete(ar -> {
            if (ar.failed()) {
                done.tryFail(ar.cause());
                return;
            }
            var socket = ar.result();
            long timer = vertx.setTimer(TIMEOUT_MILLIS, id -> {
                done.tryFail("The server did not close the cancel request's connection within " + TIMEOUT_MILLIS + " ms.");
                socket.close();
            });
            socket.closeHandler(v -> {
                vertx.cancelTimer(timer);
                done.tryComplete();
            });
            socket.exceptionHandler(e -> {
                vertx.cancelTimer(timer);
                done.tryFail(e);
                socket.close();
            });
            socket.handler(ignored -> {
                // PostgreSQL answers nothing; it closes the connection once it has handled the request.
            });
            socket.write(packet);
        });
        return done.future();
    }

    /** Closes the client (requests in flight fail). */
    Future<Void> close() {
        return client.close();
    }
}
