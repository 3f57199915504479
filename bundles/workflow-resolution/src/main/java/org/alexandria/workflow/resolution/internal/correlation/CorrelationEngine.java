package org.alexandria.workflow.resolution.internal.correlation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashExceptionInfo;
import org.alexandria.api.crash.CrashFrame;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.crash.CrashGroupMatch;
import org.alexandria.api.crash.CrashGroupStatus;
import org.alexandria.api.crash.ValueCount;
import org.jspecify.annotations.Nullable;

/**
 * Finds the crash groups a ticket may be about and scores each with an explanation.
 *
 * <p>Candidates come from two questions to the crash analyzer: {@link CrashAnalyzer#match} when the ticket's text
 * holds a stack trace or frames the analyzer parses, and {@link CrashAnalyzer#search} (BM25 over the groups'
 * exception types, messages and frame symbols) for every ticket, so that a quoted message, a paraphrase or a few
 * frames without a header still find their group. Each candidate is then read ({@link CrashAnalyzer#group}) and
 * described by the signals of {@link Feature}; {@link ScoreModel} turns them into a score. Groups the agent
 * rejected are dropped before scoring, so they neither appear nor compete.
 *
 * <p>Reads only the ticket and the crash API; thread-safe. Exceptions of the crash analyzer propagate: the caller
 * guards calls into the plugin.
 */
public final class CorrelationEngine {

    /** Candidates asked from each of match and search. */
    static final int POOL = 10;
    /** Candidates read and scored, the best by trace or search score; more than the workflow ever shows. */
    static final int MAX_READ = 12;
    /** Longest text handed to the crash analyzer; the start of a ticket holds what it is about. */
    static final int MAX_TEXT = 200_000;
    /** Quoted frames that count as a full trace-like match. */
    static final int FRAMES_FOR_PROOF = 3;
    /** In-app frames per exception of the group that are looked for in the text. */
    static final int FRAMES_LOOKED_FOR = 12;
    /** Distance between ticket and group activity at which the time signal falls to 1/e. */
    static final Duration TIME_SCALE = Duration.ofDays(7);
    /** Message words from which a fully quoted message counts fully: one or two words say little. */
    static final int MESSAGE_WORDS_FOR_PROOF = 4;

    private final CrashAnalyzer crashAnalyzer;
    private final Clock clock;
    private final ScoreModel model;
    private final Function<String, Optional<CrashGroup>> groups;

    /**
     * @param crashAnalyzer the crash analyzer service
     * @param clock         time of tickets without one
     */
    public CorrelationEngine(CrashAnalyzer crashAnalyzer, Clock clock) {
        this(crashAnalyzer, clock, ScoreModel.DEFAULT);
    }

    /**
     * @param crashAnalyzer the crash analyzer service
     * @param clock         time of tickets without one
     * @param model         how signals make a score (the evaluator's ablations pass reduced models)
     */
    public CorrelationEngine(CrashAnalyzer crashAnalyzer, Clock clock, ScoreModel model) {
        this(crashAnalyzer, clock, model, crashAnalyzer::group);
    }

    /**
     * @param crashAnalyzer the crash analyzer service
     * @param clock         time of tickets without one
     * @param model         how signals make a score
     * @param groups        reads a candidate group, e.g. through a {@link GroupCache}
     */
    public CorrelationEngine(CrashAnalyzer crashAnalyzer, Clock clock, ScoreModel model,
            Function<String, Optional<CrashGroup>> groups) {
        this.crashAnalyzer = crashAnalyzer;
        this.clock = clock;
        this.model = model;
        this.groups = groups;
    }

    /**
     * @param ticket   the ticket
     * @param excluded groups an agent rejected for this ticket
     * @param settings how many candidates
     * @return candidates best first; groups in {@code excluded} (rejected by an agent) never appear
     */
    public List<Candidate> correlate(TicketFacts ticket, Set<String> excluded, CorrelationSettings settings) {
        String text = ticket.subject() + "\n" + ticket.text();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        Map<String, Double> traceScores = new LinkedHashMap<>();
        Map<String, Double> textScores = new LinkedHashMap<>();
        if (crashAnalyzer.parse(text).parsed()) {
            for (CrashGroupMatch m : crashAnalyzer.match(text, POOL)) {
                traceScores.put(m.groupId(), m.score());
            }
        }
        for (CrashGroupMatch m : crashAnalyzer.search(text, POOL)) {
            textScores.put(m.groupId(), m.score());
        }
        Set<String> pooled = new LinkedHashSet<>(traceScores.keySet());
        pooled.addAll(textScores.keySet());
        pooled.removeAll(excluded);
        // reading a group costs several queries: only the best of both lists are read and scored
        List<String> ids = pooled.stream()
                .sorted(Comparator.comparingDouble((String id) -> -Math.max(traceScores.getOrDefault(id, 0.0),
                        textScores.getOrDefault(id, 0.0))))
                .limit(MAX_READ).toList();

        Set<String> ticketWords = Words.of(text);
        Instant created = ticket.createdAt() == null ? clock.instant() : ticket.createdAt();
        List<Scored> scored = new ArrayList<>();
        for (String id : ids) {
            Optional<CrashGroup> group = groups.apply(id);
            if (group.isEmpty() || group.get().status() != CrashGroupStatus.OPEN) {
                continue;
            }
            CrashGroup g = group.get();
            Map<Feature, Evidence> evidence = new EnumMap<>(Feature.class);
            evidence.put(Feature.STACK_TRACE, trace(g, text, traceScores.get(id)));
            evidence.put(Feature.EXCEPTION_TYPE, exceptionType(g, text));
            evidence.put(Feature.MESSAGE, message(g, ticketWords));
            evidence.put(Feature.TEXT, new Evidence(textScores.getOrDefault(id, 0.0), textScores.getOrDefault(id, 0.0),
                    String.format(Locale.ROOT, "%.0f%% of the ticket's searchable words match the group",
                            100 * textScores.getOrDefault(id, 0.0))));
            putIfKnown(evidence, Feature.APP_VERSION, attribute("app version", ticket.appVersion(), g.versions()));
            putIfKnown(evidence, Feature.OS, attribute("OS", ticket.os(), g.operatingSystems()));
            putIfKnown(evidence, Feature.CUSTOMER, customer(ticket, g.customers()));
            evidence.put(Feature.TIME, time(created, g));
            scored.add(new Scored(g, evidence, logit(evidence)));
        }
        return rank(scored, settings.maxCandidates());
    }

    private double logit(Map<Feature, Evidence> evidence) {
        double z = model.bias();
        for (Map.Entry<Feature, Evidence> e : evidence.entrySet()) {
            z += model.weight(e.getKey()) * e.getValue().x();
        }
        return z;
    }

    private List<Candidate> rank(List<Scored> scored, int max) {
        double k = model.sharpness();
        double top = scored.stream().mapToDouble(Scored::z).max().orElse(0);
        // softmax over the candidates, shifted by the top logit so that exp never overflows
        double partition = scored.stream().mapToDouble(s -> Math.exp(k * (s.z() - top))).sum();
        List<Candidate> candidates = new ArrayList<>();
        for (Scored s : scored) {
            double base = ScoreModel.sigmoid(s.z());
            double share = model.competition() ? Math.exp(k * (s.z() - top)) / partition : 1.0;
            double score = base * share;
            candidates.add(new Candidate(s.group().id(), s.group().signature(), score,
                    signals(s.evidence(), base, share, score, scored.size() - 1)));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::groupId));
        return List.copyOf(candidates.subList(0, Math.min(max, candidates.size())));
    }

    /**
     * Positive logit terms share the base probability in proportion to their size; a negative term gets the same
     * proportion, negative; competition is what the other candidates take away from the base.
     */
    private List<Signal> signals(Map<Feature, Evidence> evidence, double base, double share, double score, int rivals) {
        double positive = 0;
        for (Map.Entry<Feature, Evidence> e : evidence.entrySet()) {
            positive += Math.max(0, model.weight(e.getKey()) * e.getValue().x());
        }
        List<Signal> signals = new ArrayList<>();
        for (Map.Entry<Feature, Evidence> e : evidence.entrySet()) {
            double term = model.weight(e.getKey()) * e.getValue().x();
            double contribution = positive == 0 ? 0 : base * term / positive;
            signals.add(new Signal(e.getKey().signal(), e.getValue().value(), contribution, e.getValue().detail()));
        }
        if (model.competition()) {
            signals.add(new Signal("competition", share, score - base, String.format(Locale.ROOT,
                    "%.0f%% of the weight among %d candidates", 100 * share, rivals + 1)));
        }
        signals.sort(Comparator.comparingDouble((Signal s) -> Math.abs(s.contribution())).reversed());
        return signals;
    }

    /** The analyzer's trace similarity, or the share of the group's own frames the text quotes. */
    private static Evidence trace(CrashGroup g, String text, @Nullable Double matchScore) {
        int quoted = 0;
        for (CrashExceptionInfo e : g.exceptions()) {
            int looked = 0;
            for (CrashFrame f : e.frames()) {
                if (!f.inApp() || looked++ >= FRAMES_LOOKED_FOR) {
                    continue;
                }
                String cls = f.module() == null ? null : f.module().substring(f.module().lastIndexOf('.') + 1);
                if (cls != null && Words.names(text, cls + "." + f.function())) {
                    quoted++;
                }
            }
        }
        double frames = Math.min(1.0, (double) quoted / FRAMES_FOR_PROOF);
        double match = matchScore == null ? 0 : matchScore;
        if (match == 0 && frames == 0) {
            return new Evidence(0, 0, "no stack trace or frame of the group in the ticket");
        }
        String detail = match >= frames
                ? String.format(Locale.ROOT, "pasted trace matches the group's (similarity %.2f%s)", match,
                        match >= 1 ? ", same fingerprint" : "")
                : quoted + " of the group's frames quoted";
        double v = Math.max(match, frames);
        return new Evidence(v, v, detail);
    }

    private static Evidence exceptionType(CrashGroup g, String text) {
        String type = g.exceptionType();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        if (!simple.isEmpty() && Words.names(text, simple)) {
            return new Evidence(1, 1, "names " + simple);
        }
        return new Evidence(0, 0, "does not name " + simple);
    }

    /** The best share of words of one of the group's exception messages found in the ticket. */
    private static Evidence message(CrashGroup g, Set<String> ticketWords) {
        double best = 0;
        String bestMessage = "";
        List<String> messages = new ArrayList<>();
        messages.add(g.exceptionMessage());
        g.exceptions().forEach(e -> messages.add(e.message()));
        for (String message : messages) {
            Set<String> words = Words.of(message);
            if (words.isEmpty()) {
                continue;
            }
            long found = words.stream().filter(ticketWords::contains).count();
            double strength = (double) found / words.size() * Math.min(1.0, (double) words.size() / MESSAGE_WORDS_FOR_PROOF);
            if (strength > best) {
                best = strength;
                bestMessage = message;
            }
        }
        if (best == 0) {
            return new Evidence(0, 0, "the group's message is not quoted");
        }
        String shown = bestMessage.length() > 80 ? bestMessage.substring(0, 80) + "..." : bestMessage;
        return new Evidence(best, best, String.format(Locale.ROOT, "%.0f%% of the message \"%s\"", 100 * best, shown));
    }

    private @Nullable Evidence attribute(String what, @Nullable String value, List<ValueCount> values) {
        if (value == null || value.isBlank() || values.isEmpty()) {
            return null;
        }
        boolean among = values.stream().anyMatch(v -> v.value().equalsIgnoreCase(value.strip()));
        return among ? new Evidence(1, 1, what + " " + value + " is among the group's")
                : new Evidence(0, -model.mismatchFactor(), what + " " + value + " is not among the group's");
    }

    private @Nullable Evidence customer(TicketFacts ticket, List<ValueCount> customers) {
        if (customers.isEmpty() || (ticket.customerId() == null && ticket.organizationId() == null)) {
            return null;
        }
        for (ValueCount c : customers) {
            if (c.value().equals(ticket.customerId()) || c.value().equals(ticket.organizationId())) {
                return new Evidence(1, 1, "customer " + c.value() + " has reported this crash");
            }
        }
        // many customers never send crash reports: not having reported it is weak evidence, so no penalty
        return new Evidence(0, 0, "the customer has not reported this crash");
    }

    private static Evidence time(Instant created, CrashGroup g) {
        Duration distance = created.isBefore(g.firstSeen()) ? Duration.between(created, g.firstSeen())
                : created.isAfter(g.lastSeen()) ? Duration.between(g.lastSeen(), created) : Duration.ZERO;
        double closeness = Math.exp(-(double) distance.toMinutes() / TIME_SCALE.toMinutes());
        String detail = distance.isZero() ? "created while the group was active"
                : String.format(Locale.ROOT, "created %d days %s the group's activity", distance.toDays(),
                        created.isBefore(g.firstSeen()) ? "before" : "after");
        return new Evidence(closeness, closeness, detail);
    }

    private static void putIfKnown(Map<Feature, Evidence> evidence, Feature feature, @Nullable Evidence e) {
        if (e != null) {
            evidence.put(feature, e);
        }
    }

    /**
     * @param value  what the signal reports, in [0, 1]
     * @param x      what enters the logit (negative for a known mismatch)
     * @param detail for the agent
     */
    private record Evidence(double value, double x, String detail) {
    }

    private record Scored(CrashGroup group, Map<Feature, Evidence> evidence, double z) {
    }
}
