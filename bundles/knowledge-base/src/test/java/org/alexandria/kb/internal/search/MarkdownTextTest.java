package org.alexandria.kb.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void markupIsRemovedAndTextKept() {
        String markdown = """
                # Resetting your PIN

                1. Open **the app**
                - Tap *Settings* then `Security`
                > Note: see [the help page](https://example.com/help) or ![a picture](img.png)
                <div class="x">Call us</div>
                """;

        assertThat(MarkdownText.plain(markdown)).isEqualTo("""
                Resetting your PIN

                Open the app
                Tap Settings then Security
                Note: see the help page or a picture
                 Call us""");
    }

    @Test
    void codeFencesGoButTheirContentAndIdentifiersStay() {
        assertThat(MarkdownText.plain("```java\nset max_retries = 3\n```")).isEqualTo("set max_retries = 3");
        assertThat(MarkdownText.plain("_emphasis_ and __strong__")).isEqualTo("emphasis and strong");
    }

    @Test
    void brokenMarkdownIsKeptAsText() {
        String broken = "[unclosed link(http://x **bold without end <b unclosed ``` `` ~~ ###";

        assertThat(MarkdownText.plain(broken)).contains("unclosed link", "bold without end", "<b unclosed");
        assertThat(MarkdownText.plain("")).isEmpty();
        assertThat(MarkdownText.plain("\u0000\uFFFF text")).contains("text");
    }
}
