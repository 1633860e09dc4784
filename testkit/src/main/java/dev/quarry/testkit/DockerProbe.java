package dev.quarry.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks whether a Docker engine answers, quickly and quietly: a raw {@code GET /_ping} on the socket that
 * {@code DOCKER_HOST}, {@code ~/.testcontainers.properties} or the usual locations name, one second at most.
 * Testcontainers' own detection would try every strategy and log errors for each when there is no Docker.
 */
final class DockerProbe {

    private static final long TIMEOUT_MILLIS = 1000;

    private DockerProbe() {
    }

    static boolean dockerAnswers() {
        List<String> hosts = candidateHosts();
        for (String host : hosts) {
            CompletableFuture<Boolean> ping = CompletableFuture.supplyAsync(() -> ping(host),
                    r -> Thread.ofVirtual().name("quarry-docker-probe").start(r));
            try {
                if (ping.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            } catch (Exception e) {
                ping.cancel(true);
            }
        }
        return false;
    }

    private static List<String> candidateHosts() {
        List<String> hosts = new ArrayList<>();
        String env = System.getenv("DOCKER_HOST");
        if (env != null && !env.isBlank()) {
            hosts.add(env.trim());
        }
        Path home = Path.of(System.getProperty("user.home", "/"));
        Path tcProperties = home.resolve(".testcontainers.properties");
        if (Files.isReadable(tcProperties)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(tcProperties)) {
                p.load(in);
                String configured = p.getProperty("docker.host");
                if (configured != null && !configured.isBlank()) {
                    hosts.add(configured.trim());
                }
            } catch (IOException ignored) {
                // an unreadable file names no host
            }
        }
        List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"), home.resolve(".rd/docker.sock")));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));
            sockets.add(Path.of(runtimeDir, "podman/podman.sock"));
        }
        for (Path socket : sockets) {
            if (Files.exists(socket)) {
                hosts.add("unix://" + socket);
            }
        }
        return hosts;
    }

    private static boolean ping(String host) {
        byte[] request = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try {
            URI uri = URI.create(host);
            String response;
            if ("unix".equals(uri.getScheme())) {
                try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(uri.getPath()))) {
                    channel.write(ByteBuffer.wrap(request));
                    ByteBuffer buffer = ByteBuffer.allocate(512);
                    channel.read(buffer);
                    response = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
                }
            } else if ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()),
                            (int) TIMEOUT_MILLIS);
                    socket.setSoTimeout((int) TIMEOUT_MILLIS);
                    OutputStream out = socket.getOutputStream();
                    out.write(request);
                    out.flush();
                    byte[] buffer = new byte[512];
                    int n = socket.getInputStream().read(buffer);
                    response = n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
                }
            } else {
                return false; // tcp with TLS (DOCKER_TLS_VERIFY), npipe: leave it to an explicit QUARRY_TEST_DB=docker
            }
            return response.startsWith("HTTP/1.") && response.contains(" 200 ");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
