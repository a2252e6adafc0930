package dev.gonogo.feedback.project;

import dev.gonogo.feedback.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The admin token: configured, or generated once and kept in the store's setting table. */
public final class AdminToken {
  static final String SETTING = "admin_token";

  private AdminToken() {}

  public static String resolve(Optional<String> configured, DataSource dataSource) {
    if (configured.isPresent()) {
      return configured.get();
    }
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("SELECT value FROM setting WHERE name = ?")) {
        s.setString(1, SETTING);
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            return r.getString(1);
          }
        }
      }
      String generated = Projects.randomHex(24);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
        s.setString(1, SETTING);
        s.setString(2, generated);
        s.executeUpdate();
      }
      return resolve(Optional.empty(), dataSource);
    } catch (SQLException e) {
      throw new StoreException("cannot read or store the admin token: " + e.getMessage(), e);
    }
  }
}
