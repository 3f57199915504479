package org.alexandria.workflow.resolution.internal.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashExceptionInfo;
import org.alexandria.api.crash.CrashFrame;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.crash.CrashGroupMatch;
import org.alexandria.api.crash.CrashGroupStatus;
import org.alexandria.api.crash.ParsedCrash;
import org.alexandria.api.crash.ValueCount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CorrelationEngine} over a crash analyzer whose answers each test sets. */
class CorrelationEngineTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final CorrelationSettings SETTINGS = CorrelationSettings.DEFAULTS;

    private final CrashAnalyzer crashes = mock(CrashAnalyzer.class);
    private final CorrelationEngine engine = new CorrelationEngine(crashes, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void nothingByDefault() {
        when(crashes.parse(anyString())).thenReturn(new ParsedCrash(false, null, "no trace", List.of(), null, null));
        when(crashes.match(anyString(), anyInt())).thenReturn(List.of());
        when(crashes.search(anyString(), anyInt())).thenReturn(List.of());
        when(crashes.group(anyString())).thenReturn(Optional.empty());
    }

    private static CrashGroup group(String id, String type, String message, String frameClass, String frameMethod,
            List<ValueCount> versions, Instant lastSeen) {
        CrashFrame frame = new CrashFrame("com.acme." + frameClass, frameMethod, frameClass + ".java", 10, true);
        CrashFrame other = new CrashFrame("com.acme.Service", "handle", "Service.java", 42, true);
        return new CrashGroup(id, "fp-" + id, "alexandria:1", type + " at " + frameClass + "." + frameMethod, type, message,
                CrashGroupStatus.OPEN, null, 3, lastSeen.minus(Duration.ofDays(2)), lastSeen, "JAVA",
                List.of(new CrashExceptionInfo(type, message, "THROWN", -1, List.of(frame, other), 0)), List.of(), versions,
                List.of(), List.of(), 0);
    }

    private static CrashGroup group(String id, String type, String message, String frameClass, String frameMethod) {
        return group(id, type, message, frameClass, frameMethod, List.of(), NOW);
    }

    private void known(CrashGroup... groups) {
        for (CrashGroup g : groups) {
            when(crashes.group(g.id())).thenReturn(Optional.of(g));
        }
    }

    private void searchFinds(Object... idAndScore) {
        List<CrashGroupMatch> matches = new java.util.ArrayList<>();
        for (int i = 0; i < idAndScore.length; i += 2) {
            matches.add(new CrashGroupMatch((String) idAndScore[i], "fp", "sig", (Double) idAndScore[i + 1], false));
        }
        when(crashes.search(anyString(), anyInt())).thenReturn(matches);
    }

    private void tracePasted(String groupId, double score) {
        when(crashes.parse(anyString())).thenReturn(new ParsedCrash(true, "JAVA", null, List.of(), "fp", "sig"));
        when(crashes.match(anyString(), anyInt())).thenReturn(List.of(new CrashGroupMatch(groupId, "fp-" + groupId, "sig",
                score, score >= 1)));
    }

    private static TicketFacts ticket(String text) {
        return ticket(text, null, NOW);
    }

    private static TicketFacts ticket(String text, String version, Instant created) {
        return new TicketFacts("t-1", "Checkout broken", text, null, version, null, null, null, created);
    }

    @Test
    void aPastedTraceOfAKnownGroupIsLinkedAutomaticallyWithTheTraceAsTheMainReason() {
        known(group("cart", "java.lang.NullPointerException", "cart is null", "Cart", "total"),
                group("pay", "java.lang.IllegalStateException", "payment declined", "Payment", "charge"));
        tracePasted("cart", 1.0);
        searchFinds("cart", 0.6, "pay", 0.2);

        List<Candidate> candidates = engine.correlate(ticket("""
                Hi, checkout fails:
                java.lang.NullPointerException: cart is null
                \tat com.acme.Cart.total(Cart.java:10)
                \tat com.acme.Service.handle(Service.java:42)
                """), Set.of(), SETTINGS);

        assertThat(candidates).extracting(Candidate::groupId).containsExactly("cart", "pay");
        Candidate best = candidates.get(0);
        assertThat(SETTINGS.decide(best.score())).isEqualTo(LinkDecision.AUTO_LINK);
        assertThat(best.signals().get(0).name()).isEqualTo("stack-trace");
        assertThat(best.signals().get(0).detail()).contains("same fingerprint");
        assertThat(SETTINGS.decide(candidates.get(1).score())).isEqualTo(LinkDecision.NONE);
    }

    @Test
    void aQuotedMessageAloneIsEnoughWhenNoOtherGroupHasIt() {
        known(group("key", "org.acme.UnknownKeyException", "The key (C2) is not recognised", "KeyedObjects", "getObject"),
                group("pay", "java.lang.IllegalStateException", "payment declined", "Payment", "charge"));
        searchFinds("key", 0.7, "pay", 0.1);

        List<Candidate> candidates = engine.correlate(ticket("We get \"The key (C2) is not recognised\" since today"),
                Set.of(), SETTINGS);

        assertThat(candidates.get(0).groupId()).isEqualTo("key");
        assertThat(SETTINGS.decide(candidates.get(0).score())).isEqualTo(LinkDecision.AUTO_LINK);
        assertThat(candidates.get(0).signals()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("message");
            assertThat(s.value()).isEqualTo(1.0);
        });
    }

    @Test
    void twoGroupsWithTheSameMessageAreOnlySuggested() {
        known(group("a", "junit.framework.AssertionFailedError", "expected:<1> but was:<0>", "Renderer", "draw"),
                group("b", "junit.framework.AssertionFailedError", "expected:<1> but was:<0>", "Archive", "read"));
        searchFinds("a", 0.5, "b", 0.5);

        List<Candidate> candidates = engine.correlate(ticket("AssertionFailedError: expected:<1> but was:<0>"), Set.of(),
                SETTINGS);

        assertThat(candidates).hasSize(2);
        assertThat(candidates).allSatisfy(c -> assertThat(SETTINGS.decide(c.score())).isNotEqualTo(LinkDecision.AUTO_LINK));
        assertThat(candidates.get(0).score()).isEqualTo(candidates.get(1).score());
        assertThat(candidates.get(0).signals()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("competition");
            assertThat(s.contribution()).isNegative();
        });
    }

    @Test
    void aRejectedGroupNeverAppearsAndNoLongerCompetes() {
        known(group("a", "junit.framework.AssertionFailedError", "expected:<1> but was:<0>", "Renderer", "draw"),
                group("b", "junit.framework.AssertionFailedError", "expected:<1> but was:<0>", "Archive", "read"));
        searchFinds("a", 0.5, "b", 0.5);
        TicketFacts t = ticket("AssertionFailedError: expected:<1> but was:<0>");
        double shared = engine.correlate(t, Set.of(), SETTINGS).get(0).score();

        List<Candidate> candidates = engine.correlate(t, Set.of("a"), SETTINGS);

        assertThat(candidates).extracting(Candidate::groupId).containsExactly("b");
        assertThat(candidates.get(0).score()).isGreaterThan(shared);
    }

    @Test
    void framesQuotedWithoutAHeaderCountAsTraceEvidence() {
        known(group("cart", "java.lang.NullPointerException", "", "Cart", "total"));
        searchFinds("cart", 0.3);

        Candidate quoted = engine.correlate(ticket("the log shows Cart.total and then Service.handle"), Set.of(), SETTINGS).get(0);
        Candidate prose = engine.correlate(ticket("the cart total is broken"), Set.of(), SETTINGS).get(0);

        assertThat(quoted.signals()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("stack-trace");
            assertThat(s.value()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.detail()).contains("2 of the group's frames");
        });
        assertThat(quoted.score()).isGreaterThan(prose.score());
    }

    @Test
    void aVersionTheGroupNeverSawAndATicketLongAfterItLowerTheScore() {
        Instant now = NOW;
        known(group("cart", "java.lang.NullPointerException", "cart is null", "Cart", "total",
                List.of(new ValueCount("4.2.0", 3, now)), now));
        searchFinds("cart", 0.4);

        double same = engine.correlate(ticket("NullPointerException cart is null", "4.2.0", now), Set.of(), SETTINGS).get(0).score();
        double other = engine.correlate(ticket("NullPointerException cart is null", "5.0.0", now), Set.of(), SETTINGS).get(0).score();
        double later = engine.correlate(ticket("NullPointerException cart is null", "4.2.0", now.plus(Duration.ofDays(60))),
                Set.of(), SETTINGS).get(0).score();

        assertThat(other).isLessThan(same);
        assertThat(later).isLessThan(same);
    }

    @Test
    void aTicketThatSharesNothingWithAnyGroupHasNoCandidate() {
        known(group("cart", "java.lang.NullPointerException", "cart is null", "Cart", "total"));

        assertThat(engine.correlate(ticket("Please update my invoice address"), Set.of(), SETTINGS)).isEmpty();
    }

    @Test
    void groupsThatAreNoLongerOpenOrUnknownAreLeftOut() {
        CrashGroup open = group("open", "java.lang.NullPointerException", "cart is null", "Cart", "total");
        CrashGroup merged = new CrashGroup("merged", "fp", "alexandria:1", "sig", open.exceptionType(), open.exceptionMessage(),
                CrashGroupStatus.MERGED, "open", 1, NOW, NOW, "JAVA", open.exceptions(), List.of(), List.of(), List.of(),
                List.of(), 0);
        known(open, merged);
        searchFinds("merged", 0.9, "open", 0.5, "gone", 0.9);

        assertThat(engine.correlate(ticket("cart is null"), Set.of(), SETTINGS)).extracting(Candidate::groupId)
                .containsExactly("open");
    }

    @Test
    void theScoreStaysInTheUnitIntervalAndTheCandidateCountIsCapped() {
        for (int i = 0; i < 8; i++) {
            known(group("g" + i, "java.lang.NullPointerException", "cart is null", "Cart", "total"));
        }
        tracePasted("g0", 1.0);
        searchFinds("g1", 1.0, "g2", 1.0, "g3", 1.0, "g4", 1.0, "g5", 1.0, "g6", 1.0, "g7", 1.0);

        List<Candidate> candidates = engine.correlate(ticket("NullPointerException: cart is null at Cart.total"), Set.of(),
                new CorrelationSettings(0.9, 0.5, 3));

        assertThat(candidates).hasSize(3);
        assertThat(candidates).allSatisfy(c -> assertThat(c.score()).isBetween(0.0, 1.0));
        assertThat(candidates).extracting(Candidate::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void settingsDecideAndRefuseNonsense() {
        CorrelationSettings s = new CorrelationSettings(0.8, 0.4, 5);
        assertThat(s.decide(0.8)).isEqualTo(LinkDecision.AUTO_LINK);
        assertThat(s.decide(0.79)).isEqualTo(LinkDecision.SUGGEST);
        assertThat(s.decide(0.4)).isEqualTo(LinkDecision.SUGGEST);
        assertThat(s.decide(0.39)).isEqualTo(LinkDecision.NONE);
        assertThatThrownBy(() -> new CorrelationSettings(0.5, 0.6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CorrelationSettings(1.5, 0.6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CorrelationSettings(0.8, 0.6, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CorrelationSettings(Double.NaN, 0.6, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
