package org.alexandria.kb.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alexandria.kb.internal.KnowledgeBaseService;
import org.alexandria.kb.internal.KnowledgeBaseServices;
import org.alexandria.kb.internal.article.ArticleInput;
import org.alexandria.kb.internal.article.ArticleView;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KbSearchCommandTest {

    private final TestDatabase db = TestDatabase.Kind.H2.create();
    private final KnowledgeBaseService kb = KnowledgeBaseServices.inMemory(db);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        kb.close();
        db.close();
    }

    private KbSearchCommand command(String... words) {
        KbSearchCommand command = new KbSearchCommand();
        command.kb = kb;
        command.query = List.of(words);
        return command;
    }

    @Test
    void printsHitsWithStatusAndHighlightedMatch() {
        ArticleView a = kb.create(new ArticleInput("Refunds", "A refund & a *return* take 5 days.", List.of("pay"),
                null, null, null), "e");
        kb.create(new ArticleInput("Refund policy", "Draft refund text.", null, null, null, null), "e");
        kb.publish(a.id(), "e");

        KbSearchCommand command = command("refnud");
        command.status = "published";
        command.execute();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Refunds", "published", a.id(), "A *refund* & a return take 5 days.")
                .doesNotContain("Refund policy");
    }

    @Test
    void refusesBadOptions() {
        KbSearchCommand badStatus = command("x");
        badStatus.status = "sold";
        badStatus.execute();
        KbSearchCommand badLimit = command("x");
        badLimit.limit = 0;
        badLimit.execute();

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--status", "--limit");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
