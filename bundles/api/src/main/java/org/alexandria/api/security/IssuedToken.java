package org.alexandria.api.security;

/**
 * A newly created token together with its secret, which is shown once and stored only as a hash.
 *
 * @param token  the token's metadata
 * @param secret the bearer secret to give to the machine
 */
public record IssuedToken(ApiToken token, String secret) {
}
