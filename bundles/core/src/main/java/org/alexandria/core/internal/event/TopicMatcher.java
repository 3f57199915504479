package org.alexandria.core.internal.event;

import java.util.List;

/** EventAdmin topic matching: exact topics, {@code prefix/*} wildcards and {@code *}. */
final class TopicMatcher {

    private final List<String> patterns;

    TopicMatcher(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    boolean matches(String topic) {
        for (String pattern : patterns) {
            if (pattern.equals("*") || pattern.equals(topic)) {
                return true;
            }
            if (pattern.endsWith("/*") && topic.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    List<String> patterns() {
        return patterns;
    }
}
