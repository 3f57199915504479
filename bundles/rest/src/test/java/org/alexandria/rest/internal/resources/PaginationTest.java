package org.alexandria.rest.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.alexandria.api.rest.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PaginationTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void absentLimitIsTheDefault(String value) {
        assertThat(Pagination.limit(value, 50, 1000)).isEqualTo(50);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "25,25", "' 7 ',7", "1000,1000"})
    void validLimits(String value, int expected) {
        assertThat(Pagination.limit(value, 50, 1000)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "1001", "-1", "1.5", "99999999999", "10 0"})
    void invalidLimitsAre400(String value) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> Pagination.limit(value, 50, 1000));
        assertThat(problem).as("limit '%s'", value).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("validation");
        assertThat(problem.getMessage()).contains("limit", "1000", value);
    }

    @Test
    void theMaximumIsTheCallersNotAConstant() {
        assertThat(Pagination.limit("20", 10, 20)).isEqualTo(20);
        assertThat(catchThrowableOfType(ProblemException.class, () -> Pagination.limit("21", 10, 20))).isNotNull();
    }
}
