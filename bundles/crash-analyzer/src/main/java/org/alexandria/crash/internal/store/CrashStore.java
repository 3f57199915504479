package org.alexandria.crash.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import javax.persistence.Query;
import org.alexandria.api.crash.CrashGroupStatus;
import org.alexandria.api.rest.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes crash reports, groups and group statistics. Safe for several nodes on one database:
 * a new fingerprint's group is created by whichever node commits first (unique constraint; the other
 * retries and joins it), counters are updated in place under the group's row lock, and merge and split
 * lock the groups they change.
 */
public final class CrashStore {

    /** Longest group message kept; the report keeps up to {@link #REPORT_MESSAGE_CHARS}. */
    public static final int GROUP_MESSAGE_CHARS = 500;
    /** Longest report message kept. */
    public static final int REPORT_MESSAGE_CHARS = 4000;
    /** Rows per page of the bulk reads. */
    public static final int PAGE = 500;
    static final int SHORT_TEXT = 500;

    private final EntityManagerFactory emf;

    /** @param emf the crash analyzer's persistence unit */
    public CrashStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Stores a report that joins no group (no trace recognised). */
    public void insertUnfiled(ReportDraft draft, String content) {
        Tx.inTransaction(emf, em -> {
            CrashReportEntity report = CrashReportEntity.of(draft);
            em.persist(report);
            em.flush(); // no mapped relation tells EclipseLink to insert the report before its content
            em.persist(content(report.id, content));
            return report;
        });
    }

    /**
     * Stores a parsed report and files it into the group of its fingerprint, creating the group when there is
     * none; follows a merged group to the group it was merged into.
     *
     * @param report the report
     * @param content its raw content
     * @param draft  the group to create when the fingerprint is new
     * @param now    receive time, for the group's first/last seen
     * @return where it was filed
     */
    public Filed file(ReportDraft report, String content, GroupDraft draft, long now) {
        return Tx.inTransaction(emf, em -> {
            CrashGroupEntity group = byFingerprint(em, draft.fingerprint());
            boolean created = group == null;
            if (group == null) {
                group = newGroup(UUID.randomUUID().toString(), draft, now);
                em.persist(group);
                em.flush(); // a concurrent creator of the same fingerprint fails here and retries
            } else {
                // the row lock orders this report with a merge of the group: either the merge moves it, or it
                // sees the group merged and follows to the target
                group = lockResolvingMerges(em, group);
                em.createNativeQuery("UPDATE alx_crash_group SET report_count = report_count + 1,"
                        + " last_seen_ms = CASE WHEN last_seen_ms < ?1 THEN ?2 ELSE last_seen_ms END WHERE id = ?3")
                        .setParameter(1, now).setParameter(2, now).setParameter(3, group.id).executeUpdate();
            }
            CrashReportEntity row = CrashReportEntity.of(report); // a fresh entity per attempt
            row.groupId = group.id;
            em.persist(row);
            em.flush(); // no mapped relation tells EclipseLink to insert the report before its content
            em.persist(content(row.id, content));
            em.flush();
            for (StatKind kind : StatKind.values()) {
                String value = kind.value.apply(row);
                if (value != null) {
                    bumpStat(em, group.id, kind, value, now);
                }
            }
            return new Filed(group.id, group.signature, created);
        });
    }

    private static CrashContentEntity content(String reportId, String text) {
        CrashContentEntity c = new CrashContentEntity();
        c.reportId = reportId;
        c.content = text;
        return c;
    }

    private static CrashGroupEntity newGroup(String id, GroupDraft draft, long now) {
        CrashGroupEntity g = new CrashGroupEntity();
        g.id = id;
        g.fingerprint = draft.fingerprint();
        g.groupingRules = draft.groupingRules();
        g.signature = cut(draft.signature(), SHORT_TEXT);
        g.exceptionType = cut(draft.exceptionType(), SHORT_TEXT);
        g.exceptionMessage = cut(draft.exceptionMessage(), GROUP_MESSAGE_CHARS);
        g.platform = draft.platform();
        g.traceJson = draft.traceJson();
        g.status = CrashGroupStatus.OPEN.name();
        g.reportCount = 1;
        g.firstSeenMs = now;
        g.lastSeenMs = now;
        g.createdMs = now;
        return g;
    }

    private static void bumpStat(EntityManager em, String groupId, StatKind kind, String value, long now) {
        int updated = em.createNativeQuery("UPDATE alx_crash_group_stat SET report_count = report_count + 1,"
                + " last_seen_ms = CASE WHEN last_seen_ms < ?1 THEN ?2 ELSE last_seen_ms END"
                + " WHERE group_id = ?3 AND kind = ?4 AND stat_value = ?5")
                .setParameter(1, now).setParameter(2, now).setParameter(3, groupId).setParameter(4, kind.key)
                .setParameter(5, value).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO alx_crash_group_stat (group_id, kind, stat_value, report_count, last_seen_ms)"
                    + " VALUES (?1, ?2, ?3, 1, ?4)")
                    .setParameter(1, groupId).setParameter(2, kind.key).setParameter(3, value).setParameter(4, now)
                    .executeUpdate();
        }
    }

    private static CrashGroupEntity lockResolvingMerges(EntityManager em, CrashGroupEntity group) {
        CrashGroupEntity current = group;
        em.refresh(current, LockModeType.PESSIMISTIC_WRITE);
        for (int i = 0; i < 10 && current.mergedInto != null; i++) {
            CrashGroupEntity next = em.find(CrashGroupEntity.class, current.mergedInto, LockModeType.PESSIMISTIC_WRITE);
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    private static @Nullable CrashGroupEntity byFingerprint(EntityManager em, String fingerprint) {
        return em.createQuery("SELECT g FROM CrashGroupEntity g WHERE g.fingerprint = :fp", CrashGroupEntity.class)
                .setParameter("fp", fingerprint).getResultList().stream().findFirst().orElse(null);
    }

    /** Merges re-point earlier merges, so one step reaches an open group; the loop guards against bad data. */
    private static CrashGroupEntity resolveMerges(EntityManager em, CrashGroupEntity group) {
        CrashGroupEntity current = group;
        for (int i = 0; i < 10 && current.mergedInto != null; i++) {
            CrashGroupEntity next = em.find(CrashGroupEntity.class, current.mergedInto);
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** @return the group */
    public Optional<CrashGroupEntity> group(String id) {
        return Optional.ofNullable(Tx.read(emf, em -> em.find(CrashGroupEntity.class, id)));
    }

    /** @return the group that reports with this fingerprint join, following merges */
    public Optional<CrashGroupEntity> groupByFingerprint(String fingerprint) {
        return Tx.read(emf, em -> {
            CrashGroupEntity g = byFingerprint(em, fingerprint);
            return Optional.ofNullable(g == null ? null : resolveMerges(em, g));
        });
    }

    /** @return the group's most frequent values of one kind, most reports first */
    public List<StatRow> stats(String groupId, StatKind kind, int limit) {
        return Tx.read(emf, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT stat_value, report_count, last_seen_ms FROM alx_crash_group_stat"
                    + " WHERE group_id = ?1 AND kind = ?2 ORDER BY report_count DESC, stat_value")
                    .setParameter(1, groupId).setParameter(2, kind.key).setMaxResults(limit).getResultList();
            return rows.stream().map(r -> new StatRow((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                    .toList();
        });
    }

    /** @return how many distinct values of the kind the group's reports have */
    public long distinct(String groupId, StatKind kind) {
        return Tx.read(emf, em -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM alx_crash_group_stat WHERE group_id = ?1 AND kind = ?2")
                .setParameter(1, groupId).setParameter(2, kind.key).getSingleResult()).longValue());
    }

    /**
     * @param filter filters and order
     * @param after  the last group of the previous page, or null
     * @param limit  page size
     * @return one page of groups
     */
    public List<CrashGroupEntity> groups(GroupFilter filter, @Nullable PageKey after, int limit) {
        String sortColumn = filter.sort() == GroupFilter.Sort.COUNT ? "report_count" : "last_seen_ms";
        StringBuilder sql = new StringBuilder("SELECT * FROM alx_crash_group g WHERE g.status = ?");
        List<Object> params = new ArrayList<>();
        params.add(filter.status());
        if (filter.exceptionType() != null) {
            sql.append(" AND g.exception_type = ?");
            params.add(filter.exceptionType());
        }
        if (filter.text() != null) {
            sql.append(" AND (LOWER(g.signature) LIKE ? ESCAPE '\\' OR LOWER(g.exception_message) LIKE ? ESCAPE '\\')");
            String like = "%" + escapeLike(filter.text().toLowerCase(java.util.Locale.ROOT)) + "%";
            params.add(like);
            params.add(like);
        }
        statFilter(sql, params, StatKind.APP, filter.app());
        statFilter(sql, params, StatKind.VERSION, filter.version());
        if (after != null) {
            sql.append(" AND (g.").append(sortColumn).append(" < ? OR (g.").append(sortColumn).append(" = ? AND g.id > ?))");
            params.add(after.value());
            params.add(after.value());
            params.add(after.id());
        }
        sql.append(" ORDER BY g.").append(sortColumn).append(" DESC, g.id");
        return Tx.read(emf, em -> {
            Query query = em.createNativeQuery(sql.toString(), CrashGroupEntity.class);
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            @SuppressWarnings("unchecked")
            List<CrashGroupEntity> result = query.setMaxResults(limit).getResultList();
            return result;
        });
    }

    private static void statFilter(StringBuilder sql, List<Object> params, StatKind kind, @Nullable String value) {
        if (value != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM alx_crash_group_stat s WHERE s.group_id = g.id AND s.kind = ? AND s.stat_value = ?)");
            params.add(kind.key);
            params.add(value);
        }
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * @param groupId the group
     * @param after   the last report of the previous page (receive time and id), or null
     * @param limit   page size
     * @return the group's reports, newest first
     */
    public List<CrashReportEntity> reports(String groupId, @Nullable PageKey after, int limit) {
        return Tx.read(emf, em -> {
            String jpql = "SELECT r FROM CrashReportEntity r WHERE r.groupId = :g"
                    + (after == null ? "" : " AND (r.receivedMs < :ms OR (r.receivedMs = :ms AND r.id > :id))")
                    + " ORDER BY r.receivedMs DESC, r.id";
            var query = em.createQuery(jpql, CrashReportEntity.class).setParameter("g", groupId);
            if (after != null) {
                query.setParameter("ms", after.value()).setParameter("id", after.id());
            }
            return query.setMaxResults(limit).getResultList();
        });
    }

    /** @return the report */
    public Optional<CrashReportEntity> report(String id) {
        return Optional.ofNullable(Tx.read(emf, em -> em.find(CrashReportEntity.class, id)));
    }

    /** @return the report's raw content */
    public Optional<String> content(String reportId) {
        return Tx.read(emf, em -> Optional.ofNullable(em.find(CrashContentEntity.class, reportId)).map(c -> c.content));
    }

    /**
     * Hands every open group to the consumer, in pages, so a large installation is never loaded at once.
     *
     * @param consumer receives each open group
     */
    public void forEachOpenGroup(Consumer<CrashGroupEntity> consumer) {
        String after = "";
        while (true) {
            String from = after;
            List<CrashGroupEntity> page = Tx.read(emf, em -> em.createQuery(
                    "SELECT g FROM CrashGroupEntity g WHERE g.status = :s AND g.id > :after ORDER BY g.id", CrashGroupEntity.class)
                    .setParameter("s", CrashGroupStatus.OPEN.name()).setParameter("after", from).setMaxResults(PAGE)
                    .getResultList());
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id;
        }
    }

    /**
     * @param sinceMs creation time, inclusive
     * @return open groups created since then, oldest first, at most {@link #PAGE}
     */
    public List<CrashGroupEntity> openGroupsCreatedSince(long sinceMs) {
        return Tx.read(emf, em -> em.createQuery("SELECT g FROM CrashGroupEntity g WHERE g.status = :s AND g.createdMs >= :since"
                + " ORDER BY g.createdMs, g.id", CrashGroupEntity.class)
                .setParameter("s", CrashGroupStatus.OPEN.name()).setParameter("since", sinceMs).setMaxResults(PAGE).getResultList());
    }

    /** @return the groups with these ids that exist, by id */
    public java.util.Map<String, CrashGroupEntity> groups(Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return Tx.read(emf, em -> em.createQuery("SELECT g FROM CrashGroupEntity g WHERE g.id IN :ids", CrashGroupEntity.class)
                .setParameter("ids", new ArrayList<>(ids)).getResultList().stream()
                .collect(java.util.stream.Collectors.toMap(g -> g.id, g -> g)));
    }

    /** @return whether the database answers a query on the plugin's tables */
    public boolean reachable() {
        return Tx.read(emf, em -> em.createNativeQuery("SELECT COUNT(*) FROM alx_crash_group WHERE id = ''").getSingleResult() != null);
    }

    /**
     * Merges one open group into another: its reports move, earlier merges into it are re-pointed, it becomes
     * {@code MERGED} (new reports with its fingerprint go to the target) and the target's statistics are
     * recomputed.
     *
     * @return the target after the merge, and the source's count before it
     * @throws ProblemException 404 for an unknown group, 409 when a group is not open or both are the same
     */
    public MergeOutcome merge(String sourceId, String targetId) {
        if (sourceId.equals(targetId)) {
            throw new ProblemException(409, "conflict", "Conflict", "a group cannot be merged into itself");
        }
        return Tx.inTransaction(emf, em -> {
            // lock in id order so two opposite merges cannot deadlock
            CrashGroupEntity first = lockOpen(em, sourceId.compareTo(targetId) < 0 ? sourceId : targetId);
            CrashGroupEntity second = lockOpen(em, sourceId.compareTo(targetId) < 0 ? targetId : sourceId);
            CrashGroupEntity source = first.id.equals(sourceId) ? first : second;
            CrashGroupEntity target = source == first ? second : first;
            long moved = source.reportCount;
            em.createNativeQuery("UPDATE alx_crash_report SET group_id = ?1 WHERE group_id = ?2")
                    .setParameter(1, targetId).setParameter(2, sourceId).executeUpdate();
            em.createNativeQuery("UPDATE alx_crash_group SET merged_into = ?1 WHERE merged_into = ?2")
                    .setParameter(1, targetId).setParameter(2, sourceId).executeUpdate();
            source.status = CrashGroupStatus.MERGED.name();
            source.mergedInto = targetId;
            source.reportCount = 0;
            em.flush();
            recompute(em, sourceId);
            recompute(em, targetId);
            em.refresh(target);
            return new MergeOutcome(target, moved);
        });
    }

    /**
     * @param target the group after the merge
     * @param moved  reports that moved into it
     */
    public record MergeOutcome(CrashGroupEntity target, long moved) {
    }

    /**
     * Moves some reports of an open group into a new group, whose representative is the earliest of them. New
     * reports keep joining the old group; the new one has a synthetic fingerprint.
     *
     * @param groupId   the group to split
     * @param reportIds reports of that group to move; not all of them
     * @param now       creation time
     * @return the new group
     * @throws ProblemException 404 for an unknown group, 409 when it is not open, 400 for reports not in the group
     *                          or for all of its reports
     */
    public CrashGroupEntity split(String groupId, Collection<String> reportIds, long now) {
        Set<String> ids = new TreeSet<>(reportIds);
        if (ids.isEmpty()) {
            throw ProblemException.badRequest("name at least one report to split off");
        }
        return Tx.inTransaction(emf, em -> {
            CrashGroupEntity source = lockOpen(em, groupId);
            List<CrashReportEntity> reports = em.createQuery(
                    "SELECT r FROM CrashReportEntity r WHERE r.id IN :ids AND r.groupId = :g", CrashReportEntity.class)
                    .setParameter("ids", ids).setParameter("g", groupId).getResultList();
            if (reports.size() != ids.size()) {
                Set<String> missing = new TreeSet<>(ids);
                reports.forEach(r -> missing.remove(r.id));
                throw ProblemException.badRequest("not reports of group " + groupId + ": " + missing);
            }
            if (reports.size() >= source.reportCount) {
                throw ProblemException.badRequest("a split must leave at least one report in the group; merge instead");
            }
            CrashReportEntity first = reports.stream()
                    .min(Comparator.comparingLong((CrashReportEntity r) -> r.receivedMs).thenComparing(r -> r.id)).orElseThrow();
            String newId = UUID.randomUUID().toString();
            GroupDraft draft = new GroupDraft(sha256("split\n" + newId), source.groupingRules,
                    first.signature == null ? source.signature : first.signature,
                    first.exceptionType == null ? source.exceptionType : first.exceptionType,
                    first.exceptionMessage == null ? "" : first.exceptionMessage,
                    first.platform == null ? source.platform : first.platform,
                    first.traceJson == null ? source.traceJson : first.traceJson);
            CrashGroupEntity created = newGroup(newId, draft, now);
            em.persist(created);
            em.flush();
            for (CrashReportEntity r : reports) {
                r.groupId = newId;
            }
            em.flush();
            recompute(em, groupId);
            recompute(em, newId);
            em.refresh(created);
            return created;
        });
    }

    private static CrashGroupEntity lockOpen(EntityManager em, String id) {
        CrashGroupEntity g = em.find(CrashGroupEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (g == null) {
            throw ProblemException.notFound("no crash group " + id);
        }
        if (!CrashGroupStatus.OPEN.name().equals(g.status)) {
            throw new ProblemException(409, "conflict", "Conflict", "crash group " + id + " is " + g.status
                    + (g.mergedInto == null ? "" : " (merged into " + g.mergedInto + ")"));
        }
        return g;
    }

    /** Recomputes a group's counters and statistics from its reports. */
    private static void recompute(EntityManager em, String groupId) {
        em.createNativeQuery("DELETE FROM alx_crash_group_stat WHERE group_id = ?1").setParameter(1, groupId).executeUpdate();
        for (StatKind kind : StatKind.values()) {
            em.createNativeQuery("INSERT INTO alx_crash_group_stat (group_id, kind, stat_value, report_count, last_seen_ms)"
                    + " SELECT group_id, ?1, " + kind.column + ", COUNT(*), MAX(received_ms) FROM alx_crash_report"
                    + " WHERE group_id = ?2 AND " + kind.column + " IS NOT NULL GROUP BY group_id, " + kind.column)
                    .setParameter(1, kind.key).setParameter(2, groupId).executeUpdate();
        }
        em.createNativeQuery("UPDATE alx_crash_group SET"
                + " report_count = (SELECT COUNT(*) FROM alx_crash_report r WHERE r.group_id = ?1),"
                + " first_seen_ms = COALESCE((SELECT MIN(r.received_ms) FROM alx_crash_report r WHERE r.group_id = ?2), first_seen_ms),"
                + " last_seen_ms = COALESCE((SELECT MAX(r.received_ms) FROM alx_crash_report r WHERE r.group_id = ?3), last_seen_ms)"
                + " WHERE id = ?4")
                .setParameter(1, groupId).setParameter(2, groupId).setParameter(3, groupId).setParameter(4, groupId)
                .executeUpdate();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
