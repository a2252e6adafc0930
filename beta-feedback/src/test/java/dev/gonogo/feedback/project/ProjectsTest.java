package dev.gonogo.feedback.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.store.Store;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC);

  @TempDir Path dir;

  private Store open() {
    return Store.open(
        new Config.Store(
            "jdbc:sqlite:" + dir.resolve("p.db"), Optional.empty(), Optional.empty(), 2, 3000));
  }

  @Test
  void defaultProject_isCreatedOnce_andSurvivesARestart() {
    Project first;
    try (Store store = open()) {
      first = new Projects(store.dataSource(), CLOCK).ensureDefault();
      assertThat(new Projects(store.dataSource(), CLOCK).ensureDefault()).isEqualTo(first);
    }
    try (Store store = open()) {
      Projects projects = new Projects(store.dataSource(), CLOCK);
      assertThat(projects.ensureDefault()).isEqualTo(first);
      assertThat(projects.list()).hasSize(1);
    }
    assertThat(first.id()).isEqualTo("1");
    assertThat(first.publicKey()).matches("[0-9a-f]{32}");
  }

  @Test
  void dsn_hasTheFormSdksExpect() {
    Project project = new Project("7", "app", "0123456789abcdef0123456789abcdef", 0);

    assertThat(project.dsn(URI.create("http://127.0.0.1:8080")))
        .isEqualTo("http://0123456789abcdef0123456789abcdef@127.0.0.1:8080/7");
  }

  @Test
  void newProjects_getNumericIdsAndDistinctKeys() {
    try (Store store = open()) {
      Projects projects = new Projects(store.dataSource(), CLOCK);
      Project a = projects.create("a");
      Project b = projects.create("b");

      assertThat(b.id()).isEqualTo(Long.toString(Long.parseLong(a.id()) + 1));
      assertThat(a.publicKey()).isNotEqualTo(b.publicKey());
      assertThat(projects.find(b.id())).contains(b);
      assertThat(projects.find("999")).isEmpty();
    }
  }
}
