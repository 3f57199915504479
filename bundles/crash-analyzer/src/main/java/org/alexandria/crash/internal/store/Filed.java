package org.alexandria.crash.internal.store;

/**
 * Where a parsed report was filed.
 *
 * @param groupId   the group it joined (the merge target when its fingerprint's group was merged)
 * @param signature the group's signature
 * @param created   true when the report opened the group
 */
public record Filed(String groupId, String signature, boolean created) {
}
