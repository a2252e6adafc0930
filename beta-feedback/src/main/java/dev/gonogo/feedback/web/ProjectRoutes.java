package dev.gonogo.feedback.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.feedback.project.Project;
import dev.gonogo.feedback.project.Projects;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /api/v1/projects}: list and create projects; each answer carries the project's DSN. */
public final class ProjectRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Projects projects;
  private final Supplier<URI> baseUri;

  public ProjectRoutes(Projects projects, Supplier<URI> baseUri) {
    this.projects = projects;
    this.baseUri = baseUri;
  }

  public void list(Context ctx) {
    List<Map<String, Object>> body = projects.list().stream().map(this::view).toList();
    ctx.json(Map.of("projects", body));
  }

  public void create(Context ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw new ApiException(400, "invalid_json", "the body is not JSON: " + e.getMessage());
    }
    JsonNode name = body == null ? null : body.get("name");
    if (name == null
        || !name.isTextual()
        || name.asText().isBlank()
        || name.asText().length() > 200) {
      throw new ApiException(
          400, "invalid_field", "field 'name' must be a string of 1-200 characters", "name");
    }
    Project project = projects.create(name.asText());
    ctx.status(201).json(view(project));
  }

  public void get(Context ctx) {
    ctx.json(view(requireProject(projects, ctx.pathParam("project"))));
  }

  static Project requireProject(Projects projects, String id) {
    return projects
        .find(id)
        .orElseThrow(
            () -> new ApiException(404, "unknown_project", "no project with id " + id, "project"));
  }

  private Map<String, Object> view(Project project) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", project.id());
    view.put("name", project.name());
    view.put("publicKey", project.publicKey());
    view.put("dsn", project.dsn(baseUri.get()));
    view.put("createdAt", project.createdAt());
    return view;
  }
}
