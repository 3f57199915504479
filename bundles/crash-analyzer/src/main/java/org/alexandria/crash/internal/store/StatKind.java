package org.alexandria.crash.internal.store;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The report attributes counted per crash group in {@code alx_crash_group_stat}. */
public enum StatKind {
    /** Application name. */
    APP("app", "app", r -> r.app),
    /** Application version. */
    VERSION("version", "app_version", r -> r.appVersion),
    /** Operating system. */
    OS("os", "os", r -> r.os),
    /** Customer id. */
    CUSTOMER("customer", "customer_id", r -> r.customerId);

    final String key;
    final String column;
    final Function<CrashReportEntity, @Nullable String> value;

    StatKind(String key, String column, Function<CrashReportEntity, @Nullable String> value) {
        this.key = key;
        this.column = column;
        this.value = value;
    }
}
