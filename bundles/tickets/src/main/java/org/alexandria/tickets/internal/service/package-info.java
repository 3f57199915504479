/** The tickets plugin's services: tickets, customers, custom fields, duplicate detection, audit and events. */
@NullMarked
package org.alexandria.tickets.internal.service;

import org.jspecify.annotations.NullMarked;
