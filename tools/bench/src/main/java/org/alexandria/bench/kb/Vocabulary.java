package org.alexandria.bench.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The word lists of the {@link ArticleGenerator}: support topics with their own words, words every support text
 * uses, products, and a long tail of rare terms (feature names, error codes, versions). Each list is ordered from
 * the most to the least frequent word and sampled with a Zipf law ({@link Zipf}), so a few words are everywhere
 * and most are rare, as in real text.
 */
final class Vocabulary {

    /** One support topic: its subject nouns (most frequent first), its verbs, and its symptom phrases. */
    record Topic(String name, List<String> nouns, List<String> verbs, List<String> problems, List<String> tags) {
    }

    static final List<Topic> TOPICS = List.of(
            topic("login", "account password login sign-in email username session code profile device browser link",
                    "sign in,log in,reset,change,recover,unlock,verify", "is locked,does not work,keeps expiring,"
                            + "was rejected,is not recognised,never arrives", "account,login,security"),
            topic("two-factor", "authentication code authenticator phone sms token backup device app key recovery",
                    "enable,disable,set up,reset,verify,recover", "is invalid,never arrives,is out of sync,was lost",
                    "security,2fa,account"),
            topic("billing", "invoice payment subscription plan charge refund receipt tax vat credit discount coupon "
                    + "price renewal trial", "cancel,upgrade,downgrade,pay,download,dispute,update",
                    "was charged twice,is wrong,is missing,failed,is pending,shows the wrong amount",
                    "billing,payments,invoice"),
            topic("card", "card pin contactless limit atm chip expiry replacement delivery virtual physical wallet",
                    "activate,order,freeze,unblock,replace,top up,link", "is declined,has not arrived,was stolen,"
                            + "is blocked,was swallowed,does not work abroad", "cards,payments"),
            topic("transfer", "transfer payment beneficiary iban swift bank account fee exchange rate currency "
                    + "recipient", "send,receive,cancel,track,reverse,schedule", "is pending,has not arrived,was "
                            + "returned,was declined,shows a fee,is stuck", "transfers,payments"),
            topic("shipping", "order delivery parcel tracking courier address package shipment customs return label",
                    "track,return,change,cancel,ship,exchange", "is late,was lost,arrived damaged,is stuck in customs,"
                            + "went to the wrong address", "orders,shipping"),
            topic("installation", "installer setup version download package dependency windows macos linux "
                    + "administrator disk license path", "install,uninstall,update,download,repair,configure",
                    "fails,hangs,reports an error,cannot find a dependency,needs administrator rights",
                    "install,setup,desktop"),
            topic("sync", "sync folder file conflict server client cloud device offline changes storage quota",
                    "sync,pause,resume,restore,share,upload", "is stuck,is slow,creates duplicates,loses changes,"
                            + "shows a conflict", "sync,files,desktop"),
            topic("api", "api token endpoint request response webhook rate limit key integration json timeout "
                    + "scope header", "call,authenticate,paginate,retry,register,rotate", "returns 401,returns 429,"
                            + "times out,returns 500,ignores the filter", "api,developers,integrations"),
            topic("notifications", "notification email alert push digest inbox spam preference channel sound "
                    + "badge", "enable,mute,unsubscribe,receive,configure,snooze", "are not delivered,arrive late,"
                            + "go to spam,are duplicated,cannot be turned off", "notifications,email,mobile"),
            topic("mobile", "app phone android iphone tablet update screen camera permission battery store "
                    + "version", "open,update,reinstall,grant,scan,log out", "crashes on start,drains the battery,"
                            + "freezes,shows a blank screen,cannot scan", "mobile,android,ios"),
            topic("reports", "report dashboard chart export csv filter date range metric widget pdf schedule",
                    "export,schedule,filter,share,print,customise", "is empty,shows wrong numbers,times out,"
                            + "cannot be exported,is missing data", "reports,analytics"),
            topic("permissions", "role permission user team admin group access invitation owner workspace seat",
                    "invite,remove,grant,revoke,transfer,assign", "is denied,has no effect,is not visible,"
                            + "expired,was sent to the wrong user", "admin,users,permissions"),
            topic("privacy", "data privacy gdpr deletion export consent cookie personal information request "
                    + "retention", "delete,export,request,withdraw,download,anonymise", "takes too long,is "
                            + "incomplete,was refused,is missing", "privacy,gdpr,account"),
            topic("performance", "page load speed latency server memory cpu browser cache network database query",
                    "load,clear,optimise,measure,restart,refresh", "is slow,times out,uses too much memory,"
                            + "freezes,hangs after an update", "performance,web"),
            topic("integrations", "integration calendar slack teams salesforce connector plugin oauth import "
                    + "mapping field", "connect,disconnect,import,map,authorise,sync", "stops syncing,loses fields,"
                            + "fails to authorise,duplicates records", "integrations,apps"),
            topic("printing", "printer print document pdf label page margin driver scale preview paper",
                    "print,preview,scale,configure,select,download", "is cut off,prints blank pages,is too small,"
                            + "is not found,prints twice", "printing,documents"),
            topic("backup", "backup restore snapshot archive storage retention schedule copy version recovery",
                    "back up,restore,schedule,download,verify,delete", "fails,is incomplete,cannot be found,"
                            + "takes hours,is corrupted", "backup,storage"),
            topic("network", "vpn proxy firewall connection certificate dns network port ssl wifi timeout",
                    "connect,configure,allow,trust,bypass,test", "is refused,drops,times out,shows a certificate "
                            + "error,is blocked", "network,security,it"),
            topic("verification", "identity verification document passport photo selfie address proof id "
                    + "check", "verify,upload,submit,retake,confirm,update", "was rejected,is pending,takes too "
                            + "long,fails,is not accepted", "verification,account,compliance"));

    /** Words of every support text, most frequent first (function words, generic support terms). */
    static final List<String> COMMON = List.of(("the to a and i my is it of in not for you on this can with be "
            + "that have do when but after your we are was from an at if or please how what why error issue problem "
            + "help again still now new page button screen settings menu click select open option message working "
            + "use using get need want time day week customer support team update version check try make sure "
            + "also should will would could there then only some any all more before first last same other following "
            + "note step steps example information details contact case request status available able see shown "
            + "display list name number value field form save cancel confirm close back next continue start stop "
            + "enable disable change set default automatically manually correctly properly usually sometimes "
            + "today yesterday hours minutes days because since while until without within about into over under")
            .split(" "));

    static final List<String> PRODUCTS = List.of("web-portal", "mobile-app", "desktop-client", "public-api",
            "payments", "cards", "sync", "reports", "admin-console", "integrations", "identity", "printing-service");

    /** Ticket openers and closers, as customers write them. */
    static final List<String> OPENERS = List.of("Hi,", "Hello,", "Hi team,", "Good morning,", "Dear support,", "Hey,",
            "");
    static final List<String> CLOSERS = List.of("Thanks.", "Thank you.", "Please help.", "Any idea?",
            "This is urgent.", "Regards.", "");

    /** Size of the long tail of rare terms; together with the lists above, the vocabulary has ~20,000 words. */
    static final int RARE_TERMS = 20_000;

    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
        "br", "cr", "dr", "fl", "gr", "pl", "pr", "st", "tr", "sh", "ch", "qu"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou"};
    private static final String[] CODAS = {"", "", "n", "r", "s", "x", "l", "m", "nd", "st", "rk"};

    private final List<String> rare;

    Vocabulary() {
        List<String> words = new ArrayList<>(RARE_TERMS);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < RARE_TERMS; i++) {
            words.add(rareTerm(i, random));
        }
        this.rare = List.copyOf(words);
    }

    /** @return the rare term of rank i (0 is the most frequent of the tail) */
    String rare(int rank) {
        return rare.get(rank);
    }

    /**
     * Rare terms look like what fills the tail of a real knowledge base: invented feature and component names
     * (pronounceable), error codes ({@code E4021}, {@code ERR_SYNC_TIMEOUT}-like), and versions.
     */
    private static String rareTerm(int i, SplittableRandom random) {
        int kind = i % 10;
        if (kind == 7) {
            return "e" + (1000 + random.nextInt(9000));
        }
        if (kind == 9) {
            return random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(10);
        }
        StringBuilder w = new StringBuilder();
        int syllables = 2 + random.nextInt(3);
        for (int s = 0; s < syllables; s++) {
            w.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
        }
        w.append(CODAS[random.nextInt(CODAS.length)]);
        return w.toString().toLowerCase(Locale.ROOT);
    }

    private static Topic topic(String name, String nouns, String verbs, String problems, String tags) {
        return new Topic(name, List.of(nouns.split(" ")), List.of(verbs.split(",")), List.of(problems.split(",")),
                List.of(tags.split(",")));
    }
}
