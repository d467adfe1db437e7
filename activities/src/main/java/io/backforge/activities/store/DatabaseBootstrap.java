package io.backforge.activities.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the configured PostgreSQL database when it does not exist yet, before the data source and
 * Flyway start, so that the one-command start needs nothing prepared by hand. Turned off with
 * {@code backforge.database.create-if-missing=false}.
 */
public class DatabaseBootstrap implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  private static final Logger log = LoggerFactory.getLogger(DatabaseBootstrap.class);
  private static final Pattern URL =
      Pattern.compile("jdbc:postgresql://([^/]+)/([A-Za-z_][A-Za-z0-9_]{0,62})(\\?.*)?");

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment env = event.getEnvironment();
    if (!env.getProperty("backforge.database.create-if-missing", Boolean.class, true)) {
      return;
    }
    String url = env.getProperty("spring.datasource.url");
    Matcher matcher = url == null ? null : URL.matcher(url);
    if (matcher == null || !matcher.matches()) {
      return;
    }
    String database = matcher.group(2);
    String admin = "jdbc:postgresql://" + matcher.group(1) + "/postgres";
    try (Connection connection =
        DriverManager.getConnection(
            admin,
            env.getProperty("spring.datasource.username"),
            env.getProperty("spring.datasource.password"))) {
      if (!exists(connection, database)) {
        try (Statement create = connection.createStatement()) {
          create.execute("CREATE DATABASE \"" + database + "\"");
        }
        log.info("Created database {}", database);
      }
    } catch (SQLException e) {
      log.warn("Could not check or create database {}: {}", database, e.getMessage());
    }
  }

  private static boolean exists(Connection connection, String database) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, database);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
