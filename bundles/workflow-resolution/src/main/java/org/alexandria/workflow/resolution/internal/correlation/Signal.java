package org.alexandria.workflow.resolution.internal.correlation;

/**
 * One piece of evidence for or against a candidate crash group.
 *
 * @param name         {@code stack-trace}, {@code exception-type}, {@code message}, {@code text}, {@code app-version},
 *                     {@code os}, {@code customer}, {@code time} or {@code competition}
 * @param value        how strongly the signal holds, in [0, 1]
 * @param contribution the signal's share of the candidate's base probability: its logit term over the sum of the
 *                     positive terms, times the base (negative when it speaks against the candidate); for
 *                     {@code competition}, what the other candidates take away (score minus base, at most 0)
 * @param detail       what was found, for the agent
 */
public record Signal(String name, double value, double contribution, String detail) {
}
