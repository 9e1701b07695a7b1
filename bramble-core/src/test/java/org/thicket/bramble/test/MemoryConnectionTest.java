package org.thicket.bramble.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryConnectionTest {

    @Test
    void bytesWrittenAtOneEndAreReadAtTheOtherAcrossAFullBuffer() throws Exception {
        MemoryConnection[] ends = MemoryConnection.pair(30_000, 60_000);
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;

        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                ends[0].getWriter().getOutputStream().write(data);
                ends[0].getWriter().dispose(false);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] read = ends[1].getReader().getInputStream().readAllBytes();
        writing.get(10, TimeUnit.SECONDS);

        assertThat(read).isEqualTo(data);
    }

    @Test
    void aClosedPeerEndsTheStreamAndRefusesWrites() throws Exception {
        MemoryConnection[] ends = MemoryConnection.pair(30_000, 60_000);

        ends[1].close(true);

        assertThat(ends[1].isClosed()).isTrue();
        assertThat(ends[1].closedWithException()).isTrue();
        assertThat(ends[0].getReader().getInputStream().read()).isEqualTo(-1);
        assertThatThrownBy(() -> ends[0].getWriter().getOutputStream().write(1)).isInstanceOf(IOException.class);
    }
}
