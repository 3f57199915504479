package org.alexandria.api.event;

/**
 * Topics published by the platform and its domain plugins. Topics follow {@code alexandria/<area>/<CHANGE>};
 * subscribe to {@code alexandria/<area>/*} for every change of an area.
 */
public final class Topics {

    /** Every Alexandria topic. */
    public static final String ALL = "alexandria/*";

    /** A plugin registered; payload {@link PluginEvent}. */
    public static final String PLUGIN_ADDED = "alexandria/plugin/ADDED";
    /** A plugin went away; payload {@link PluginEvent}. */
    public static final String PLUGIN_REMOVED = "alexandria/plugin/REMOVED";
    /** A plugin's health changed; payload {@link PluginEvent}. */
    public static final String PLUGIN_HEALTH_CHANGED = "alexandria/plugin/HEALTH_CHANGED";
    /** Every plugin topic. */
    public static final String PLUGIN_ALL = "alexandria/plugin/*";

    /** An audit entry was appended; payload {@link AuditAppended}. */
    public static final String AUDIT_APPENDED = "alexandria/audit/APPENDED";

    /** A ticket was created; payload {@link EntityChange}. */
    public static final String TICKET_CREATED = "alexandria/ticket/CREATED";
    /** A ticket was updated; payload {@link EntityChange}. */
    public static final String TICKET_UPDATED = "alexandria/ticket/UPDATED";
    /** A crash report was received; payload {@link EntityChange}. */
    public static final String CRASH_REPORT_RECEIVED = "alexandria/crash/REPORT_RECEIVED";
    /** A crash group was created; payload {@link EntityChange}. */
    public static final String CRASH_GROUP_CREATED = "alexandria/crash/GROUP_CREATED";
    /** A crash group was updated; payload {@link EntityChange}. */
    public static final String CRASH_GROUP_UPDATED = "alexandria/crash/GROUP_UPDATED";
    /** A knowledge-base article was created, updated or archived; payload {@link EntityChange}. */
    public static final String KB_ARTICLE_CHANGED = "alexandria/kb/ARTICLE_CHANGED";

    private Topics() {
    }
}
