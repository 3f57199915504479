/**
 * Demo data: a few tickets, crash reports and articles that make a fresh installation show something. Loaded
 * once through the plugins' API services (never their internals); the audit trail remembers that it was loaded.
 */
@NullMarked
package org.alexandria.demo.internal;

import org.jspecify.annotations.NullMarked;
