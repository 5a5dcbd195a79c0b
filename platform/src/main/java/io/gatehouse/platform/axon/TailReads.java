package io.gatehouse.platform.axon;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The statements a {@link TailingEventStorageEngine} reads the event stream with. Axon's own read a
 * window of global indexes ({@code > i AND <= i + batch}), so a short or empty answer says nothing
 * about what lies beyond the window and every read has to end with an empty one and a
 * {@code min(global_index)} look-ahead. These ask for the next {@code batch} events after the token
 * instead ({@code > i ORDER BY global_index LIMIT batch}, an index range scan on the primary key): an
 * answer shorter than the batch means nothing beyond it was committed when it was read.
 *
 * <p>The events filling the token's gaps (indexes taken by transactions still open, or rolled back,
 * when the token passed them) are asked for by value ({@code = ANY(array)}, one statement text
 * whatever their number) in a separate branch of the union, so the limit counts only the events
 * after the token and the planner keeps both branches on the index.
 */
final class TailReads {

  private TailReads() {
  }

  static PreparedStatement after(Connection connection, EventSchema schema, long globalIndex, int batchSize)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(
        "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable()
            + " WHERE " + schema.globalIndexColumn() + " > ?"
            + " ORDER BY " + schema.globalIndexColumn() + " ASC LIMIT ?");
    statement.setLong(1, globalIndex);
    statement.setInt(2, batchSize);
    return statement;
  }

  static PreparedStatement afterAndGaps(Connection connection, EventSchema schema, long globalIndex, int batchSize,
      List<Long> gaps) throws SQLException {
    String fields = schema.trackedEventFields();
    String table = schema.domainEventTable();
    String index = schema.globalIndexColumn();
    PreparedStatement statement = connection.prepareStatement(
        "SELECT * FROM ("
            + "SELECT " + fields + " FROM " + table + " WHERE " + index + " = ANY (?)"
            + " UNION ALL (SELECT " + fields + " FROM " + table + " WHERE " + index + " > ?"
            + " ORDER BY " + index + " ASC LIMIT ?)"
            + ") tail ORDER BY " + index + " ASC");
    Array values = connection.createArrayOf("bigint", gaps.toArray());
    statement.setArray(1, values);
    statement.setLong(2, globalIndex);
    statement.setInt(3, batchSize);
    return statement;
  }
}
