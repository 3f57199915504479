package org.alexandria.kb.internal.search;

import java.util.EnumSet;
import java.util.Set;
import org.alexandria.api.kb.ArticleStatus;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Which articles a search or suggestion may return.
 *
 * @param statuses allowed statuses, at least one
 * @param tags     tags the article must all carry (empty: any)
 * @param product  product the article must be about, or null for any
 */
public record ArticleFilter(Set<ArticleStatus> statuses, Set<String> tags, @Nullable String product) {

    /** Published articles of any tag and product: what customers and suggestions see. */
    public static final ArticleFilter PUBLISHED = new ArticleFilter(EnumSet.of(ArticleStatus.PUBLISHED), Set.of(),
            null);

    /** Copies the sets and checks that a status is given. */
    public ArticleFilter {
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("no status allowed");
        }
        statuses = Set.copyOf(statuses);
        tags = Set.copyOf(tags);
    }

    /**
     * @param kind {@link ArticleFields#KIND_ARTICLE} or {@link ArticleFields#KIND_QUESTION}
     * @return a query matching the documents of that kind that pass this filter, for a FILTER clause
     */
    public Query toQuery(String kind) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new TermQuery(new Term(ArticleFields.KIND, kind)), Occur.FILTER);
        if (statuses.size() < ArticleStatus.values().length) {
            BooleanQuery.Builder anyStatus = new BooleanQuery.Builder();
            for (ArticleStatus status : statuses) {
                anyStatus.add(new TermQuery(new Term(ArticleFields.STATUS, ArticleFields.statusValue(status))), Occur.SHOULD);
            }
            query.add(anyStatus.build(), Occur.FILTER);
        }
        for (String tag : tags) {
            query.add(new TermQuery(new Term(ArticleFields.TAG, tag)), Occur.FILTER);
        }
        if (product != null) {
            query.add(new TermQuery(new Term(ArticleFields.PRODUCT, product)), Occur.FILTER);
        }
        return query.build();
    }
}
