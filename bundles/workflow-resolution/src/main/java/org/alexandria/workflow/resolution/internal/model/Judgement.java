package org.alexandria.workflow.resolution.internal.model;

/**
 * A decision read as a label on an automatic proposal, for calibrating the thresholds.
 *
 * @param score   the score of the proposal the agent judged
 * @param status  whether it had been auto-linked or suggested
 * @param correct whether the agent kept it (ACCEPT) rather than rejected or replaced it
 */
public record Judgement(double score, LinkStatus status, boolean correct) {
}
