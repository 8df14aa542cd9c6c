package org.gridatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/** The COPY fed by a second thread, on the transaction's connection, against the real PostGIS. */
class BackgroundCopyTest extends PostgisIntegrationTest {
    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate tx;

    /** Rows "n<TAB>s" of a two-column table. */
    private static byte[] encode(List<Integer> batch) {
        StringBuilder b = new StringBuilder();
        for (int n : batch) b.append(n).append('\t').append("行").append(n).append('\n');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyBatchArrivesInOrderOnTheTransactionsConnection() {
        long[] copied = {0};
        String sums = tx.execute(s -> {
            jdbc.sql("CREATE TEMP TABLE copy_test (n int, s text) ON COMMIT DROP")
                    .update();
            var con = DataSourceUtils.getConnection(dataSource);
            try (BackgroundCopy<Integer> copy =
                    BackgroundCopy.open(con, "COPY copy_test FROM STDIN", BackgroundCopyTest::encode)) {
                copy.add(List.of(1, 2, 3));
                copy.add(List.of()); // an empty batch is nothing
                for (int i = 0; i < 20; i++) copy.add(List.of(10, 20)); // more batches than the queue holds
                copied[0] = copy.finish();
            } finally {
                DataSourceUtils.releaseConnection(con, dataSource);
            }
            return jdbc.sql("SELECT count(*) || '/' || sum(n) || '/' || min(s) FROM copy_test")
                    .query(String.class)
                    .single();
        });
        // 3 + 20 × 2 rows; 1 + 2 + 3 + 20 × 30 = 606; '行1' sorts first
        assertThat(copied[0]).isEqualTo(43);
        assertThat(sums).isEqualTo("43/606/行1");
    }

    @Test
    void aBatchTheDatabaseRefusesFailsLoudlyAndTheTransactionStillRollsBack() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    jdbc.sql("CREATE TEMP TABLE copy_bad (n int, s text) ON COMMIT DROP")
                            .update();
                    var con = DataSourceUtils.getConnection(dataSource);
                    try (BackgroundCopy<String> copy =
                            BackgroundCopy.open(con, "COPY copy_bad FROM STDIN", b -> String.join("", b)
                                    .getBytes(StandardCharsets.UTF_8))) {
                        copy.add(List.of("1\ta\n"));
                        copy.add(List.of("not a number\tb\n"));
                        copy.finish();
                    } finally {
                        DataSourceUtils.releaseConnection(con, dataSource);
                    }
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("invalid input syntax for type integer");
        // the pool's connections still work after the cancelled COPY and the rollback
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'copy_bad'"))
                .isZero();
    }

    @Test
    void aCopyThatIsNotFinishedIsCancelledAndLeavesNothing() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    jdbc.sql("CREATE TABLE copy_cancelled (n int, s text)").update();
                    var con = DataSourceUtils.getConnection(dataSource);
                    try (BackgroundCopy<Integer> copy =
                            BackgroundCopy.open(con, "COPY copy_cancelled FROM STDIN", BackgroundCopyTest::encode)) {
                        copy.add(List.of(1, 2));
                        throw new IllegalArgumentException("a bad row: the file is refused");
                    } finally {
                        DataSourceUtils.releaseConnection(con, dataSource);
                    }
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'copy_cancelled'"))
                .isZero();
    }
}
