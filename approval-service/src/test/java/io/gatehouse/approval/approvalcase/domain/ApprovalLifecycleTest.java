package io.gatehouse.approval.approvalcase.domain;

import static io.gatehouse.approval.approvalcase.domain.Cases.AUTHOR;
import static io.gatehouse.approval.approvalcase.domain.Cases.CLOCK;
import static io.gatehouse.approval.approvalcase.domain.Cases.DATA;
import static io.gatehouse.approval.approvalcase.domain.Cases.ID;
import static io.gatehouse.approval.approvalcase.domain.Cases.NOW;
import static io.gatehouse.approval.approvalcase.domain.Cases.SHA;
import static io.gatehouse.approval.approvalcase.domain.Cases.SUBMITTER;
import static io.gatehouse.approval.approvalcase.domain.Cases.allGatesPassed;
import static io.gatehouse.approval.approvalcase.domain.Cases.approve;
import static io.gatehouse.approval.approvalcase.domain.Cases.approved;
import static io.gatehouse.approval.approvalcase.domain.Cases.gate;
import static io.gatehouse.approval.approvalcase.domain.Cases.modelApproved;
import static io.gatehouse.approval.approvalcase.domain.Cases.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.approval.approvalcase.api.BreakGlassRequested;
import io.gatehouse.approval.approvalcase.api.OpenCase;
import io.gatehouse.approval.approvalcase.api.Recertify;
import io.gatehouse.approval.approvalcase.api.WithdrawCase;
import io.gatehouse.approval.approvalcase.api.RequestBreakGlass;
import io.gatehouse.contracts.approval.ApprovalExpired;
import io.gatehouse.contracts.approval.CaseWithdrawn;
import io.gatehouse.contracts.approval.ApprovalSuspended;
import io.gatehouse.contracts.approval.Approver;
import io.gatehouse.contracts.approval.BreakGlassApproved;
import io.gatehouse.contracts.approval.CaseReopened;
import io.gatehouse.contracts.approval.ModelRejected;
import io.gatehouse.contracts.approval.RecertificationDue;
import io.gatehouse.contracts.approval.SignOffRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of an approval's life after it is granted: expiry, recertification, suspension, break-glass. */
class ApprovalLifecycleTest {

  private static final Instant VALID_UNTIL = Instant.parse("2027-05-21T10:00:00Z");
  private static final Approver[] QUORUM = {new Approver("ENGINEERING", "erin"), new Approver("LEGAL", "lee"),
      new Approver("MODEL_RISK", "mo"), new Approver("MODEL_RISK", "max")};

  private AggregateTestFixture<ApprovalCase> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ApprovalCase.class);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource(Cases.POLICIES);
  }

  private static Object[] approvedCase() {
    Object[] gates = allGatesPassed();
    return new Object[] {opened(), gates[0], gates[1], approved("erin", "ENGINEERING"), approved("lee", "LEGAL"),
        approved("mo", "MODEL_RISK"), approved("max", "MODEL_RISK"), modelApproved(QUORUM)};
  }

  private static Object[] approvedCommands() {
    return new Object[] {new OpenCase(ID, "credit-scorer", 1, SHA, "HIGH", "default", 3, Cases.HIGH_TIER, SUBMITTER,
        List.of(AUTHOR)), gate("auc", true, DATA), gate("four-fifths", true, DATA), approve("erin", "ENGINEERING"),
        approve("lee", "LEGAL"), approve("mo", "MODEL_RISK"), approve("max", "MODEL_RISK")};
  }

  private static RequestBreakGlass breakGlass(String who, String... roles) {
    return new RequestBreakGlass(ID, "Fraud wave: the old model misses the new pattern", who, "Name of " + who,
        Set.of(roles));
  }

  @Test
  void approvalSchedulesRecertificationDueThirtyDaysAheadAndExpiryAtValidUntil() {
    Object[] given = approvedCase();
    fixture.given(java.util.Arrays.copyOf(given, given.length - 2))
        .when(approve("max", "MODEL_RISK"))
        .expectEvents(approved("max", "MODEL_RISK"), modelApproved(QUORUM))
        .expectScheduledDeadlineWithName(VALID_UNTIL.minus(Duration.ofDays(30)), ApprovalDeadline.RECERTIFICATION_DUE)
        .expectScheduledDeadlineWithName(VALID_UNTIL, ApprovalDeadline.APPROVAL_EXPIRY);
  }

  @Test
  void expiresTheApprovalAtItsPersistentDeadlineAnnouncingRecertificationFirst() {
    fixture.givenCommands(approvedCommands())
        .whenThenTimeAdvancesTo(VALID_UNTIL.plusSeconds(1))
        .expectEvents(new RecertificationDue(ID, "credit-scorer", 1, VALID_UNTIL, VALID_UNTIL.minus(Duration.ofDays(30))),
            new ApprovalExpired(ID, "credit-scorer", 1, VALID_UNTIL));
  }

  @Test
  void aDeadlineOfAnApprovalSinceRenewedDoesNothing() {
    ApprovalCase kase = replay(approvedCase());
    assertThatCode(() -> {
      kase.recertificationDue(new ApprovalDeadline(VALID_UNTIL.minusSeconds(1), NOW));
      kase.expire(new ApprovalDeadline(VALID_UNTIL.minusSeconds(1), NOW));
    }).doesNotThrowAnyException();
    assertThatThrownBy(() -> kase.expire(new ApprovalDeadline(VALID_UNTIL, VALID_UNTIL)))
        .as("the current approval's deadline applies ApprovalExpired").isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anExpiredApprovalBlocksPromotion() {
    ApprovalCase kase = replay(append(approvedCase(), new ApprovalExpired(ID, "credit-scorer", 1, VALID_UNTIL)));
    Standing standing = kase.standing(VALID_UNTIL.plusSeconds(5));
    assertThat(standing.approved()).isFalse();
    assertThat(standing.reasons()).extracting(Standing.Reason::code).containsExactly("approval-expired");
  }

  @Test
  void anApprovalPastValidUntilBlocksPromotionEvenBeforeItsDeadlineFired() {
    ApprovalCase kase = replay(approvedCase());
    assertThat(kase.standing(VALID_UNTIL.minusSeconds(1)).approved()).isTrue();
    assertThat(kase.standing(VALID_UNTIL).reasons()).extracting(Standing.Reason::code)
        .containsExactly("approval-expired");
  }

  @Test
  void recertifyingReopensSignOffUnderThePolicyInForce() {
    fixture.given(approvedCase())
        .when(new Recertify(ID, "risk1"))
        .expectEvents(new CaseReopened(ID, "credit-scorer", 1, "RECERTIFICATION", "default", 4,
            Cases.HIGH_TIER_V4.gateIds(), Cases.HIGH_TIER_V4.signOffs(), "P90D", "risk1", NOW));
  }

  @Test
  void aRecertifiedCaseIsApprovedAgainOnlyByTheNewPolicysSignOffs() {
    fixture.given(append(approvedCase(), new CaseReopened(ID, "credit-scorer", 1, "RECERTIFICATION", "default", 4,
            Cases.HIGH_TIER_V4.gateIds(), Cases.HIGH_TIER_V4.signOffs(), "P90D", "risk1", NOW),
            approved("erin", "ENGINEERING")))
        .when(new io.gatehouse.approval.approvalcase.api.RecordSignOff(ID, "ETHICS", "APPROVE", "ok", "eve", "Eve",
            Set.of("ETHICS")))
        .expectEvents(new SignOffRecorded(ID, "credit-scorer", 1, "ETHICS", "eve", "Eve", "APPROVE", "ok", NOW),
            new io.gatehouse.contracts.approval.ModelApproved(ID, "credit-scorer", 1, SHA, "default", 4,
                Instant.parse("2027-02-20T10:00:00Z"),
                List.of(new Approver("ENGINEERING", "erin"), new Approver("ETHICS", "eve")), NOW));
  }

  @Test
  void refusesToRecertifyACaseThatIsStillUnderReview() {
    fixture.given(opened())
        .when(new Recertify(ID, "risk1"))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("Only an approved or expired case")));
  }

  @Test
  void aSuspendedApprovalBlocksPromotionAndReopensSignOff() {
    ApprovalCase kase = replay(append(approvedCase(), new ApprovalSuspended(ID, "credit-scorer", 1,
        "psi 0.31 on income", "drift-1", "service:approval", NOW)));
    Standing standing = kase.standing(NOW);
    assertThat(standing.reasons()).extracting(Standing.Reason::code).containsExactly("approval-suspended");
    assertThat(standing.reasons().get(0).message()).contains("psi 0.31 on income")
        .contains("1 ENGINEERING sign-off").contains("2 MODEL_RISK sign-offs");
  }

  @Test
  void suspensionNeedsAnApprovalToSuspend() {
    ApprovalCase kase = replay(opened());
    assertThat(kase.suspend("drift", "drift-1", "service:approval", NOW)).isFalse();
  }

  @Test
  void afterSuspensionNobodyChangesTheRoleTheySignedIn() {
    fixture.given(append(approvedCase(), new ApprovalSuspended(ID, "credit-scorer", 1, "drift", "drift-1",
            "service:approval", NOW)))
        .when(new io.gatehouse.approval.approvalcase.api.RecordSignOff(ID, "ENGINEERING", "APPROVE", "ok", "lee",
            "Lee", Set.of("ENGINEERING", "LEGAL")))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("already signed off this case as LEGAL")));
  }

  @Test
  void breakGlassNeedsASecondDistinctSeniorApprover() {
    fixture.given(opened())
        .when(breakGlass("risk1", "MODEL_RISK"))
        .expectEvents(new BreakGlassRequested(ID, "risk1", "Fraud wave: the old model misses the new pattern", NOW))
        .expectResultMessagePayload("AWAITING_SECOND_APPROVER");
  }

  @Test
  void breakGlassApprovesWithTwoDistinctSeniorApproversAndSetsTheReviewDate() {
    Instant reviewDue = NOW.plus(Duration.ofDays(7));
    fixture.given(opened(), new BreakGlassRequested(ID, "risk1", "Fraud wave", NOW.minusSeconds(60)))
        .when(breakGlass("admin", "GOVERNANCE_ADMIN"))
        .expectEvents(new BreakGlassApproved(ID, "credit-scorer", 1, SHA, List.of("risk1", "admin"),
            "Fraud wave\n(confirmed by admin: Fraud wave: the old model misses the new pattern)", reviewDue, NOW))
        .expectResultMessagePayload("APPROVED")
        .expectScheduledDeadlineWithName(reviewDue, ApprovalDeadline.APPROVAL_EXPIRY);
  }

  @Test
  void breakGlassRefusesTheSamePersonTwice() {
    fixture.given(opened(), new BreakGlassRequested(ID, "risk1", "Fraud wave", NOW.minusSeconds(60)))
        .when(breakGlass("risk1", "MODEL_RISK"))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("a second, different approver")))
        .expectNoEvents();
  }

  @Test
  void breakGlassRefusesAnyoneWithoutModelRiskOrGovernanceAdmin() {
    fixture.given(opened())
        .when(breakGlass("lee", "LEGAL"))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("holds neither MODEL_RISK")))
        .expectNoEvents();
  }

  @Test
  void breakGlassRefusesTheSubmitterEvenWithTheRole() {
    fixture.given(opened())
        .when(breakGlass(SUBMITTER, "MODEL_RISK"))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("submitted or authored")))
        .expectNoEvents();
  }

  @Test
  void breakGlassNeedsAJustification() {
    fixture.given(opened())
        .when(new RequestBreakGlass(ID, " ", "risk1", "Risk One", Set.of("MODEL_RISK")))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("needs a justification")))
        .expectNoEvents();
  }

  @Test
  void breakGlassDoesNotOverturnARejection() {
    fixture.given(opened(), approved("erin", "ENGINEERING"),
            new ModelRejected(ID, "credit-scorer", 1, "LEGAL", "lee", "no", NOW))
        .when(breakGlass("risk1", "MODEL_RISK"))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("does not overturn a rejection")));
  }

  @Test
  void aLapsedFirstBreakGlassRequestStartsOver() {
    fixture.given(opened(), new BreakGlassRequested(ID, "risk1", "Fraud wave", NOW.minus(Duration.ofHours(25))))
        .when(breakGlass("admin", "GOVERNANCE_ADMIN"))
        .expectEvents(new BreakGlassRequested(ID, "admin", "Fraud wave: the old model misses the new pattern", NOW));
  }

  @Test
  void aBreakGlassApprovalLetsThePromotionThroughAndLapsesWhenItsReviewIsDue() {
    Instant reviewDue = NOW.plus(Duration.ofDays(7));
    ApprovalCase kase = replay(opened(), new BreakGlassApproved(ID, "credit-scorer", 1, SHA, List.of("risk1", "admin"),
        "x", reviewDue, NOW));
    assertThat(kase.standing(NOW).approved()).isTrue();
    assertThat(kase.standing(NOW).approval().breakGlass()).isTrue();
    assertThat(kase.standing(reviewDue).approved()).isFalse();
  }

  @Test
  void aRetiredVersionsCaseIsWithdrawnOnceAndItsApprovalNoLongerCounts() {
    CaseWithdrawn withdrawn = new CaseWithdrawn(ID, "credit-scorer", 1, "RETIRED", "superseded", "alice", NOW);
    fixture.given(approvedCase())
        .when(new WithdrawCase(ID, "RETIRED", "superseded", "alice"))
        .expectEvents(withdrawn);
    fixture.given(append(approvedCase(), withdrawn))
        .when(new WithdrawCase(ID, "DELETED", null, "alice"))
        .expectNoEvents();

    ApprovalCase kase = replay(append(approvedCase(), withdrawn));
    Standing standing = kase.standing(NOW);
    assertThat(standing.approved()).as("approved until " + VALID_UNTIL + " but retired").isFalse();
    assertThat(standing.reasons()).extracting(Standing.Reason::code).containsExactly("version-withdrawn");
    assertThat(standing.reasons().get(0).message()).contains("was retired in the registry");
  }

  @Test
  void aWithdrawnCaseTakesNoSignOffRecertificationOrBreakGlass() {
    Object[] given = append(approvedCase(),
        new CaseWithdrawn(ID, "credit-scorer", 1, "DELETED", null, "alice", NOW));
    fixture.given(given).when(approve("pat", "ENGINEERING"))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("WITHDRAWN")));
    fixture.given(given).when(new Recertify(ID, "risk1"))
        .expectException(CaseRuleViolation.class);
    fixture.given(given).when(breakGlass("risk1", "MODEL_RISK"))
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(Matchers.predicate(m -> ((String) m).contains("retired or deleted")));
  }

  /**
   * A case rebuilt by calling its event-sourcing handlers, to call the methods promotion and admission
   * use. Outside an Axon unit of work, any event such a method applies throws: a method that must not
   * apply anything is checked by not throwing.
   */
  static ApprovalCase replay(Object... events) {
    ApprovalCase kase = new ApprovalCase();
    for (Object e : events) {
      try {
        java.lang.reflect.Method on = ApprovalCase.class.getDeclaredMethod("on", e.getClass());
        on.setAccessible(true);
        on.invoke(kase, e);
      } catch (ReflectiveOperationException x) {
        throw new IllegalStateException("cannot replay " + e, x);
      }
    }
    return kase;
  }

  private static Object[] append(Object[] events, Object... more) {
    Object[] all = java.util.Arrays.copyOf(events, events.length + more.length);
    System.arraycopy(more, 0, all, events.length, more.length);
    return all;
  }
}
