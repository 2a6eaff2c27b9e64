package io.leadrules.store;

import io.leadrules.support.TempRulesFolder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest answers {@code {"success": true}} once its transaction commits, so on the default (H2 file) datasource a
 * commit must be in the file when it returns, not up to H2's write delay later. A child JVM commits rows on the
 * shipped default URL and halts at once (no shutdown hooks: what kill -9 does); every committed row must be there.
 */
class H2DurableCommitTest {

    private static final int ROWS = 40;

    @Test
    void rowsCommittedOnTheDefaultUrlSurviveAnAbruptHalt() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "h2-durable-");
        String url = defaultUrl().replace("./data/leadrules", dir.toAbsolutePath().resolve("db").toString());
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("create table durable_check (id int primary key)");
        }

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenHalt.class.getName(), url)
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).as("child output").contains("committed " + ROWS);

        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from durable_check")) {
            rs.next();
            assertThat(rs.getInt(1)).as("rows committed before the halt").isEqualTo(ROWS);
        } finally {
            TempRulesFolder.deleteTree(dir);
        }
    }

    /** The datasource URL of the default profile, as shipped in application.properties. */
    private static String defaultUrl() throws IOException {
        Properties props = new Properties();
        try (InputStream in = H2DurableCommitTest.class.getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        String url = props.getProperty("quarkus.datasource.jdbc.url");
        assertThat(url).startsWith("jdbc:h2:file:./data/leadrules");
        return url;
    }

    /** Child process: one commit per row, then halt without closing anything. */
    public static final class CommitThenHalt {
        public static void main(String[] args) throws SQLException {
            Connection c = DriverManager.getConnection(args[0], "sa", "");
            for (int i = 0; i < ROWS; i++) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("insert into durable_check values (" + i + ")");
                }
            }
            System.out.println("committed " + ROWS);
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }
}
