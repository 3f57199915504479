package org.alexandria.crash.internal.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void normalizeReplacesWhatVariesBetweenOccurrences() {
        assertThat(Messages.normalize("Order 4711 not found for 1b4e28ba-2fa1-11d2-883f-0016d3cca427 at 0x7f3b2c1d5e50\n  retry"))
                .isEqualTo("Order <n> not found for <uuid> at <hex> retry");
    }

    @Test
    void wordsDropTokensWithDigitsAndSingleLetters() {
        assertThat(Messages.words("Index 7 out of bounds for length 3 at 0x7f3b, key=A-1001 (Trie[18]) é ok"))
                .containsExactly("index", "out", "of", "bounds", "for", "length", "at", "key", "trie", "ok");
    }
}
