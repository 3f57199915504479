package org.alexandria.workflow.resolution.internal.correlation;

/** The signals of the score model, by their {@link Signal#name()}. */
public enum Feature {
    /** Trace similarity of a pasted trace or of frames quoted in the text. */
    STACK_TRACE("stack-trace"),
    /** The group's exception type is named in the ticket. */
    EXCEPTION_TYPE("exception-type"),
    /** Share of the group's message words found in the ticket. */
    MESSAGE("message"),
    /** BM25 share of the ticket's words matched by the group (crash analyzer search). */
    TEXT("text"),
    /** The ticket's app version is among the group's. */
    APP_VERSION("app-version"),
    /** The ticket's operating system is among the group's. */
    OS("os"),
    /** The ticket's customer or organization is among the group's customers. */
    CUSTOMER("customer"),
    /** The ticket was created while the group was active. */
    TIME("time");

    private final String signal;

    Feature(String signal) {
        this.signal = signal;
    }

    /** @return the name of the signal it produces */
    public String signal() {
        return signal;
    }
}
