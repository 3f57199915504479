package org.alexandria.rest.internal.resources;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Base64;
import org.alexandria.api.rest.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CursorsTest {

    private static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(UTF_8));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 999_999_999_999_999_999L, Long.MAX_VALUE})
    void roundTrip(long key) {
        String cursor = Cursors.encodeLong(key);
        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain(Long.toString(key));
        assertThat(Cursors.decodeLong(cursor)).isEqualTo(key);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void absentCursorStartsAtTheBeginning(String cursor) {
        assertThat(Cursors.decodeLong(cursor)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a cursor!", "%%%", "a"})
    void notBase64IsA400(String cursor) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> Cursors.decodeLong(cursor));
        assertThat(problem).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("validation");
        assertThat(problem.getMessage()).contains("cursor", cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "k:", "k:-1", "k:12x", "x:12", "k:99999999999999999999", "k:9223372036854775808"})
    void base64OfSomethingElseIsA400(String decoded) {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> Cursors.decodeLong(base64url(decoded)));
        assertThat(problem).as("cursor of '%s'", decoded).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
    }
}
