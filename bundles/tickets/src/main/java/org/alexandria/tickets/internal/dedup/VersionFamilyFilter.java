package org.alexandria.tickets.internal.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;

/**
 * Makes close versions of the same component meet: {@code 3.8.2} is also indexed as {@code 3.8}, and
 * {@code 4.1.89.Final} as {@code 4.1.89} and {@code 4.1}. Two tickets asking to upgrade ZooKeeper from 3.8.2 and to
 * 3.8.3 are then closer than one about 3.7.2.
 */
public final class VersionFamilyFilter extends StackingFilter {

    /** Major.minor, then further numeric parts, then anything (a qualifier such as {@code .Final}). */
    private static final Pattern VERSION = Pattern.compile("^(\\d+\\.\\d+)((?:\\.\\d+)*)(.*)$");

    /** @param input tokens of a tokenizer that keeps dotted numbers whole, e.g. StandardTokenizer */
    public VersionFamilyFilter(TokenStream input) {
        super(input);
    }

    @Override
    List<String> extras(String token) {
        return families(token);
    }

    /**
     * @param token one token
     * @return its version families, none if it is not a version with more than major.minor
     */
    static List<String> families(String token) {
        if (token.isEmpty() || !Character.isDigit(token.charAt(0))) {
            return List.of();
        }
        Matcher m = VERSION.matcher(token);
        List<String> families = new ArrayList<>();
        if (m.matches() && !(m.group(2).isEmpty() && m.group(3).isEmpty())) {
            families.add(m.group(1));
            if (!m.group(2).isEmpty() && !m.group(3).isEmpty()) {
                families.add(m.group(1) + m.group(2));
            }
        }
        return families;
    }
}
