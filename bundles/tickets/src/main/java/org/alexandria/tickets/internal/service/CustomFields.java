package org.alexandria.tickets.internal.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.tickets.internal.model.FieldDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Checks custom field values against their definitions and turns them into their stored text form. JSON values
 * must have the field's type (a number for NUMBER, true/false for BOOLEAN, text for the others); values from CSV
 * are text and are parsed instead.
 */
public final class CustomFields {

    /** Longest STRING value. */
    public static final int MAX_TEXT = 4000;

    private CustomFields() {
    }

    /**
     * @param values   values by field name; a null value means "remove the field"
     * @param defs     the definitions by name
     * @param fromText whether the values come as text (CSV) and are to be parsed
     * @return stored forms by field name; null for removals
     * @throws ProblemException 400 naming every unknown field and wrong value
     */
    public static Map<String, @Nullable String> check(Map<String, ? extends @Nullable Object> values,
            Map<String, FieldDefinition> defs, boolean fromText) {
        Map<String, @Nullable String> stored = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, ? extends @Nullable Object> entry : new TreeMap<String, @Nullable Object>(values).entrySet()) {
            String name = entry.getKey();
            FieldDefinition def = defs.get(name);
            if (def == null) {
                errors.add("unknown custom field '" + name + "'" + (defs.isEmpty() ? "; no custom fields are defined"
                        : "; defined fields: " + String.join(", ", new java.util.TreeSet<>(defs.keySet()))));
                continue;
            }
            Object value = entry.getValue();
            if (value == null || (fromText && value.toString().isEmpty())) {
                stored.put(name, null);
                continue;
            }
            String error = null;
            try {
                stored.put(name, convert(def, value, fromText));
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
            if (error != null) {
                errors.add("custom field '" + name + "' " + error);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", errors));
        }
        return stored;
    }

    /**
     * @param values the ticket's stored values after a change
     * @param defs   the definitions
     * @throws ProblemException 400 when a required field has no value
     */
    public static void checkRequired(Map<String, String> values, Map<String, FieldDefinition> defs) {
        List<String> missing = defs.values().stream().filter(FieldDefinition::required)
                .map(FieldDefinition::name).filter(n -> !values.containsKey(n)).sorted().toList();
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("required custom field(s) missing: " + String.join(", ", missing));
        }
    }

    /**
     * @param typed typed values as a ticket carries them
     * @return their stored forms
     */
    public static Map<String, String> stored(Map<String, Object> typed) {
        Map<String, String> stored = new TreeMap<>();
        typed.forEach((name, value) -> stored.put(name, value instanceof BigDecimal d ? d.toPlainString() : value.toString()));
        return stored;
    }

    private static String convert(FieldDefinition def, Object value, boolean fromText) {
        String text = value.toString();
        return switch (def.type()) {
            case STRING -> {
                if (!fromText && !(value instanceof String)) {
                    throw wrongType(def, value);
                }
                if (text.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("is longer than " + MAX_TEXT + " characters");
                }
                yield text;
            }
            case NUMBER -> {
                BigDecimal number;
                if (value instanceof BigDecimal d) {
                    number = d;
                } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                        || value instanceof Short) {
                    number = new BigDecimal(text);
                } else if (value instanceof Double || value instanceof Float) {
                    number = new BigDecimal(text);
                } else if (fromText) {
                    try {
                        number = new BigDecimal(text.strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("is a number; '" + text + "' is not a number");
                    }
                } else {
                    throw wrongType(def, value);
                }
                yield number.stripTrailingZeros().toPlainString();
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b.toString();
                }
                String lower = text.strip().toLowerCase(Locale.ROOT);
                if (fromText && (lower.equals("true") || lower.equals("false"))) {
                    yield lower;
                }
                throw fromText ? new IllegalArgumentException("is true or false; '" + text + "' is neither")
                        : wrongType(def, value);
            }
            case DATE -> {
                if (!(value instanceof String) && !(value instanceof LocalDate)) {
                    throw wrongType(def, value);
                }
                try {
                    yield LocalDate.parse(text.strip()).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("is a date (yyyy-mm-dd); '" + text + "' is not");
                }
            }
            case ENUM -> {
                if (!(value instanceof String)) {
                    throw wrongType(def, value);
                }
                if (!def.options().contains(text)) {
                    throw new IllegalArgumentException("must be one of " + def.options() + "; got '" + text + "'");
                }
                yield text;
            }
        };
    }

    private static IllegalArgumentException wrongType(FieldDefinition def, Object value) {
        String expected = switch (def.type()) {
            case STRING, ENUM -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date as text (yyyy-mm-dd)";
        };
        return new IllegalArgumentException("is of type " + def.type().name().toLowerCase(Locale.ROOT) + " and takes "
                + expected + "; got " + describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "text '" + s + "'";
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return value.getClass().getSimpleName();
    }
}
