package io.gatehouse.audit.governance.infra;

import io.gatehouse.audit.governance.domain.LoggedFact;
import io.gatehouse.audit.governance.domain.ModelState;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A model's log entries, and its state at any instant folded from them. */
@Component
public class ModelHistory {

  private final JdbcTemplate jdbc;

  public ModelHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The model's facts in log order whose CloudEvent time is at or before {@code at}. */
  public List<LoggedFact> facts(String model, Instant at) {
    List<LoggedFact> out = new ArrayList<>();
    jdbc.query("SELECT leaf_index, entry FROM audit_entry WHERE model_name = ? AND event_time <= ? ORDER BY leaf_index",
        rs -> {
          out.add(Facts.fromLeaf(rs.getLong(1), rs.getBytes(2)));
        }, model, Timestamp.from(at));
    return out;
  }

  /** The state of the model at {@code at}, or null when the log knows nothing of it by then. */
  public ModelState stateAt(String model, Instant at) {
    List<LoggedFact> facts = facts(model, at);
    if (facts.isEmpty()) {
      return null;
    }
    ModelState s = new ModelState(model);
    facts.forEach(f -> s.apply(f.payload(), f.time(), f.leaf()));
    return s;
  }
}
