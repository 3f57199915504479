package org.alexandria.kb.internal.shell;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.alexandria.api.kb.ArticleStatus;
import org.alexandria.kb.internal.KnowledgeBaseService;
import org.alexandria.kb.internal.search.SearchHit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alexandria:kb-search}: full-text search of knowledge-base articles, best first. */
@Command(scope = "alexandria", name = "kb-search", description = "Searches knowledge-base articles (fuzzy, best first)")
@Service
public class KbSearchCommand implements Action {

    @Reference
    KnowledgeBaseService kb;

    @Argument(index = 0, name = "query", description = "Words to look for", required = true, multiValued = true)
    List<String> query;

    @Option(name = "--status", aliases = "-s", description = "Only this status: draft, published or archived")
    @Completion(value = StringsCompleter.class, values = {"draft", "published", "archived"})
    String status;

    @Option(name = "--tag", aliases = "-t", description = "Only articles with this tag")
    String tag;

    @Option(name = "--product", aliases = "-p", description = "Only articles about this product")
    String product;

    @Option(name = "--limit", aliases = "-n", description = "Maximum number of hits (1..100)")
    int limit = 10;

    @Override
    public Object execute() {
        Set<ArticleStatus> statuses = EnumSet.noneOf(ArticleStatus.class);
        if (status != null) {
            try {
                statuses.add(ArticleStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                System.err.println("--status must be draft, published or archived");
                return null;
            }
        }
        if (limit < 1 || limit > KnowledgeBaseService.MAX_HITS) {
            System.err.println("--limit must be 1.." + KnowledgeBaseService.MAX_HITS);
            return null;
        }
        List<SearchHit> hits;
        try {
            hits = kb.search(String.join(" ", query), statuses, tag, product, limit);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Score");
        table.column("Status");
        table.column("Title").maxSize(40);
        table.column("Id");
        table.column("Match").maxSize(60);
        for (SearchHit hit : hits) {
            table.addRow().addContent(String.format(Locale.ROOT, "%.2f", hit.score()),
                    hit.status().name().toLowerCase(Locale.ROOT), hit.title(), hit.articleId(),
                    hit.highlights().isEmpty() ? "" : plain(hit.highlights().get(0)));
        }
        table.print(System.out);
        return null;
    }

    /** Turns a highlighted HTML passage into console text: matches in *stars*, entities decoded. */
    static String plain(String html) {
        return html.replace("<b>", "*").replace("</b>", "*").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#x27;", "'").replace("&#39;", "'").replace("&#x2F;", "/")
                .replace("&amp;", "&").replaceAll("\\s+", " ");
    }
}
