package org.alexandria.kb.internal.suggest;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.*;

// TEMPORARY tuning hook, removed before delivery.
final class Experiment {
    static IndexSearcher wrap(IndexSearcher s) {
        String q = System.getProperty("kb.q");
        String c = System.getProperty("kb.c");
        if (q == null && c == null) return s;
        Similarity qs = sim(q), cs = sim(c);
        IndexSearcher n = new IndexSearcher(s.getIndexReader());
        n.setSimilarity(new PerFieldSimilarityWrapper() {
            @Override public Similarity get(String f) { return f.startsWith("question") ? qs : cs; }
        });
        n.setQueryCache(null);
        return n;
    }
    static Similarity sim(String spec) {
        if (spec == null) return new BM25Similarity();
        String[] p = spec.split(":");
        return switch (p[0]) {
            case "bm25" -> new BM25Similarity(Float.parseFloat(p[1]), Float.parseFloat(p[2]));
            case "dir" -> new LMDirichletSimilarity(Float.parseFloat(p[1]));
            case "jm" -> new LMJelinekMercerSimilarity(Float.parseFloat(p[1]));
            case "tfidf" -> new ClassicSimilarity();
            case "bm25p" -> new BM25Similarity(Float.parseFloat(p[1]), Float.parseFloat(p[2])) {
                final double pw = Double.parseDouble(p[3]);
                @Override protected float idf(long df, long n) { return (float) Math.pow(super.idf(df, n), pw); }
            };
            case "tfidfp" -> new ClassicSimilarity() {
                final double pw = Double.parseDouble(p[1]);
                @Override public float idf(long df, long n) { return (float) Math.pow(super.idf(df, n), pw); }
            };
            case "dfi" -> new DFISimilarity(new IndependenceChiSquared());
            case "dfis" -> new DFISimilarity(new IndependenceStandardized());
            case "dfr" -> new DFRSimilarity(new BasicModelIn(), new AfterEffectL(), new NormalizationH2());
            case "ib" -> new IBSimilarity(new DistributionLL(), new LambdaDF(), new NormalizationH2());
            case "ax" -> new AxiomaticF2EXP();
            default -> throw new IllegalArgumentException(spec);
        };
    }
}
