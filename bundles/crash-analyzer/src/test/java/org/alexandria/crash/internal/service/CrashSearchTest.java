package org.alexandria.crash.internal.service;

import static org.alexandria.crash.internal.service.TestSupport.javaTrace;
import static org.alexandria.crash.internal.service.TestSupport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.util.List;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.crash.CrashGroupMatch;
import org.alexandria.api.crash.CrashReportReceipt;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CrashAnalyzerService#search}: kept in step with ingest, merge and split. */
class CrashSearchTest {

    private TestDatabase db;
    private CrashAnalyzerService crashes;

    @BeforeEach
    void start() {
        db = TestDatabase.Kind.H2.create();
        crashes = ServiceFactory.create(db, mock(AuditTrail.class), TestSupport.defaults());
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private static List<String> ids(List<CrashGroupMatch> matches) {
        return matches.stream().map(CrashGroupMatch::groupId).toList();
    }

    @Test
    void findsGroupsByMessageWordsAndSplitIdentifiersNeverExact() {
        CrashReportReceipt cart = crashes.ingest(report(javaTrace("java.lang.NullPointerException", "cart is null", "ShoppingCart", "computeTotal", 10)));
        CrashReportReceipt pay = crashes.ingest(report(javaTrace("java.lang.IllegalStateException", "payment declined by bank", "PaymentGateway", "charge", 20)));

        List<CrashGroupMatch> byWords = crashes.search("the shopping cart total crashes", 5);
        List<CrashGroupMatch> byMessage = crashes.search("it says payment declined by bank", 5);

        assertThat(ids(byWords).get(0)).isEqualTo(cart.groupId());
        assertThat(ids(byMessage).get(0)).isEqualTo(pay.groupId());
        assertThat(byMessage).allSatisfy(m -> {
            assertThat(m.exact()).isFalse();
            assertThat(m.score()).isBetween(0.0, 1.0);
        });
        assertThat(crashes.search("my invoice address changed", 5)).isEmpty();
    }

    @Test
    void mergedGroupsLeaveTheSearchAndSplitGroupsJoinIt() {
        CrashReportReceipt a = crashes.ingest(report(javaTrace("java.lang.NullPointerException", "cart is null", "ShoppingCart", "computeTotal", 10)));
        CrashReportReceipt b = crashes.ingest(report(javaTrace("java.lang.NullPointerException", "basket is null", "Basket", "computeTotal", 10)));

        crashes.merge(a.groupId(), b.groupId(), Actor.user("manager"), null);
        assertThat(ids(crashes.search("shopping cart", 5))).doesNotContain(a.groupId());

        String wishlist = javaTrace("java.lang.IllegalStateException", "wishlist full", "Wishlist", "add", 3);
        crashes.ingest(report(wishlist));
        CrashReportReceipt c = crashes.ingest(report(wishlist));
        CrashGroup split = crashes.split(c.groupId(), List.of(c.reportId()), Actor.user("manager"), null);
        assertThat(ids(crashes.search("wishlist full", 5))).contains(split.id());
    }

    @Test
    void refusesALimitOutOfRange() {
        assertThatThrownBy(() -> crashes.search("x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> crashes.search("x", 51)).isInstanceOf(IllegalArgumentException.class);
    }
}
