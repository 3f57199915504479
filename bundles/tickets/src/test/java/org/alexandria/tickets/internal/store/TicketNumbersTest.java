package org.alexandria.tickets.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.persistence.EntityManagerFactory;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TicketNumbersTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(TestDatabase.Kind.POSTGRES);
        }
    }

    abstract static class Contract {
        private final TestDatabase.Kind kind;
        TestDatabase db;
        Transactions tx;
        final TicketStore store = new TicketStore();

        Contract(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeEach
        void start() {
            db = kind.create();
            new JdbcSchemaMigrator(db.dataSource()).migrate("tickets", TicketStore.class, "db/migration/tickets");
            EntityManagerFactory emf = db.entityManagerFactory("alexandria-tickets");
            tx = new Transactions(emf);
        }

        @AfterEach
        void stop() throws Exception {
            db.close();
        }

        @Test
        void oneNodeCountsUpFromOneAndReservesWholeBlocks() {
            TicketNumbers numbers = new TicketNumbers(tx, store, 5);
            List<Long> taken = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                taken.add(numbers.next());
            }
            assertThat(taken).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            // the second block (6..10) is reserved as a whole: the next node or restart starts at 11
            assertThat(new TicketNumbers(tx, store, 5).next()).isEqualTo(11L);
        }

        @Test
        void nodesSharingTheDatabaseNeverHandOutTheSameNumber() throws Exception {
            List<TicketNumbers> nodes = List.of(new TicketNumbers(tx, store, 3), new TicketNumbers(tx, store, 3),
                    new TicketNumbers(tx, store, 3));
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<Long>> jobs = new ArrayList<>();
                for (int i = 0; i < 90; i++) {
                    TicketNumbers node = nodes.get(i % nodes.size());
                    jobs.add(node::next);
                }
                List<Long> numbers = new ArrayList<>();
                for (Future<Long> n : pool.invokeAll(jobs)) {
                    numbers.add(n.get());
                }
                assertThat(numbers).hasSize(90).doesNotHaveDuplicates().allMatch(n -> n >= 1 && n <= 90 + 3 * 3);
            } finally {
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
        }
    }
}
