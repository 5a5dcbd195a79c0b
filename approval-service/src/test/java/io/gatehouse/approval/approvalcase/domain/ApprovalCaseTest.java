package io.gatehouse.approval.approvalcase.domain;

import static io.gatehouse.approval.approvalcase.domain.Cases.AUTHOR;
import static io.gatehouse.approval.approvalcase.domain.Cases.CLOCK;
import static io.gatehouse.approval.approvalcase.domain.Cases.DATA;
import static io.gatehouse.approval.approvalcase.domain.Cases.ID;
import static io.gatehouse.approval.approvalcase.domain.Cases.NOW;
import static io.gatehouse.approval.approvalcase.domain.Cases.OTHER_DATA;
import static io.gatehouse.approval.approvalcase.domain.Cases.SHA;
import static io.gatehouse.approval.approvalcase.domain.Cases.SUBMITTER;
import static io.gatehouse.approval.approvalcase.domain.Cases.allGatesPassed;
import static io.gatehouse.approval.approvalcase.domain.Cases.approve;
import static io.gatehouse.approval.approvalcase.domain.Cases.approved;
import static io.gatehouse.approval.approvalcase.domain.Cases.gate;
import static io.gatehouse.approval.approvalcase.domain.Cases.gateNoted;
import static io.gatehouse.approval.approvalcase.domain.Cases.modelApproved;
import static io.gatehouse.approval.approvalcase.domain.Cases.opened;
import static io.gatehouse.approval.approvalcase.domain.Cases.signOff;

import io.gatehouse.approval.approvalcase.api.OpenCase;
import io.gatehouse.approval.approvalcase.api.RecordSignOff;
import io.gatehouse.approval.policy.domain.TierPolicy;
import io.gatehouse.contracts.approval.Approver;
import io.gatehouse.contracts.approval.ChangesRequested;
import io.gatehouse.contracts.approval.ModelRejected;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.approval.SignOffsVoided;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApprovalCaseTest {

  private AggregateTestFixture<ApprovalCase> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ApprovalCase.class);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource(Cases.POLICIES);
  }

  private static Object[] given(Object... more) {
    Object[] events = new Object[more.length + 1];
    events[0] = opened();
    System.arraycopy(more, 0, events, 1, more.length);
    return events;
  }

  @Test
  void opensUnderThePolicyInForceWithTheTiersGatesSignOffsAndValidity() {
    TierPolicy high = new TierPolicy(List.of(new TierPolicy.Gate("auc", "x"), new TierPolicy.Gate("four-fifths", "y")),
        Cases.HIGH, Period.ofDays(180));
    fixture.givenNoPriorActivity()
        .when(new OpenCase(ID, "credit-scorer", 1, SHA, "HIGH", "default", 3, high, SUBMITTER, List.of(AUTHOR)))
        .expectEvents(opened());
  }

  @Test
  void recordsAnApprovalByAHolderOfTheRole() {
    fixture.given(given())
        .when(approve("lee", "LEGAL"))
        .expectEvents(approved("lee", "LEGAL"));
  }

  @Test
  void rejectsSignOffBySubmitter() {
    fixture.given(given())
        .when(approve(SUBMITTER, "LEGAL"))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("submitted this version")))
        .expectNoEvents();
  }

  @Test
  void rejectsSignOffByAnAuthor() {
    fixture.given(given())
        .when(approve(AUTHOR, "LEGAL"))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("is an author")))
        .expectNoEvents();
  }

  @Test
  void rejectsSignOffByAPersonWithoutTheRole() {
    fixture.given(given())
        .when(new RecordSignOff(ID, "LEGAL", "APPROVE", null, "mallory", null, Set.of("ENGINEERING")))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("does not hold the role LEGAL")))
        .expectNoEvents();
  }

  @Test
  void rejectsASecondRoleForOnePerson() {
    fixture.given(given(approved("riley", "MODEL_RISK")))
        .when(new RecordSignOff(ID, "LEGAL", "APPROVE", null, "riley", null, Set.of("MODEL_RISK", "LEGAL")))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("one person signs in one role")))
        .expectNoEvents();
  }

  @Test
  void rejectsASecondSignOffInTheSameRoleByTheSamePerson() {
    fixture.given(given(approved("riley", "MODEL_RISK")))
        .when(approve("riley", "MODEL_RISK"))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("already signed off")))
        .expectNoEvents();
  }

  @Test
  void rejectsSignOffForARoleThePolicyDoesNotAskFor() {
    fixture.given(given())
        .when(approve("pat", "PRODUCT"))
        .expectException(CaseRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void requiresACommentToRejectOrRequestChanges() {
    fixture.given(given())
        .when(signOff("lee", "LEGAL", "REJECT", " "))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("needs a comment")))
        .expectNoEvents();
  }

  @Test
  void refusesAnUnknownDecision() {
    fixture.given(given())
        .when(signOff("lee", "LEGAL", "MAYBE", "hmm"))
        .expectException(CaseRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void rejectEndsTheCase() {
    fixture.given(given())
        .when(signOff("lee", "LEGAL", "REJECT", "no lawful basis"))
        .expectEvents(
            new SignOffRecorded(ID, "credit-scorer", 1, "LEGAL", "lee", "Name of lee", "REJECT", "no lawful basis", NOW),
            new ModelRejected(ID, "credit-scorer", 1, "LEGAL", "lee", "no lawful basis", NOW));
  }

  @Test
  void requestChangesEndsTheCasePendingANewVersion() {
    fixture.given(given())
        .when(signOff("eve", "LEGAL", "REQUEST_CHANGES", "add the DPIA"))
        .expectEvents(
            new SignOffRecorded(ID, "credit-scorer", 1, "LEGAL", "eve", "Name of eve", "REQUEST_CHANGES", "add the DPIA", NOW),
            new ChangesRequested(ID, "credit-scorer", 1, "LEGAL", "eve", "add the DPIA", NOW));
  }

  @Test
  void aClosedCaseTakesNoMoreSignOffs() {
    fixture.given(given(new ModelRejected(ID, "credit-scorer", 1, "LEGAL", "lee", "no", NOW)))
        .when(approve("erin", "ENGINEERING"))
        .expectException(CaseRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void quorumNeedsDistinctApprovers() {
    fixture.given(given(allGatesPassed()))
        .andGiven(approved("erin", "ENGINEERING"), approved("lee", "LEGAL"), approved("riley", "MODEL_RISK"))
        .when(approve("robin", "MODEL_RISK"))
        .expectEvents(approved("robin", "MODEL_RISK"), modelApproved(new Approver("ENGINEERING", "erin"),
            new Approver("LEGAL", "lee"), new Approver("MODEL_RISK", "riley"), new Approver("MODEL_RISK", "robin")));
  }

  @Test
  void doesNotApproveBeforeTheQuorumIsReached() {
    fixture.given(given(allGatesPassed()))
        .andGiven(approved("erin", "ENGINEERING"), approved("lee", "LEGAL"))
        .when(approve("riley", "MODEL_RISK"))
        .expectEvents(approved("riley", "MODEL_RISK"));
  }

  @Test
  void approvesWhenEveryRoleReachedQuorumAndTheLastGatePasses() {
    fixture.given(given(gateNoted("auc", true, DATA)))
        .andGiven(approved("erin", "ENGINEERING"), approved("lee", "LEGAL"), approved("riley", "MODEL_RISK"),
            approved("robin", "MODEL_RISK"))
        .when(gate("four-fifths", true, DATA))
        .expectEvents(gateNoted("four-fifths", true, DATA), modelApproved(new Approver("ENGINEERING", "erin"),
            new Approver("LEGAL", "lee"), new Approver("MODEL_RISK", "riley"), new Approver("MODEL_RISK", "robin")));
  }

  @Test
  void aFailedRequiredGateBlocksApproval() {
    fixture.given(given(gateNoted("auc", true, DATA), gateNoted("four-fifths", false, DATA)))
        .andGiven(approved("erin", "ENGINEERING"), approved("lee", "LEGAL"), approved("riley", "MODEL_RISK"))
        .when(approve("robin", "MODEL_RISK"))
        .expectEvents(approved("robin", "MODEL_RISK"));
  }

  @Test
  void aReRunOnOtherEvidenceReplacesTheResultAndVoidsSignOffs() {
    fixture.given(given(allGatesPassed()))
        .andGiven(approved("erin", "ENGINEERING"), approved("lee", "LEGAL"))
        .when(gate("auc", true, OTHER_DATA))
        .expectEvents(
            new SignOffsVoided(ID, "credit-scorer", 1, "auc", DATA, OTHER_DATA,
                List.of(new Approver("ENGINEERING", "erin"), new Approver("LEGAL", "lee")), NOW),
            gateNoted("auc", true, OTHER_DATA));
  }

  @Test
  void evaluationDataGivenAfterTheSubmissionReplacesResultsFailedForWantOfDataAndVoidsSignOffs() {
    // validation's data digest for a version without evaluation data: sha256 of no bytes
    String noData = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    fixture.given(given(gateNoted("auc", false, noData), gateNoted("four-fifths", false, noData)))
        .andGiven(approved("erin", "ENGINEERING"), approved("lee", "LEGAL"))
        .when(gate("auc", true, DATA))
        .expectEvents(
            new SignOffsVoided(ID, "credit-scorer", 1, "auc", noData, DATA,
                List.of(new Approver("ENGINEERING", "erin"), new Approver("LEGAL", "lee")), NOW),
            gateNoted("auc", true, DATA));
  }

  @Test
  void theSameResultOnTheSameEvidenceChangesNothing() {
    fixture.given(given(allGatesPassed()))
        .andGiven(approved("erin", "ENGINEERING"))
        .when(gate("auc", true, DATA))
        .expectNoEvents();
  }

  @Test
  void aVoidedSignOffMayBeGivenAgain() {
    fixture.given(given(allGatesPassed()))
        .andGiven(approved("lee", "LEGAL"), new SignOffsVoided(ID, "credit-scorer", 1, "auc", DATA, OTHER_DATA,
            List.of(new Approver("LEGAL", "lee")), NOW), gateNoted("auc", true, OTHER_DATA))
        .when(approve("lee", "LEGAL"))
        .expectEvents(approved("lee", "LEGAL"));
  }

  @Test
  void ignoresAGateThePolicyDoesNotAskFor() {
    fixture.given(given())
        .when(gate("latency", true, DATA))
        .expectNoEvents();
  }
}
