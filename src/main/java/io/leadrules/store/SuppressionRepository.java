package io.leadrules.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Suppressions of erased leads, by the salted hash of the erased lead id (table {@code lead_suppression}). */
@ApplicationScoped
public class SuppressionRepository {

    private static final String COLUMNS = "id_hash, salt_id, erased_at, erased_by";
    /** Hashes per {@code in (...)} query: a 500 KB batch names a few thousand ids. */
    private static final int ID_CHUNK = 1000;

    private final Jdbc jdbc;

    public SuppressionRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Adds the suppression unless one exists for the hash (the first erasure's time is kept); true when added. */
    public boolean insert(SuppressionRow row) {
        return jdbc.update("insert into lead_suppression (" + COLUMNS + ") values (?, ?, ?, ?) on conflict do nothing",
                row.idHash(), row.saltId(), row.erasedAt(), row.erasedBy()) > 0;
    }

    public Optional<SuppressionRow> find(String idHash) {
        return jdbc.queryOne("select " + COLUMNS + " from lead_suppression where id_hash = ?", this::row, idHash);
    }

    /** Which of these hashes are suppressed. */
    public Set<String> suppressed(Collection<String> idHashes) {
        Set<String> found = new HashSet<>();
        List<String> hashes = List.copyOf(idHashes);
        for (int from = 0; from < hashes.size(); from += ID_CHUNK) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + ID_CHUNK));
            found.addAll(jdbc.query("select id_hash from lead_suppression where id_hash in ("
                    + Jdbc.placeholders(chunk.size()) + ")", rs -> rs.getString("id_hash"), chunk.toArray()));
        }
        return found;
    }

    /** True when there was a suppression to lift. */
    public boolean delete(String idHash) {
        return jdbc.update("delete from lead_suppression where id_hash = ?", idHash) > 0;
    }

    /** How many suppressions were hashed with a salt other than the one of {@code saltId}. */
    public long countWithOtherSalt(String saltId) {
        return jdbc.queryOne("select count(*) as n from lead_suppression where salt_id <> ?", rs -> rs.getLong("n"),
                saltId).orElse(0L);
    }

    private SuppressionRow row(ResultSet rs) throws SQLException {
        return new SuppressionRow(rs.getString("id_hash"), rs.getString("salt_id"), Jdbc.instant(rs, "erased_at"),
                rs.getString("erased_by"));
    }
}
