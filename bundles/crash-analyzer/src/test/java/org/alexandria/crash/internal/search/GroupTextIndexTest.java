package org.alexandria.crash.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alexandria.crash.internal.parse.CrashParser;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupTextIndexTest {

    private static final String LEGEND = """
            java.lang.NullPointerException: legend item label is null
            \tat org.jfree.chart.renderer.category.AbstractCategoryItemRenderer.getLegendItem(AbstractCategoryItemRenderer.java:1797)
            \tat org.jfree.chart.plot.CategoryPlot.getLegendItems(CategoryPlot.java:1018)
            \tat org.jfree.chart.JFreeChart.draw(JFreeChart.java:1200)
            """;
    private static final String KEY = """
            org.jfree.data.UnknownKeyException: The key (C2) is not recognised.
            \tat org.jfree.data.KeyedObjects.getObject(KeyedObjects.java:171)
            \tat org.jfree.data.KeyedObjects2D.getObject(KeyedObjects2D.java:233)
            """;
    private static final String BASE64 = """
            java.lang.IllegalArgumentException: Input byte array has incorrect ending byte
            \tat org.apache.commons.codec.binary.Base64.decode(Base64.java:480)
            \tat org.apache.commons.codec.binary.BaseNCodec.decode(BaseNCodec.java:313)
            """;

    private final GroupTextIndex index = new GroupTextIndex();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private void put(String id, String trace) {
        index.put(id, (ParsedTrace) new CrashParser().parse(trace));
    }

    @Test
    void proseFindsTheGroupWhoseIdentifiersItsWordsAreMadeOf() {
        put("legend", LEGEND);
        put("key", KEY);
        put("base64", BASE64);

        List<GroupTextIndex.Hit> hits = index.search("Hi, the chart crashes while drawing the legend items, please help", 3);

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).groupId()).isEqualTo("legend");
        assertThat(hits).allSatisfy(h -> assertThat(h.score()).isBetween(0.0, 1.0));
    }

    @Test
    void aQuotedMessageFindsItsGroupWithMostOfTheQueryMatched() {
        put("legend", LEGEND);
        put("key", KEY);
        put("base64", BASE64);

        List<GroupTextIndex.Hit> quoted = index.search("I get: The key (C2) is not recognised.", 3);
        List<GroupTextIndex.Hit> mixed = index.search("The key (C2) is not recognised while drawing the legend item", 3);

        assertThat(quoted.get(0).groupId()).isEqualTo("key");
        assertThat(quoted.get(0).score()).isGreaterThan(0.5);
        // words of another group dilute the share the best group matches
        assertThat(mixed.get(0).score()).isLessThan(quoted.get(0).score());
    }

    @Test
    void aFramePastedWithoutItsPackageMatches() {
        put("legend", LEGEND);
        put("base64", BASE64);

        assertThat(index.search("at BaseNCodec.decode", 2).get(0).groupId()).isEqualTo("base64");
    }

    @Test
    void removedAndReplacedGroupsAreSearchedAsTheyAreNow() {
        put("g", LEGEND);
        put("g", BASE64);
        put("other", KEY);
        assertThat(index.search("legend item", 5)).extracting(GroupTextIndex.Hit::groupId).doesNotContain("g");

        index.remove("other");
        assertThat(index.search("key not recognised", 5)).isEmpty();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void wordsNoCrashHoldMatchNothing() {
        put("legend", LEGEND);
        assertThat(index.search("hello, my invoice is wrong, thanks", 5)).isEmpty();
    }
}
