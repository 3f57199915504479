package org.alexandria.rest.internal.ext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    private static final int LIMIT = 16;

    private static InputStream limited(int bodyLength) {
        return new LimitedInputStream(new ByteArrayInputStream(new byte[bodyLength]), LIMIT);
    }

    @Test
    void singleByteReadsUpToTheExactLimitPass() throws IOException {
        InputStream in = limited(LIMIT);
        for (int i = 0; i < LIMIT; i++) {
            assertThat(in.read()).isEqualTo(0);
        }
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void singleByteReadPastTheLimitThrows() throws IOException {
        InputStream in = limited(LIMIT + 1);
        for (int i = 0; i < LIMIT; i++) {
            in.read();
        }
        assertThatThrownBy(in::read).isInstanceOf(BodyTooLargeException.class).hasMessageContaining("16 bytes");
    }

    @Test
    void bulkReadOfTheExactLimitPasses() throws IOException {
        InputStream in = limited(LIMIT);
        byte[] buffer = new byte[LIMIT * 4];
        assertThat(in.read(buffer, 0, buffer.length)).isEqualTo(LIMIT);
        assertThat(in.read(buffer, 0, buffer.length)).isEqualTo(-1);
    }

    @Test
    void bulkReadPastTheLimitThrows() {
        InputStream in = limited(LIMIT + 1);
        byte[] buffer = new byte[LIMIT * 4];
        assertThatThrownBy(() -> in.read(buffer, 0, buffer.length)).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void bulkReadsAreCountedAcrossCalls() throws IOException {
        InputStream in = limited(LIMIT + 1);
        byte[] buffer = new byte[LIMIT / 2];
        assertThat(in.read(buffer, 0, buffer.length)).isEqualTo(LIMIT / 2);
        assertThat(in.read(buffer)).isEqualTo(LIMIT / 2);
        assertThatThrownBy(() -> in.read(buffer, 0, 1)).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void readAllBytesHonoursTheLimit() throws IOException {
        assertThat(limited(LIMIT).readAllBytes()).hasSize(LIMIT);
        assertThatThrownBy(() -> limited(LIMIT + 1).readAllBytes()).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void skipUpToTheExactLimitPasses() throws IOException {
        InputStream in = limited(LIMIT);
        assertThat(in.skip(LIMIT)).isEqualTo(LIMIT);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void skipPastTheLimitThrows() {
        InputStream in = limited(LIMIT * 2);
        assertThatThrownBy(() -> in.skip(LIMIT + 1)).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void skippedBytesCountTowardsTheLimit() throws IOException {
        InputStream in = limited(LIMIT + 1);
        assertThat(in.skip(LIMIT)).isEqualTo(LIMIT);
        assertThatThrownBy(in::read).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void markIsNotSupportedSoCountedBytesCannotBeReplayed() {
        assertThat(limited(1).markSupported()).isFalse();
    }
}
