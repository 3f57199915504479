package org.alexandria.tickets.internal.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Custom field values between their stored text form and their typed form. */
public final class FieldValues {

    private FieldValues() {
    }

    /**
     * @param type   the field's type
     * @param stored the canonical text form (as validated on the way in)
     * @return String, BigDecimal, Boolean or LocalDate
     */
    public static Object typed(FieldType type, String stored) {
        return switch (type) {
            case NUMBER -> new BigDecimal(stored);
            case BOOLEAN -> Boolean.valueOf(stored);
            case DATE -> LocalDate.parse(stored);
            case STRING, ENUM -> stored;
        };
    }
}
