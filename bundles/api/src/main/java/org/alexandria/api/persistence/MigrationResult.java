package org.alexandria.api.persistence;

/**
 * Outcome of {@link SchemaMigrator#migrate}.
 *
 * @param module  schema owner
 * @param applied number of scripts applied by this call
 * @param version highest version now applied
 */
public record MigrationResult(String module, int applied, int version) {
}
