package org.alexandria.crash.internal.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import javax.persistence.EntityManagerFactory;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.crash.CrashGroupMatch;
import org.alexandria.api.crash.CrashGroupStatus;
import org.alexandria.api.crash.CrashGroupSummary;
import org.alexandria.api.crash.CrashReport;
import org.alexandria.api.crash.CrashReportReceipt;
import org.alexandria.api.crash.CrashReportSubmission;
import org.alexandria.api.crash.CrashReportSummary;
import org.alexandria.api.crash.ParsedCrash;
import org.alexandria.api.event.EntityChange;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.event.Topics;
import org.alexandria.api.persistence.SchemaMigrator;
import org.alexandria.crash.internal.fingerprint.Fingerprint;
import org.alexandria.crash.internal.fingerprint.Fingerprinter;
import org.alexandria.crash.internal.fingerprint.GroupingRules;
import org.alexandria.crash.internal.parse.CrashParser;
import org.alexandria.crash.internal.search.GroupTextIndex;
import org.alexandria.crash.internal.similarity.ScoredTrace;
import org.alexandria.crash.internal.similarity.SimilarityConfig;
import org.alexandria.crash.internal.store.CrashGroupEntity;
import org.alexandria.crash.internal.store.CrashStore;
import org.alexandria.crash.internal.store.Filed;
import org.alexandria.crash.internal.store.GroupDraft;
import org.alexandria.crash.internal.store.GroupFilter;
import org.alexandria.crash.internal.store.PageKey;
import org.alexandria.crash.internal.store.ReportDraft;
import org.alexandria.crash.internal.store.StatKind;
import org.alexandria.crash.internal.store.StatRow;
import org.alexandria.crash.internal.store.TraceJson;
import org.alexandria.crash.internal.store.Views;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Unparsed;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash analyzer: stores every report, files parsed ones into the group of their fingerprint, keeps a
 * similarity index of the open groups' representative traces for {@link #match}, and merges and splits
 * groups on request. Every change publishes an event; group changes are audited. A changed configuration
 * restarts the component (new grouping rules apply to new reports only).
 */
@Component(service = {CrashAnalyzer.class, CrashAnalyzerService.class}, configurationPid = CrashConfig.PID)
@Designate(ocd = CrashConfig.class)
public final class CrashAnalyzerService implements CrashAnalyzer {

    /** Plugin id, event source and schema module. */
    public static final String PLUGIN_ID = "crash-analyzer";
    /** The actor of automatic changes. */
    public static final Actor SYSTEM = Actor.system(PLUGIN_ID);
    /** Most matches a caller may ask for. */
    public static final int MAX_MATCHES = 50;
    /** Most reports one split may move. */
    public static final int MAX_SPLIT = 1000;
    private static final int STAT_LIMIT = 50;
    /** How far the clocks of the nodes may differ. */
    static final long CLOCK_SKEW_MS = 120_000;
    private static final Logger LOG = LoggerFactory.getLogger(CrashAnalyzerService.class);

    private final CrashStore store;
    private final EventBus events;
    private final AuditTrail audit;
    private final Clock clock;
    private final long maxContentBytes;
    private final CrashParser parser;
    private final Fingerprinter fingerprinter;
    private final GroupIndex index;
    private final Set<String> unreadableGroups = ConcurrentHashMap.newKeySet();
    /** Groups created before this time (less the clock skew allowance) are in the index. */
    private volatile long indexedUpTo;
    private volatile @Nullable ScheduledExecutorService refresher;

    /**
     * @param emf      the plugin's persistence unit
     * @param migrator applies the plugin's schema
     * @param events   event bus
     * @param audit    audit trail
     * @param config   limits and grouping rules
     */
    @Activate
    public CrashAnalyzerService(@Reference(target = "(osgi.unit.name=alexandria-crash-analyzer)") EntityManagerFactory emf,
            @Reference SchemaMigrator migrator, @Reference EventBus events, @Reference AuditTrail audit, CrashConfig config) {
        this(emf, migrator, events, audit, config, Clock.systemUTC());
        int period = config.indexRefreshSeconds();
        if (period > 0) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "alexandria-crash-index");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::refreshQuietly, period, period, TimeUnit.SECONDS);
            refresher = executor;
        }
    }

    /** Stops the index refresh. */
    @Deactivate
    void deactivate() {
        ScheduledExecutorService executor = refresher;
        if (executor != null) {
            executor.shutdownNow();
        }
        index.close();
    }

    private void refreshQuietly() {
        try {
            int added = refreshIndex();
            if (added > 0) {
                LOG.debug("Crash analyzer: {} groups of other nodes added to the index", added);
            }
        } catch (RuntimeException e) {
            // the next run retries; the plugin's health reports a database that stays away
            LOG.warn("Crash analyzer: refreshing the similarity index failed: {}", e.toString());
        }
    }

    CrashAnalyzerService(EntityManagerFactory emf, SchemaMigrator migrator, EventBus events, AuditTrail audit,
            CrashConfig config, Clock clock) {
        migrator.migrate(PLUGIN_ID, CrashAnalyzerService.class, "db/migration/" + PLUGIN_ID);
        this.store = new CrashStore(emf);
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.maxContentBytes = config.maxContentBytes();
        GroupingRules rules = Grouping.rules(config);
        this.parser = new CrashParser(rules.inApp());
        this.fingerprinter = new Fingerprinter(rules);
        SimilarityConfig defaults = SimilarityConfig.defaults();
        this.index = new GroupIndex(new SimilarityConfig(rules.inApp(), defaults.signals(), defaults.alignmentWeight(),
                defaults.positionDecay(), defaults.offsetPenalty(), defaults.unitCredit()));
        this.indexedUpTo = clock.millis();
        store.forEachOpenGroup(this::index);
        LOG.info("Crash analyzer: {} open groups indexed, grouping rules {}", index.size(), rules.id());
    }

    private void index(CrashGroupEntity group) {
        try {
            index.put(group.id(), TraceJson.readTrace(group.traceJson()));
        } catch (RuntimeException e) {
            unreadableGroups.add(group.id());
            LOG.warn("Crash group {} has an unreadable representative trace and is left out of matching", group.id(), e);
        }
    }

    @Override
    public CrashReportReceipt ingest(CrashReportSubmission submission) {
        if (submission.content() == null) {
            throw new IllegalArgumentException("content is required");
        }
        checkSize(submission.content());
        String source = Texts.field("source", submission.source(), 40);
        if (source == null || !source.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("source must be 1..40 lower-case letters, digits and '-', e.g. api");
        }
        String content = Texts.storable(submission.content());
        long now = clock.millis();
        String id = UUID.randomUUID().toString();
        long occurred = submission.occurredAt() == null ? now : submission.occurredAt().toEpochMilli();
        String app = Texts.field("app", submission.app(), 200);
        String version = Texts.field("appVersion", submission.appVersion(), 100);
        String os = Texts.field("os", submission.os(), 200);
        String device = Texts.field("device", submission.device(), 200);
        String customer = Texts.field("customerId", submission.customerId(), 200);
        String ticket = Texts.field("ticketId", submission.ticketId(), 100);

        ParseResult result = parser.parse(content);
        if (result instanceof Unparsed unparsed) {
            store.insertUnfiled(new ReportDraft(id, now, occurred, app, version, os, device, customer, ticket, source,
                    content.length(), false, unparsed.reason(), null, null, null, null, null, null, null), content);
            events.publish(Topics.CRASH_REPORT_RECEIVED, PLUGIN_ID, new EntityChange("crash-report", id, "unparsed: " + unparsed.reason()));
            return new CrashReportReceipt(id, false, null, false, null, unparsed.reason());
        }
        ParsedTrace trace = (ParsedTrace) result;
        Fingerprint fp = fingerprinter.fingerprint(trace);
        ExceptionInfo root = trace.rootCause();
        String traceJson = TraceJson.write(trace);
        ReportDraft draft = new ReportDraft(id, now, occurred, app, version, os, device, customer, ticket, source,
                content.length(), true, null, trace.platform().name(), root.type(), root.message(), traceJson, fp.hash(),
                fp.rules(), fp.signature());
        Filed filed = store.file(draft, content, new GroupDraft(fp.hash(), fp.rules(), fp.signature(), root.type(),
                root.message(), trace.platform().name(), traceJson), now);
        if (filed.created()) {
            index.put(filed.groupId(), trace);
        }
        try {
            events.publish(Topics.CRASH_REPORT_RECEIVED, PLUGIN_ID, new EntityChange("crash-report", id, "group " + filed.groupId()));
            if (filed.created()) {
                audit.append(new AuditRecord(SYSTEM, "crash-group.create", new EntityRef("crash-group", filed.groupId()), null,
                        null, cut("fingerprint=" + fp.hash() + " rules=" + fp.rules() + " signature=" + fp.signature() + " report=" + id)));
                events.publish(Topics.CRASH_GROUP_CREATED, PLUGIN_ID, new EntityChange("crash-group", filed.groupId(), filed.signature()));
            } else {
                events.publish(Topics.CRASH_GROUP_UPDATED, PLUGIN_ID, new EntityChange("crash-group", filed.groupId(), "report " + id));
            }
        } catch (RuntimeException e) {
            // the report is committed: failing now would make the sender retry and store it twice
            LOG.error("Crash report {} is stored in group {}, but its audit entry or events failed", id, filed.groupId(), e);
        }
        return new CrashReportReceipt(id, true, filed.groupId(), filed.created(), filed.signature(), null);
    }

    @Override
    public List<CrashGroupMatch> match(String text, int limit) {
        if (limit < 1 || limit > MAX_MATCHES) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_MATCHES);
        }
        checkSize(text);
        if (!(parser.parse(Texts.storable(text)) instanceof ParsedTrace trace)) {
            return List.of();
        }
        Fingerprint fp = fingerprinter.fingerprint(trace);
        List<CrashGroupMatch> matches = new ArrayList<>();
        Optional<CrashGroupEntity> exact = store.groupByFingerprint(fp.hash());
        exact.ifPresent(g -> matches.add(new CrashGroupMatch(g.id(), g.fingerprint(), g.signature(), 1.0, true)));
        // the index may be behind the database (another node merged a group): check the candidates there
        List<ScoredTrace> ranked = index.rank(trace, 2 * limit + 1);
        Map<String, CrashGroupEntity> current = store.groups(ranked.stream().map(ScoredTrace::id).toList());
        for (ScoredTrace scored : ranked) {
            CrashGroupEntity g = current.get(scored.id());
            if (g == null || !CrashGroupStatus.OPEN.name().equals(g.status())) {
                index.remove(scored.id());
            } else if (matches.size() < limit && (exact.isEmpty() || !exact.get().id().equals(g.id()))) {
                matches.add(new CrashGroupMatch(g.id(), g.fingerprint(), g.signature(), scored.score(), false));
            }
        }
        return List.copyOf(matches);
    }

    @Override
    public List<CrashGroupMatch> search(String text, int limit) {
        if (limit < 1 || limit > MAX_MATCHES) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_MATCHES);
        }
        checkSize(text);
        // like match: the index may be behind the database, so the hits are checked there
        List<GroupTextIndex.Hit> hits = index.search(Texts.storable(text), 2 * limit + 1);
        Map<String, CrashGroupEntity> current = store.groups(hits.stream().map(GroupTextIndex.Hit::groupId).toList());
        List<CrashGroupMatch> matches = new ArrayList<>();
        for (GroupTextIndex.Hit hit : hits) {
            CrashGroupEntity g = current.get(hit.groupId());
            if (g == null || !CrashGroupStatus.OPEN.name().equals(g.status())) {
                index.remove(hit.groupId());
            } else if (matches.size() < limit) {
                matches.add(new CrashGroupMatch(g.id(), g.fingerprint(), g.signature(), hit.score(), false));
            }
        }
        return List.copyOf(matches);
    }

    /**
     * Adds the open groups that other nodes created since the last refresh (or that this node missed) to the
     * similarity index; called periodically ({@code indexRefreshSeconds}).
     *
     * @return how many groups were added
     */
    public int refreshIndex() {
        long started = clock.millis();
        long since = indexedUpTo - CLOCK_SKEW_MS;
        int added = 0;
        while (true) {
            List<CrashGroupEntity> page = store.openGroupsCreatedSince(since);
            for (CrashGroupEntity g : page) {
                if (!index.contains(g.id()) && !unreadableGroups.contains(g.id())) {
                    index(g);
                    added++;
                }
            }
            long last = page.isEmpty() ? since : page.get(page.size() - 1).createdMs();
            if (page.size() < CrashStore.PAGE || last == since) {
                break;
            }
            since = last;
        }
        indexedUpTo = started;
        return added;
    }

    @Override
    public Optional<CrashGroup> group(String groupId) {
        return store.group(groupId).map(g -> {
            Map<StatKind, List<StatRow>> stats = new EnumMap<>(StatKind.class);
            for (StatKind kind : StatKind.values()) {
                stats.put(kind, store.stats(g.id(), kind, STAT_LIMIT));
            }
            return Views.group(g, stats, store.distinct(g.id(), StatKind.CUSTOMER));
        });
    }

    @Override
    public ParsedCrash parse(String text) {
        checkSize(text);
        ParseResult result = parser.parse(Texts.storable(text));
        if (result instanceof ParsedTrace trace) {
            Fingerprint fp = fingerprinter.fingerprint(trace);
            return new ParsedCrash(true, trace.platform().name(), null, TraceJson.exceptions(trace), fp.hash(), fp.signature());
        }
        return new ParsedCrash(false, null, ((Unparsed) result).reason(), List.of(), null, null);
    }

    /** @return a page of groups and the key of its last item */
    public List<CrashGroupSummary> groups(GroupFilter filter, @Nullable PageKey after, int limit) {
        return store.groups(filter, after, limit).stream().map(Views::summary).toList();
    }

    /** @return the report with its parsed trace */
    public Optional<CrashReport> report(String id) {
        return store.report(id).map(Views::report);
    }

    /** @return the report's raw content */
    public Optional<String> content(String reportId) {
        return store.content(reportId);
    }

    /**
     * @return a page of the group's reports, newest first
     * @throws org.alexandria.api.rest.ProblemException 404 for an unknown group
     */
    public List<CrashReportSummary> reports(String groupId, @Nullable PageKey after, int limit) {
        if (store.group(groupId).isEmpty()) {
            throw org.alexandria.api.rest.ProblemException.notFound("no crash group " + groupId);
        }
        return store.reports(groupId, after, limit).stream().map(Views::summary).toList();
    }

    /** @return the page key of a report in a group's report list */
    public static PageKey key(CrashReportSummary report) {
        return new PageKey(report.receivedAt().toEpochMilli(), report.id());
    }

    /**
     * Merges a group into another; audited as the actor's, with events for both groups.
     *
     * @return the target group after the merge
     */
    public CrashGroup merge(String sourceId, String targetId, Actor actor, @Nullable String reason) {
        CrashStore.MergeOutcome outcome = store.merge(sourceId, targetId);
        index.remove(sourceId);
        audit.append(new AuditRecord(actor, "crash-group.merge", new EntityRef("crash-group", sourceId), cut(reason),
                "status=OPEN reports=" + outcome.moved(), "status=MERGED mergedInto=" + targetId));
        audit.append(new AuditRecord(actor, "crash-group.merge-in", new EntityRef("crash-group", targetId), cut(reason), null,
                "from=" + sourceId + " reports=" + outcome.target().reportCount()));
        events.publish(Topics.CRASH_GROUP_UPDATED, PLUGIN_ID, new EntityChange("crash-group", sourceId, "merged into " + targetId));
        events.publish(Topics.CRASH_GROUP_UPDATED, PLUGIN_ID, new EntityChange("crash-group", targetId, "merged " + sourceId));
        return group(targetId).orElseThrow();
    }

    /**
     * Moves reports of a group into a new group; audited as the actor's, with events.
     *
     * @return the new group
     */
    public CrashGroup split(String groupId, Collection<String> reportIds, Actor actor, @Nullable String reason) {
        if (reportIds.size() > MAX_SPLIT) {
            throw new IllegalArgumentException("at most " + MAX_SPLIT + " reports can be split off at once");
        }
        CrashGroupEntity created = store.split(groupId, reportIds, clock.millis());
        index(created);
        audit.append(new AuditRecord(actor, "crash-group.split", new EntityRef("crash-group", groupId), cut(reason), null,
                cut("moved " + reportIds.size() + " reports to " + created.id())));
        audit.append(new AuditRecord(actor, "crash-group.create", new EntityRef("crash-group", created.id()), cut(reason), null,
                cut("split from " + groupId + " reports=" + String.join(",", reportIds))));
        events.publish(Topics.CRASH_GROUP_UPDATED, PLUGIN_ID, new EntityChange("crash-group", groupId, "split into " + created.id()));
        events.publish(Topics.CRASH_GROUP_CREATED, PLUGIN_ID, new EntityChange("crash-group", created.id(), "split from " + groupId));
        return group(created.id()).orElseThrow();
    }

    /** @return open groups in the similarity index */
    public int indexedGroups() {
        return index.size();
    }

    /** @return groups left out of the index because their trace could not be read */
    public int unreadableGroups() {
        return unreadableGroups.size();
    }

    /** @return whether the database answers */
    public boolean databaseReachable() {
        return store.reachable();
    }

    /** @return the largest accepted content in bytes */
    public long maxContentBytes() {
        return maxContentBytes;
    }

    /**
     * Text is measured in characters: a raw body of n bytes decodes to at most n characters, so the REST edge's
     * byte limit and this one agree, and nothing is encoded just to be measured.
     */
    private void checkSize(@Nullable String text) {
        if (text == null) {
            throw new IllegalArgumentException("text is required");
        }
        if (text.length() > maxContentBytes) {
            throw new ContentTooLargeException(text.length(), maxContentBytes);
        }
    }

    private static @Nullable String cut(@Nullable String text) {
        return text == null || text.length() <= AuditRecord.MAX_TEXT ? text : text.substring(0, AuditRecord.MAX_TEXT);
    }
}
