package org.alexandria.crash.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import javax.persistence.PersistenceException;
import org.alexandria.api.plugin.HealthStatus;
import org.alexandria.crash.internal.service.CrashAnalyzerService;
import org.junit.jupiter.api.Test;

class CrashPluginTest {

    private final CrashAnalyzerService service = mock(CrashAnalyzerService.class);
    private final CrashPlugin plugin = new CrashPlugin("1.2.3", service);

    @Test
    void describesItself() {
        assertThat(plugin.descriptor().id()).isEqualTo("crash-analyzer");
        assertThat(plugin.descriptor().version()).isEqualTo("1.2.3");
    }

    @Test
    void upWhileTheDatabaseAnswersAndEveryGroupIsIndexed() {
        when(service.databaseReachable()).thenReturn(true);

        assertThat(plugin.health().status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void downWhenTheDatabaseFails() {
        when(service.databaseReachable()).thenThrow(new PersistenceException("connection refused"));

        assertThat(plugin.health().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(plugin.health().message()).contains("connection refused");
    }

    @Test
    void degradedWhenGroupsAreLeftOutOfMatching() {
        when(service.databaseReachable()).thenReturn(true);
        when(service.unreadableGroups()).thenReturn(2);
        when(service.indexedGroups()).thenReturn(40);

        assertThat(plugin.health().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(plugin.health().message()).contains("2 crash groups", "40 indexed");
    }
}
