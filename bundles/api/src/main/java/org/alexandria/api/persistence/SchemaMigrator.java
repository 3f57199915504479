package org.alexandria.api.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Applies a plugin's versioned SQL migrations to the platform database, once, in order.
 *
 * <p>Scripts are resources named {@code V<n>__<description>.sql} in the folder {@code location} of the
 * bundle (or, outside OSGi, the class path entry) that holds {@code owner}. Statements end with a
 * semicolon at the end of a line; use SQL that both H2 and PostgreSQL accept. A script runs in one transaction together with the record of
 * it; an applied script whose content changed afterwards is refused (checksum). Concurrent nodes
 * serialize on a database lock, so only one of them migrates.
 */
@ProviderType
public interface SchemaMigrator {

    /**
     * @param module   name of the schema owner, e.g. {@code core} or a plugin id; versions count per module
     * @param owner    a class of the bundle that holds the scripts
     * @param location resource folder, e.g. {@code db/migration/tickets}
     * @return the result
     * @throws MigrationException when a script fails, an applied script was changed, or a name is malformed
     */
    MigrationResult migrate(String module, Class<?> owner, String location);
}
