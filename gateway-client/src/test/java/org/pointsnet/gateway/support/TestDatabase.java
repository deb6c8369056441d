package org.pointsnet.gateway.support;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh in-memory H2 database with the gateway's Flyway migrations applied, as the gateway's default store. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static DataSource migratedH2() {
        final DataSource data = new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).locations("classpath:db/migration/common", "classpath:db/migration/h2")
            .load().migrate();
        return data;
    }
}
