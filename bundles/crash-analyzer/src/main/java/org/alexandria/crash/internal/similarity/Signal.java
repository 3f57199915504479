package org.alexandria.crash.internal.similarity;

/** The parts of a trace the similarity may use besides exception types and frames; each can be switched off. */
public enum Signal {
    /** Frames are compared after {@link org.alexandria.crash.internal.normalize.FrameNormalizer}. */
    NORMALIZED_FRAMES,
    /** Only in-app frames count (all frames when a trace has none). */
    IN_APP_ONLY,
    /** The classes (modules, files) of the frames are terms too, so related code in other methods matches. */
    UNIT_TERMS,
    /**
     * The packages (namespaces, directories) of the frames' units are terms too: duplicates tend to fail
     * in neighbouring code, and a package every trace shares gets a low IDF by itself.
     */
    PACKAGE_TERMS,
    /** The words of the exception messages are terms. */
    MESSAGE_TERMS
}
