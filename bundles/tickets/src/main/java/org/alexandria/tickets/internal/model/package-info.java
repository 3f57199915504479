/** The tickets plugin's own records beyond the API: customers, organizations, custom fields, attachments. */
@NullMarked
package org.alexandria.tickets.internal.model;

import org.jspecify.annotations.NullMarked;
