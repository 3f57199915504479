package org.alexandria.kb.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.alexandria.kb.internal.search.Article;
import org.alexandria.kb.internal.search.ArticleFilter;
import org.alexandria.kb.internal.search.ArticleIndex;
import org.alexandria.kb.internal.search.SearchHit;
import org.alexandria.kb.internal.search.SearchRequest;
import org.alexandria.kb.internal.suggest.ArticleSuggestion;
import org.alexandria.kb.internal.suggest.Suggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article index kept in step with the database. The database is the truth: {@link #refresh(String)} reads
 * an article's committed state and writes it to the index under one lock, so concurrent saves cannot leave an
 * older state indexed. When an index write fails the index is marked out of step ({@link #problem()}) and
 * rebuilt from the database on a freshly opened directory; it stays marked until a rebuild succeeds.
 */
final class LiveIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

    /** Where the index lives. */
    interface Storage {
        /**
         * @param wipe true to discard what is there (after a failure)
         * @return an open directory, closed by the caller
         * @throws IOException if it cannot be opened
         */
        Directory open(boolean wipe) throws IOException;

        /** @return a storage in memory */
        static Storage memory() {
            return wipe -> new ByteBuffersDirectory();
        }

        /**
         * @param folder the index folder, created if missing
         * @return a storage on disk
         */
        static Storage folder(Path folder) {
            return wipe -> {
                Files.createDirectories(folder);
                if (wipe) {
                    try (Stream<Path> files = Files.list(folder)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            Files.delete(file);
                        }
                    }
                }
                return FSDirectory.open(folder);
            };
        }
    }

    private record State(Directory directory, ArticleIndex index, Suggester suggester) {
    }

    private final Storage storage;
    private final Supplier<List<Article>> all;
    private final Function<String, Optional<Article>> one;
    private volatile @Nullable State state;
    private volatile @Nullable String problem = "not built yet";

    /**
     * @param storage where the index lives
     * @param all     every article in the database
     * @param one     one article's committed state in the database, by id
     */
    LiveIndex(Storage storage, Supplier<List<Article>> all, Function<String, Optional<Article>> one) {
        this.storage = storage;
        this.all = all;
        this.one = one;
    }

    /**
     * Replaces the index content by the database's, reopening the directory if the index was out of step.
     *
     * @return number of articles indexed
     * @throws IOException if the index cannot be written; it stays marked out of step
     */
    synchronized int rebuild() throws IOException {
        List<Article> articles = all.get();
        try {
            State current = state;
            if (current == null || problem != null) {
                current = reopen(current != null);
            }
            current.index().rebuild(articles);
            problem = null;
            return articles.size();
        } catch (IOException | RuntimeException e) {
            problem = "index rebuild failed: " + e;
            throw e;
        }
    }

    /**
     * Writes an article's committed state to the index, or removes it if it is no longer in the database.
     * Never throws for an index failure: marks the index out of step and rebuilds it.
     *
     * @param articleId the article that changed
     */
    synchronized void refresh(String articleId) {
        Optional<Article> article = one.apply(articleId);
        try {
            State current = requireState();
            if (article.isPresent()) {
                current.index().put(article.get());
            } else {
                current.index().delete(articleId);
            }
        } catch (IOException | RuntimeException e) {
            problem = "index update of article " + articleId + " failed: " + e;
            LOG.warn("Knowledge-base index update failed, rebuilding it from the database", e);
            try {
                rebuild();
            } catch (IOException | RuntimeException again) {
                LOG.error("Knowledge-base index rebuild failed; search and suggestions may be stale", again);
            }
        }
    }

    /** @return why the index may not match the database, or null when it does */
    @Nullable String problem() {
        return problem;
    }

    List<SearchHit> search(SearchRequest request) throws IOException {
        return requireState().index().search(request);
    }

    List<ArticleSuggestion> suggest(String text, int limit, ArticleFilter filter) throws IOException {
        return requireState().suggester().suggest(text, limit, filter);
    }

    Map<String, List<String>> highlights(String text, Collection<String> articleIds) throws IOException {
        return requireState().index().highlights(text, articleIds);
    }

    @Override
    public synchronized void close() throws IOException {
        State current = state;
        state = null;
        if (current != null) {
            close(current);
        }
    }

    private State requireState() throws IOException {
        State current = state;
        if (current == null) {
            throw new IOException("the index is not open");
        }
        return current;
    }

    private State reopen(boolean wipe) throws IOException {
        State old = state;
        state = null;
        if (old != null) {
            try {
                close(old);
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing the failed index", e);
            }
        }
        Directory directory = storage.open(wipe);
        try {
            ArticleIndex index = new ArticleIndex(directory);
            State fresh = new State(directory, index, new Suggester(index));
            state = fresh;
            return fresh;
        } catch (IOException | RuntimeException e) {
            directory.close();
            if (wipe) {
                throw e;
            }
            // an unreadable index on disk: start from an empty folder, the database has everything
            LOG.warn("Knowledge-base index unreadable, recreating it", e);
            return reopen(true);
        }
    }

    private static void close(State state) throws IOException {
        try (Directory directory = state.directory()) {
            state.index().close();
        }
    }
}
