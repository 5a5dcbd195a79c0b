package io.gatehouse.approval.approvalcase.infra;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Whether a case exists, read from the event store in the current transaction. */
@Component
public class CaseExistence {

  private final EventStore events;

  public CaseExistence(EventStore events) {
    this.events = events;
  }

  public boolean exists(String caseId) {
    return events.lastSequenceNumberFor(caseId).isPresent();
  }
}
