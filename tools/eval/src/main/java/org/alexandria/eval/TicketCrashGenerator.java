package org.alexandria.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ticket-crash-gen TRACES.jsonl OUT.jsonl [--seed N]}: writes a development ticket set for
 * {@code ticket-crash-link} from crash traces in the format of {@code crash-traces-dev/traces.jsonl}.
 *
 * <p>For every crash group one trace is drawn and two tickets are written about it, each in one of the ways
 * customers write (drawn without repetition, weights in {@link Kind}): the whole trace pasted (cut at a random
 * depth, sometimes behind a log line, in a code fence, with other line numbers as from another build), a few
 * frames only, only the error message, the message paraphrased in the customer's words with the failing
 * component named as they would, and no technical detail at all (just the product area). One ticket in six is about
 * something else ({@code crash_group} null): billing, access, feature requests naming the same product areas,
 * and crashes of software that is not in the trace file (other Java apps with common exception types, Python,
 * JavaScript). Greetings, sign-offs, lower-case writing and chatter vary. The {@code kind} field is for
 * reporting per kind only. Deterministic for a seed (default 4).
 *
 * <p>The generator reads the {@code group} label to write {@code crash_group}; the evaluated method never sees
 * it.
 */
public final class TicketCrashGenerator {

    static final String USAGE = "usage: ticket-crash-gen TRACES.jsonl OUT.jsonl [--seed N]";
    static final long DEFAULT_SEED = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FRAME = Pattern.compile("^\\s*at ([\\w$.<>/]+)\\.([\\w$<>]+)\\(([^)]*)\\)\\s*$");
    private static final Pattern LINE_NUMBER = Pattern.compile(":(\\d+)\\)");
    private static final List<String> LIBRARY = List.of("junit.", "org.junit.", "sun.", "java.", "javax.", "jdk.",
            "org.apache.tools.ant.", "org.eclipse.", "com.intellij.", "org.apache.maven.");

    /** How a ticket is written, with its share among the tickets about a crash. */
    enum Kind {
        FULL_TRACE(25), FEW_FRAMES(20), MESSAGE_ONLY(20), PARAPHRASE(20), NO_DETAIL(15), UNRELATED(0);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /** A generated ticket. */
    record Ticket(String subject, String body, String crashGroup, Kind kind) {
    }

    private final Random random;

    TicketCrashGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** @param args {@code TRACES.jsonl OUT.jsonl [--seed N]} */
    public static int run(List<String> args, PrintStream out) throws IOException {
        long seed = DEFAULT_SEED;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--seed") && i + 1 < args.size()) {
                try {
                    seed = Long.parseLong(args.get(++i));
                } catch (NumberFormatException e) {
                    out.println(USAGE);
                    return 2;
                }
            } else if (!args.get(i).startsWith("--")) {
                files.add(args.get(i));
            } else {
                out.println(USAGE);
                return 2;
            }
        }
        if (files.size() != 2) {
            out.println(USAGE);
            return 2;
        }
        List<CrashDedupBenchmark.Trace> traces;
        try {
            traces = CrashDedupBenchmark.read(Path.of(files.get(0)));
        } catch (IOException | IllegalArgumentException e) {
            out.println("ticket-crash-gen: cannot read " + files.get(0) + ": " + e.getMessage());
            return 2;
        }
        List<Ticket> tickets = new TicketCrashGenerator(seed).generate(traces);
        write(tickets, Path.of(files.get(1)));
        Map<Kind, Integer> counts = new TreeMap<>();
        tickets.forEach(t -> counts.merge(t.kind(), 1, Integer::sum));
        out.println("tickets " + tickets.size() + " " + counts);
        return 0;
    }

    static void write(List<Ticket> tickets, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < tickets.size(); i++) {
                Ticket t = tickets.get(i);
                ObjectNode node = JSON.createObjectNode();
                node.put("id", String.format(Locale.ROOT, "T%04d", i + 1));
                node.put("subject", t.subject());
                node.put("body", t.body());
                if (t.crashGroup() == null) {
                    node.putNull("crash_group");
                } else {
                    node.put("crash_group", t.crashGroup());
                }
                node.put("kind", t.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                w.write(JSON.writeValueAsString(node));
                w.write('\n');
            }
        }
    }

    /** @return tickets in random order: two per group, plus one unrelated ticket per five of those */
    List<Ticket> generate(List<CrashDedupBenchmark.Trace> traces) {
        Map<String, List<CrashDedupBenchmark.Trace>> groups = new TreeMap<>();
        traces.forEach(t -> groups.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t));
        List<Ticket> tickets = new ArrayList<>();
        for (Map.Entry<String, List<CrashDedupBenchmark.Trace>> g : groups.entrySet()) {
            CrashDedupBenchmark.Trace trace = g.getValue().get(random.nextInt(g.getValue().size()));
            List<Kind> kinds = new ArrayList<>(List.of(Kind.FULL_TRACE, Kind.FEW_FRAMES, Kind.MESSAGE_ONLY,
                    Kind.PARAPHRASE, Kind.NO_DETAIL));
            for (int n = 0; n < 2; n++) {
                Kind kind = draw(kinds);
                kinds.remove(kind);
                tickets.add(about(trace, g.getKey(), kind));
            }
        }
        int unrelated = tickets.size() / 5;
        for (int i = 0; i < unrelated; i++) {
            tickets.add(unrelated());
        }
        Collections.shuffle(tickets, random);
        return tickets;
    }

    private Kind draw(List<Kind> kinds) {
        int total = kinds.stream().mapToInt(k -> k.weight).sum();
        int r = random.nextInt(total);
        for (Kind k : kinds) {
            r -= k.weight;
            if (r < 0) {
                return k;
            }
        }
        throw new IllegalStateException("weights");
    }

    // ---- tickets about a crash -------------------------------------------------------------------------

    private Ticket about(CrashDedupBenchmark.Trace trace, String group, Kind kind) {
        Crash crash = Crash.of(trace.text());
        String area = pick(AREAS.getOrDefault(group.substring(0, group.indexOf('-') < 0 ? group.length()
                : group.indexOf('-')), List.of("the application", "our integration")));
        String body = switch (kind) {
            case FULL_TRACE -> fullTrace(crash, area);
            case FEW_FRAMES -> fewFrames(crash, area);
            case MESSAGE_ONLY -> messageOnly(crash, area);
            case PARAPHRASE -> paraphrase(crash, area);
            case NO_DETAIL -> noDetail(area);
            case UNRELATED -> throw new IllegalArgumentException("unrelated tickets are about no crash");
        };
        String subject = switch (kind) {
            case FULL_TRACE, FEW_FRAMES, MESSAGE_ONLY -> pick(List.of("Error in " + area, crash.simpleType() + " in " + area,
                    "Urgent: " + area + " broken", "Crash report", "Exception after update", "Problem with " + area,
                    "Job fails with " + crash.simpleType()));
            default -> pick(List.of(capitalize(area) + " not working", "Help needed", "Issue with " + area, "Bug?",
                    "Something is wrong with " + area, "Unexpected behaviour"));
        };
        return new Ticket(subject, letter(body, kind == Kind.PARAPHRASE || kind == Kind.NO_DETAIL), group, kind);
    }

    private String fullTrace(Crash crash, String area) {
        StringBuilder b = new StringBuilder(pick(CONTEXTS).replace("{area}", area)).append(' ')
                .append(pick(List.of("Here is the stack trace:", "Log below.", "This is what we see in the log:",
                        "Stack trace attached:", "See the exception:"))).append("\n\n");
        boolean fence = random.nextInt(4) == 0;
        if (fence) {
            b.append("```\n");
        }
        if (random.nextInt(3) == 0) {
            b.append("2025-").append(String.format(Locale.ROOT, "%02d-%02d %02d:%02d:%02d,%03d", 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000)))
                    .append(" ERROR [").append(pick(List.of("main", "pool-2-thread-1", "http-nio-8080-exec-3")))
                    .append("] ").append(pick(List.of("Job failed", "Unhandled exception", "Request failed"))).append('\n');
        }
        List<String> lines = crash.lines();
        int keep = Math.min(lines.size(), 6 + random.nextInt(Math.max(1, lines.size())));
        boolean otherBuild = random.nextInt(5) < 2;
        for (String line : lines.subList(0, keep)) {
            if (otherBuild && FRAME.matcher(line).matches()) {
                line = shiftLineNumber(line);
            }
            b.append(random.nextInt(8) == 0 ? line.replace("\t", "    ") : line).append('\n');
        }
        if (keep < lines.size()) {
            b.append("\t... ").append(lines.size() - keep).append(" more\n");
        }
        if (fence) {
            b.append("```\n");
        }
        return b.toString();
    }

    private String fewFrames(Crash crash, String area) {
        StringBuilder b = new StringBuilder(pick(CONTEXTS).replace("{area}", area)).append(' ')
                .append(pick(List.of("The relevant part of the log:", "Top of the stack:", "I only have this bit:",
                        "Our developer found these lines:"))).append('\n');
        if (random.nextBoolean()) {
            b.append(crash.header()).append('\n');
        }
        List<String> frames = crash.appFrames().isEmpty() ? crash.frames() : crash.appFrames();
        int start = frames.size() > 3 && random.nextInt(3) == 0 ? 1 : 0;
        int count = 2 + random.nextInt(3);
        boolean withAt = random.nextInt(10) < 7;
        for (String f : frames.subList(Math.min(start, frames.size()), Math.min(frames.size(), start + count))) {
            String s = f.strip();
            b.append(withAt ? "  " + s : s.substring(3)).append('\n');
        }
        return b.toString();
    }

    private String messageOnly(Crash crash, String area) {
        String message = crash.shortMessage();
        String context = pick(CONTEXTS).replace("{area}", area);
        if (message.isEmpty()) {
            return context + " It fails with " + pick(List.of(crash.type(), crash.simpleType())) + ", no message.";
        }
        return switch (random.nextInt(4)) {
            case 0 -> context + " The error is:\n" + crash.type() + ": " + message;
            case 1 -> context + " We get \"" + message + "\"";
            case 2 -> context + " It throws " + crash.simpleType() + " saying " + message;
            default -> "Error message: " + message + "\n" + context;
        };
    }

    private String paraphrase(Crash crash, String area) {
        StringBuilder b = new StringBuilder();
        b.append(capitalize(area)).append(' ').append(pick(List.of("fails with", "crashes with", "stops with",
                "throws"))).append(' ').append(spoken(crash.simpleType()));
        String component = crash.component();
        if (component != null && random.nextInt(4) > 0) {
            b.append(pick(List.of(" in the ", " somewhere in the ", " around the "))).append(component);
        }
        String action = crash.action();
        if (action != null && random.nextBoolean()) {
            b.append(" when we ").append(action);
        }
        b.append(". ");
        String gist = gist(crash.shortMessage());
        if (!gist.isEmpty()) {
            b.append(pick(List.of("It says something like '", "The message was roughly '", "Something about '",
                    "It complains that '"))).append(gist).append("'. ");
        }
        b.append(pick(List.of("It worked last week.", "Happens every time.", "Only on some files.",
                "We did not change anything.", "")));
        return b.toString();
    }

    private String noDetail(String area) {
        return pick(List.of("Since the last update " + area + " does not work any more. Could you check?",
                "We keep getting an error in " + area + ", nothing changed on our side.",
                capitalize(area) + " crashes randomly. Can someone look at it?",
                "Since yesterday " + area + " fails for some of our users. No idea what is going on.",
                "Our team cannot use " + area + " today, it just shows an error and stops.",
                "Is there a known problem with " + area + "? It broke this morning."));
    }

    /** About three quarters of the message's words, in order, digits and symbols dropped. */
    private String gist(String message) {
        Matcher m = Pattern.compile("expected:<(.{1,40}?)> but was:<(.{1,40}?)>").matcher(message);
        if (m.find()) {
            return "it expected " + m.group(1) + " but got " + m.group(2);
        }
        List<String> words = new ArrayList<>();
        for (String w : message.split("[^\\p{L}]+")) {
            if (w.length() >= 3 && random.nextInt(4) > 0) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return String.join(" ", words.subList(0, Math.min(8, words.size())));
    }

    private String spoken(String simpleType) {
        List<String> options = SPOKEN.get(simpleType);
        if (options != null) {
            return pick(options);
        }
        return "an " + String.join(" ", camelWords(simpleType)).toLowerCase(Locale.ROOT);
    }

    private String shiftLineNumber(String line) {
        Matcher m = LINE_NUMBER.matcher(line);
        if (!m.find()) {
            return line;
        }
        int n = Integer.parseInt(m.group(1)) + random.nextInt(21) - 10;
        return line.substring(0, m.start(1)) + Math.max(1, n) + line.substring(m.end(1));
    }

    // ---- tickets about something else -----------------------------------------------------------------

    private Ticket unrelated() {
        String area = pick(pick(new ArrayList<>(AREAS.values())));
        String body = switch (random.nextInt(6)) {
            case 0 -> pick(List.of("Our invoice for last month shows 12 seats but we only have 9 users. Please correct it.",
                    "Can we switch from monthly to yearly billing? Who do I talk to?",
                    "The credit card on file expired, how do I update it?"));
            case 1 -> pick(List.of("I cannot log in since I reset my password, the link says it expired.",
                    "Please add my colleague anna@example.com to our account.",
                    "Two-factor codes do not arrive by SMS any more."));
            case 2 -> "Feature request: could " + area + " " + pick(List.of("support dark mode",
                    "export to PDF", "remember my last settings", "handle files larger than 2 GB")) + "? That would help us a lot.";
            case 3 -> "Question about " + area + ": " + pick(List.of("is it possible to schedule it nightly?",
                    "where is the documentation for the new options?", "does it work with Java 21?"));
            case 4 -> otherJavaCrash();
            default -> otherRuntimeCrash();
        };
        return new Ticket(pick(List.of("Question", "Billing", "Login problem", "Feature request", "Error in our app",
                "Crash", "Help")), letter(body, !body.contains("\n")), null, Kind.UNRELATED);
    }

    private String otherJavaCrash() {
        String type = pick(List.of("java.lang.NullPointerException", "java.lang.IllegalStateException",
                "java.lang.IllegalArgumentException", "java.io.IOException", "java.util.ConcurrentModificationException"));
        String cls = pick(List.of("ShoppingCart", "InvoiceService", "UserSession", "ReportScheduler", "PaymentGateway"));
        String method = pick(List.of("total", "submit", "refresh", "load", "charge"));
        return "Our checkout crashed with this:\n" + type + ": " + pick(List.of("session expired", "cart is empty",
                "Connection reset", "value must not be null", "")) + "\n"
                + "\tat com.acme.shop." + cls + "." + method + "(" + cls + ".java:" + (20 + random.nextInt(300)) + ")\n"
                + "\tat com.acme.shop.web.CheckoutController.post(CheckoutController.java:" + (40 + random.nextInt(100)) + ")\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:833)\n";
    }

    private String otherRuntimeCrash() {
        if (random.nextBoolean()) {
            return "The import script dies:\nTraceback (most recent call last):\n  File \"/opt/app/import.py\", line "
                    + (10 + random.nextInt(90)) + ", in <module>\n    main()\n  File \"/opt/app/import.py\", line 42, in main\n"
                    + "    rows = load(path)\n" + pick(List.of("KeyError: 'customer_id'", "ValueError: invalid literal for int() with base 10: 'abc'",
                    "FileNotFoundError: [Errno 2] No such file or directory: 'export.csv'"));
        }
        return "The web page shows a blank screen, console says:\nTypeError: Cannot read properties of undefined (reading '"
                + pick(List.of("map", "length", "id")) + "')\n    at renderList (https://app.example.com/static/main.js:1:"
                + (1000 + random.nextInt(9000)) + ")\n    at HTMLButtonElement.onclick (https://app.example.com/:12:5)";
    }

    // ---- wording --------------------------------------------------------------------------------------

    /** @param mayLowerCase whether the customer may write it all in lower case (never for quoted code) */
    private String letter(String body, boolean mayLowerCase) {
        String greeting = pick(List.of("Hi,", "Hello team,", "Dear support,", "Hey there", "Good morning,", "Hi support,", ""));
        String closing = pick(List.of("Thanks,\nMaria", "Regards, Tom", "Please advise, this is blocking us.",
                "Any help appreciated!", "Thank you\n--\nJ. Okafor | Operations | +44 20 7946 0000", "Sent from my iPhone", ""));
        String text = (greeting.isEmpty() ? "" : greeting + "\n\n") + body.strip() + (closing.isEmpty() ? "" : "\n\n" + closing);
        // some customers write everything in lower case
        if (random.nextInt(8) == 0 && mayLowerCase) {
            text = text.toLowerCase(Locale.ROOT);
        }
        return text;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static List<String> camelWords(String identifier) {
        List<String> words = new ArrayList<>();
        for (String w : identifier.split("(?<=[a-z0-9])(?=[A-Z])|_|\\$")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static final List<String> CONTEXTS = List.of(
            "Since this morning {area} keeps failing.",
            "After upgrading to the latest version we see errors in {area}.",
            "One of our users reported a problem with {area}.",
            "Our nightly job stopped with an error in {area}.",
            "We are evaluating your product and {area} blew up on the second try.",
            "{area} fails for one specific input file.",
            "Not sure if this is a bug, but {area} stopped working for us.");

    private static final Map<String, List<String>> AREAS = new LinkedHashMap<>();
    private static final Map<String, List<String>> SPOKEN = new LinkedHashMap<>();

    static {
        AREAS.put("Chart", List.of("the charts", "the chart rendering", "the reporting dashboard", "the graph export", "the plots"));
        AREAS.put("Cli", List.of("the command line tool", "argument parsing", "the CLI options", "the help output"));
        AREAS.put("Codec", List.of("the encoder", "Base64 encoding", "the phonetic matching", "the codec utilities"));
        AREAS.put("Collections", List.of("the collections utilities", "the properties loader", "our map handling"));
        AREAS.put("Compress", List.of("the archive import", "zip extraction", "the compression module", "the backup archiver"));
        AREAS.put("Csv", List.of("the CSV import", "the CSV export", "the spreadsheet upload"));
        AREAS.put("Gson", List.of("the JSON parser", "JSON serialization", "the API client"));
        AREAS.put("JacksonXml", List.of("the XML export", "XML serialization", "the XML mapper"));
        SPOKEN.put("NullPointerException", List.of("a null pointer error", "an NPE", "a null reference error"));
        SPOKEN.put("AssertionFailedError", List.of("an assertion failure", "a failed check", "a validation error"));
        SPOKEN.put("ComparisonFailure", List.of("a comparison failure", "wrong output", "a mismatch"));
        SPOKEN.put("IOException", List.of("an I/O error", "a read error", "an IO exception"));
        SPOKEN.put("IllegalArgumentException", List.of("an invalid argument error", "an illegal argument"));
        SPOKEN.put("ArrayIndexOutOfBoundsException", List.of("an index out of bounds error", "an array index error"));
        SPOKEN.put("StackOverflowError", List.of("a stack overflow", "what looks like infinite recursion"));
        SPOKEN.put("ClassCastException", List.of("a class cast error", "a type error"));
    }

    /** What a customer can quote from a trace. */
    record Crash(String type, String message, List<String> lines, List<String> frames, List<String> appFrames) {

        static Crash of(String text) {
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            String header = lines.isEmpty() ? "" : lines.get(0);
            int colon = header.indexOf(": ");
            String type = colon < 0 ? header.strip() : header.substring(0, colon).strip();
            String message = colon < 0 ? "" : header.substring(colon + 2).strip();
            List<String> frames = new ArrayList<>();
            List<String> app = new ArrayList<>();
            for (String l : lines) {
                Matcher m = FRAME.matcher(l);
                if (m.matches()) {
                    frames.add(l);
                    if (LIBRARY.stream().noneMatch(m.group(1)::startsWith)) {
                        app.add(l);
                    }
                }
            }
            return new Crash(type, message, lines, frames, app);
        }

        String header() {
            return message.isEmpty() ? type : type + ": " + message;
        }

        String simpleType() {
            return type.substring(type.lastIndexOf('.') + 1);
        }

        String shortMessage() {
            String first = message.lines().findFirst().orElse("");
            return first.length() > 150 ? first.substring(0, 150) : first;
        }

        /** The first application class, as a customer would name it: "category item renderer". */
        String component() {
            if (appFrames.isEmpty()) {
                return null;
            }
            Matcher m = FRAME.matcher(appFrames.get(0));
            if (!m.matches()) {
                return null;
            }
            String cls = m.group(1).substring(m.group(1).lastIndexOf('.') + 1).replaceAll("\\$.*", "")
                    .replaceAll("Tests?$", "").replaceAll("^Test", "");
            List<String> words = camelWords(cls);
            return words.isEmpty() ? null : String.join(" ", words).toLowerCase(Locale.ROOT);
        }

        /** What the user was doing, from the first application method: "write entry". */
        String action() {
            if (appFrames.isEmpty()) {
                return null;
            }
            Matcher m = FRAME.matcher(appFrames.get(0));
            if (!m.matches()) {
                return null;
            }
            List<String> words = new ArrayList<>(camelWords(m.group(2).replaceAll("^test", "")));
            words.removeIf(w -> w.chars().anyMatch(Character::isDigit) || w.startsWith("<"));
            return words.isEmpty() ? null : String.join(" ", words).toLowerCase(Locale.ROOT);
        }
    }
}
