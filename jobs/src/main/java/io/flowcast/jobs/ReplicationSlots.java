package io.flowcast.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The PostgreSQL side of the request source's replication slot, for whoever runs the job and must
 * know when it streams, whether its WAL sender has caught up, and drop it afterwards (a slot pins
 * WAL and blocks {@code DROP DATABASE}). The connection may be to any database of the server.
 */
public final class ReplicationSlots {

    private static final long POLL_MILLIS = 100;
    private static final String SENDER_OF_SLOT = " FROM pg_stat_replication r JOIN pg_replication_slots s"
            + " ON s.active_pid = r.pid WHERE s.slot_name = ?";

    private ReplicationSlots() {}

    /** Waits until a job streams from {@code slot}. */
    public static void awaitStreaming(Connection c, String slot, Duration wait) throws SQLException, InterruptedException {
        try (PreparedStatement st = c.prepareStatement("SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
            st.setString(1, slot);
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
        throw new IllegalStateException("replication slot " + slot + " not streaming within " + wait);
    }

    /** Bytes of WAL written but not yet sent to the slot's reader; -1 when nothing streams from it. */
    public static long senderLagBytes(Connection c, String slot) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), r.sent_lsn))::bigint, -1)" + SENDER_OF_SLOT)) {
            st.setString(1, slot);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Waits until the slot's WAL sender has sent everything written before this call: it decodes
     * every change of the database (the job's own writes included) before it reaches a new one.
     */
    public static void awaitSenderCaughtUp(Connection c, String slot, Duration wait) throws SQLException, InterruptedException {
        String target;
        try (PreparedStatement st = c.prepareStatement("SELECT pg_current_wal_lsn()::text"); ResultSet rs = st.executeQuery()) {
            rs.next();
            target = rs.getString(1);
        }
        try (PreparedStatement st = c.prepareStatement("SELECT count(*)" + SENDER_OF_SLOT + " AND r.sent_lsn >= ?::pg_lsn")) {
            st.setString(1, slot);
            st.setString(2, target);
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
        throw new IllegalStateException("the WAL sender of slot " + slot + " did not catch up within " + wait);
    }

    /** Drops {@code slot} once no job holds it (a cancelled job lets go within seconds); absent: nothing to do. */
    public static void dropWhenReleased(Connection c, String slot, Duration wait) throws SQLException, InterruptedException {
        try (PreparedStatement active = c.prepareStatement("SELECT active FROM pg_replication_slots WHERE slot_name = ?");
                PreparedStatement drop = c.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
            active.setString(1, slot);
            drop.setString(1, slot);
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = active.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    if (!rs.getBoolean(1)) {
                        drop.execute();
                        return;
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
        throw new IllegalStateException("replication slot " + slot + " still in use after " + wait
                + ": drop it with pg_drop_replication_slot");
    }
}
