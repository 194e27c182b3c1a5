import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A dashboard's widget statements run by the database alone (bench/README.md, "bench/process.py"),
 * two ways per round: each alone, one after another (the slowest of them is issue 18's yardstick),
 * and all at once, one connection each, started together (the least any client can wait for the
 * whole dashboard on this machine's cores). Prints one line per round: the milliseconds of each
 * statement alone, then of all of them together (from the start to the last row read).
 *
 * <p>{@code java -cp postgresql.jar bench/WidgetsTogether.java JDBC_URL USER ROUNDS FILE...}; each
 * file holds one statement with its values inlined. Written as a single-file program because the
 * bench scripts are Python's standard library only, which has no PostgreSQL client, and one client
 * process for every statement would start its connections at different times.
 */
public class WidgetsTogether {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int rounds = Integer.parseInt(args[2]);
        List<String> statements = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            statements.add(Files.readString(Path.of(args[i])).trim());
        }
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            connections.add(DriverManager.getConnection(url, user, ""));
        }
        ExecutorService threads = Executors.newFixedThreadPool(statements.size());
        try {
            for (int round = -3; round < rounds; round++) { // three warm-up rounds, not printed
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < statements.size(); i++) {
                    line.append(String.format("%.2f ", run(connections.get(i), statements.get(i))));
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Long>> done = new ArrayList<>();
                for (int i = 0; i < statements.size(); i++) {
                    Connection connection = connections.get(i);
                    String sql = statements.get(i);
                    done.add(threads.submit(() -> {
                        start.await();
                        run(connection, sql);
                        return System.nanoTime();
                    }));
                }
                Thread.sleep(20);
                long started = System.nanoTime();
                start.countDown();
                long last = 0;
                for (Future<Long> f : done) {
                    last = Math.max(last, f.get());
                }
                line.append(String.format("together %.2f", (last - started) / 1e6));
                if (round >= 0) {
                    System.out.println(line);
                }
            }
        } finally {
            threads.shutdownNow();
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /** Milliseconds to run one statement and read all its rows. */
    private static double run(Connection connection, String sql) throws Exception {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
        return (System.nanoTime() - started) / 1e6;
    }
}
