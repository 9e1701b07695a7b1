package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.db.ExponentialBackoff.MAX_EXPONENT;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.sync.api.SyncConstants;

/** The backoff as the database computes it: the expression evaluated by H2 over a given transmission count. */
class ExponentialBackoffTest {

    private static final long NOW = 1_704_067_200_000L;

    private Connection h2;

    @BeforeEach
    void connect() throws SQLException {
        h2 = DriverManager.getConnection("jdbc:h2:mem:");
    }

    @AfterEach
    void close() throws SQLException {
        h2.close();
    }

    private long expiry(long now, long maxLatency, int txCount) throws SQLException {
        String sql = "SELECT " + ExponentialBackoff.EXPIRY + " FROM (VALUES (CAST(? AS INT))) AS t(txCount)";
        try (PreparedStatement ps = h2.prepareStatement(sql)) {
            ps.setInt(ExponentialBackoff.bind(ps, 1, now, maxLatency), txCount);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void expiryIsNowPlusTwiceTheLatencyDoubledPerTransmission() throws SQLException {
        assertThat(expiry(NOW, 1000, 0)).isEqualTo(NOW + 2000);
        assertThat(expiry(NOW, 1000, 1)).isEqualTo(NOW + 4000);
        assertThat(expiry(NOW, 1000, 10)).isEqualTo(NOW + 2000 * 1024);
    }

    @Test
    void theExponentIsCappedSoTheDelayCannotOverflow() throws SQLException {
        long max = SyncConstants.MAX_TRANSPORT_LATENCY;
        long capped = expiry(NOW, max, MAX_EXPONENT);
        assertThat(capped).isEqualTo(NOW + (2 * max << MAX_EXPONENT)).isPositive();
        assertThat(expiry(NOW, max, MAX_EXPONENT + 1)).isEqualTo(capped);
        assertThat(expiry(NOW, max, Integer.MAX_VALUE)).isEqualTo(capped);
    }

    @Test
    void theExpirySaturatesInsteadOfWrapping() throws SQLException {
        long max = SyncConstants.MAX_TRANSPORT_LATENCY;
        assertThat(expiry(Long.MAX_VALUE - 1, max, Integer.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(expiry(Long.MAX_VALUE - 2000, 1000, 0)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rejectsImpossibleInputs() {
        assertThatThrownBy(() -> expiry(-1, 1000, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> expiry(NOW, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> expiry(NOW, SyncConstants.MAX_TRANSPORT_LATENCY + 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
