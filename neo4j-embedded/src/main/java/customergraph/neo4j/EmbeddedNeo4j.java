package customergraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts a real Neo4j 5.26 (the same kernel, Cypher and Bolt as the server) inside this JVM.
 *
 * Arguments: --home DIR --port N [--pagecache-mb N] [--conf key=value]...
 * Prints one line "NEO4J_EMBEDDED_READY bolt://127.0.0.1:N" once Bolt is listening.
 * Stops when its standard input closes, so it never outlives the process that started it.
 */
public final class EmbeddedNeo4j {
    public static void main(String[] args) throws Exception {
        Path home = null;
        int port = 7687;
        long pageCacheMb = 512;
        Map<String, String> raw = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--home" -> { home = Path.of(require(value, "--home")).toAbsolutePath(); i++; }
                case "--port" -> { port = Integer.parseInt(require(value, "--port")); i++; }
                case "--pagecache-mb" -> { pageCacheMb = Long.parseLong(require(value, "--pagecache-mb")); i++; }
                case "--conf" -> {
                    String kv = require(value, "--conf");
                    int eq = kv.indexOf('=');
                    if (eq <= 0) fail("--conf expects key=value, got " + kv);
                    raw.put(kv.substring(0, eq), kv.substring(eq + 1));
                    i++;
                }
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (home == null) fail("--home is required");

        long started = System.nanoTime();
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        if (!raw.isEmpty()) {
            // The builder takes free-form settings only from a file, so extra --conf pairs go there.
            Files.createDirectories(home);
            Path extra = home.resolve("embedded-extra.conf");
            StringBuilder lines = new StringBuilder();
            raw.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
            Files.writeString(extra, lines.toString());
            builder.loadPropertiesFromFile(extra);
        }
        DatabaseManagementService service = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                // Bound to loopback only; the API is the authenticated front door.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        // Touch the default database so the kernel is fully up before we say ready.
        service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.println("NEO4J_EMBEDDED_READY bolt://127.0.0.1:" + port + " startupMs=" + ms);
        System.out.flush();

        Thread watcher = new Thread(() -> {
            waitForEndOfInput(System.in);
            System.exit(0); // runs the shutdown hook
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        stopped.await();
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; anything it sends is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the parent is gone
        }
    }

    private static String require(String value, String flag) {
        if (value == null) fail(flag + " needs a value");
        return value;
    }

    private static void fail(String message) {
        System.err.println("embedded-neo4j: " + message);
        System.exit(2);
    }
}
