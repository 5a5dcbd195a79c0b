package io.gatehouse.approval.caseview;

import io.gatehouse.platform.jdbc.SqlFilter;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads the case view. */
@Component
public class CaseViewQueries {

  private final JdbcTemplate jdbc;
  private final JsonMapper json = io.gatehouse.contracts.EventJson.mapper();

  public CaseViewQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CaseView> find(String caseId) {
    return jdbc.queryForList("SELECT document FROM case_view WHERE case_id = ?", String.class, caseId).stream()
        .findFirst().map(d -> json.readValue(d, CaseView.class));
  }

  /** Cases filtered by status, model and a role they wait for; ordered by model and version. */
  public List<CaseView> list(String status, String model, Integer version, String awaitingRole, int offset,
      int limit) {
    SqlFilter filter = new SqlFilter().andIfPresent("status = ?", status).andIfPresent("model_name = ?", model)
        .andIfPresent("version = ?", version)
        .andIfPresent("awaiting_roles LIKE ?", awaitingRole == null ? null : "%," + awaitingRole + ",%");
    return jdbc.queryForList("SELECT document FROM case_view WHERE " + filter.where()
        + " ORDER BY model_name, version OFFSET ? LIMIT ?", String.class, filter.argsThen(offset, limit)).stream()
        .map(d -> json.readValue(d, CaseView.class)).toList();
  }

  /** Cases approved by break-glass whose review is not done, the most urgent first; only late ones if {@code overdue}. */
  public List<CaseView> breakGlassReviews(boolean overdue, int offset, int limit) {
    String sql = "SELECT document FROM case_view WHERE review_due_by IS NOT NULL"
        + (overdue ? " AND review_due_by < now()" : "") + " ORDER BY review_due_by, case_id OFFSET ? LIMIT ?";
    return jdbc.queryForList(sql, String.class, offset, limit).stream()
        .map(d -> json.readValue(d, CaseView.class)).toList();
  }
}
