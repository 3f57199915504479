package org.alexandria.api.crash;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Finds the crash groups behind a stack trace or crash log; provided by the crash-analyzer plugin. */
@ProviderType
public interface CrashAnalyzer {

    /**
     * Parses the text (Java, Python, JavaScript, .NET or native backtraces are recognised) and ranks the
     * known crash groups by similarity; nothing is stored.
     *
     * @param text  a crash log or a text that contains a stack trace, e.g. a ticket description
     * @param limit how many groups at most, 1..50
     * @return matching groups, best first; empty when the text holds no recognisable trace
     */
    List<CrashGroupMatch> match(String text, int limit);

    /**
     * Ranks the crash groups by how well their words match a text that may hold no stack trace at all: a few
     * frames, an error message, or a customer's own description. Scored with BM25 over each open group's exception
     * types, messages and frame symbols, identifiers also split into their words ({@code getLegendItem} matches
     * "legend item"); nothing is stored.
     *
     * @param text  free text, e.g. a ticket's subject and description
     * @param limit how many groups at most, 1..50
     * @return matching groups, best first, never exact; {@link CrashGroupMatch#score()} is the share of the
     *         text's searchable information (the summed IDF of its words that occur in some group) that the group
     *         matches, in [0, 1]; empty when no word of the text occurs in any group
     * @since 1.2
     */
    List<CrashGroupMatch> search(String text, int limit);

    /**
     * Stores a crash report, parses it and files it into a crash group (a new one when nothing matches its
     * fingerprint). Never fails on the content: a report without a recognisable trace is stored as unparsed.
     *
     * @param submission the report
     * @return what became of it
     * @throws IllegalArgumentException when the submission breaks a limit (size) or a field is malformed
     */
    CrashReportReceipt ingest(CrashReportSubmission submission);

    /**
     * @param groupId a crash group's id
     * @return the group with its statistics and representative trace; empty when unknown
     */
    Optional<CrashGroup> group(String groupId);

    /**
     * Parses a text as {@link #ingest} would, without storing anything.
     *
     * @param text a crash log or a text that contains a stack trace
     * @return the exceptions and frames found, with the fingerprint they would be grouped by
     */
    ParsedCrash parse(String text);
}
