package org.alexandria.crash.internal.normalize;

/**
 * A frame reduced to what identifies the code it ran, whatever the build or machine.
 *
 * @param unit     the class, module, library or source file (without directories that vary between
 *                 machines); empty when unknown
 * @param function the function without generated parts
 */
public record NormalizedFrame(String unit, String function) {

    /** @return {@code unit.function}, or the function when the unit is unknown */
    public String key() {
        return unit.isEmpty() ? function : unit + "." + function;
    }
}
