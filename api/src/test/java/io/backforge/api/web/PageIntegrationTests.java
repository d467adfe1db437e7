package io.backforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.api.IntegrationTest;
import io.backforge.templates.spec.Stack;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pages' error paths: each answers a friendly page with the right status, never a trace. */
@AutoConfigureMockMvc
@TestPropertySource(properties = WebUiIntegrationTests.OWN_DATABASE)
class PageIntegrationTests extends IntegrationTest {

  private static final String OWNER = "page-tests-user";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired ProjectStore projects;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void removeProjects() {
    jdbc.sql("DELETE FROM projects WHERE owner IN (:a, :b)")
        .param("a", OWNER)
        .param("b", "someone-else")
        .update();
  }

  @Test
  void signedOutDashboardSendsTheBrowserToSignIn() throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/projects")).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(response.getRedirectedUrl()).endsWith("/oauth2/authorization/backforge");
  }

  @Test
  void unknownProjectIsAFriendlyNotFoundPage() throws Exception {
    MockHttpServletResponse response = page(get("/projects/" + UUID.randomUUID()));
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getContentAsString()).contains("Not found").doesNotContain("Exception");
  }

  @Test
  void projectIdThatIsNoUuidIsNotFound() throws Exception {
    assertThat(page(get("/projects/not-a-uuid")).getStatus()).isEqualTo(404);
  }

  @Test
  void anotherOwnersProjectIsNotFound() throws Exception {
    ProjectRecord theirs = stored("someone-else");
    assertThat(page(get("/projects/" + theirs.id())).getStatus()).isEqualTo(404);
    assertThat(page(get("/projects/" + theirs.id() + "/download")).getStatus()).isEqualTo(404);
  }

  @Test
  void ownProjectPageShowsItsSteps() throws Exception {
    ProjectRecord mine = stored(OWNER);
    MockHttpServletResponse response = page(get("/projects/" + mine.id()));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString()).contains(">page-test</span>").contains("QUEUED");
  }

  @Test
  void downloadBeforeTheProjectSucceededIsAConflictPage() throws Exception {
    ProjectRecord mine = stored(OWNER);
    MockHttpServletResponse response = page(get("/projects/" + mine.id() + "/download"));
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentAsString()).contains("its zip is available once it SUCCEEDED");
  }

  @Test
  void fileOfAProjectWithoutFilesIsAConflictPage() throws Exception {
    ProjectRecord mine = stored(OWNER);
    MockHttpServletResponse response =
        page(get("/projects/" + mine.id()).param("file", "../etc/passwd"));
    assertThat(response.getStatus()).isEqualTo(409);
  }

  @Test
  void cancelWithoutTheFormsCsrfTokenIsForbidden() throws Exception {
    ProjectRecord mine = stored(OWNER);
    MockHttpServletResponse response =
        mvc.perform(post("/projects/" + mine.id() + "/cancel").with(user()))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(403);
  }

  @Test
  void wizardStepOutOfRangeIsNotFound() throws Exception {
    assertThat(page(get("/wizard/9")).getStatus()).isEqualTo(404);
    assertThat(page(post("/wizard/3").param("action", "removeField:7:0").with(csrf())).getStatus())
        .isEqualTo(404);
  }

  @Test
  void importOfSomethingThatIsNotJsonSaysSoOnTheFirstStep() throws Exception {
    MockHttpServletResponse response =
        page(post("/wizard/import").param("json", "{not json").with(csrf()));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString()).contains("This is not JSON");
  }

  @Test
  void invalidStepShowsTheValidatorsMessageAndStays() throws Exception {
    MockHttpServletResponse response =
        page(post("/wizard/1").param("name", "Bad Name").param("action", "next").with(csrf()));
    assertThat(response.getStatus()).isEqualTo(200);
    String page = response.getContentAsString();
    assertThat(page).contains("class=\"field-error\"").doesNotContain("aria-invalid=\"\"");
    Matcher name = Pattern.compile("<input[^>]*\\bname=\"name\"[^>]*>").matcher(page);
    assertThat(name.find()).isTrue();
    assertThat(name.group()).contains("aria-describedby=\"err-name\"", "aria-invalid=\"true\"");
    Matcher messages = Pattern.compile("<div [^>]*id=\"err-name\"[^>]*>").matcher(page);
    assertThat(messages.find()).isTrue();
    assertThat(messages.group()).contains("data-error-for=\"name\"", "aria-live=\"polite\"");
    assertThat(page).doesNotContainPattern("<textarea[^>]*aria-invalid[^>]*name=\"description\"");
  }

  @Test
  void anImportedSpecKeepsItsVerifyChoiceAndFieldDescriptionsOnTheirSteps() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String spec =
        """
        {"name": "notes", "stack": "flask", "database": "sqlite", "verify": false,
         "entities": [{"name": "Note",
           "fields": [{"name": "text", "type": "text", "description": "What it says"}]}]}
        """;
    mvc.perform(
        post("/wizard/import").param("json", spec).session(session).with(user()).with(csrf()));

    String entities =
        mvc.perform(get("/wizard/3").session(session).with(user()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String review =
        mvc.perform(get("/wizard/5").session(session).with(user()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(entities)
        .containsPattern(
            "name=\"entities\\[0\\]\\.fields\\[0\\]\\.description\"[^>]*value=\"What it says\"");
    assertThat(review).containsPattern("<option value=\"false\" selected=\"selected\">No</option>");
  }

  @Test
  void withoutScriptTheEntitiesStepAddsRowsThroughPlainPostsAndKeepsThem() throws Exception {
    MockHttpSession session = new MockHttpSession();
    mvc.perform(
        post("/wizard/3")
            .param(WizardController.ENTITIES_POSTED, "on")
            .param("action", "addEntity")
            .session(session)
            .with(user())
            .with(csrf()));
    mvc.perform(
        post("/wizard/3")
            .param(WizardController.ENTITIES_POSTED, "on")
            .param("entities[0].name", "Author")
            .param("action", "addField:0")
            .session(session)
            .with(user())
            .with(csrf()));
    String page =
        mvc.perform(get("/wizard/3").session(session).with(user()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("value=\"Author\"").contains("name=\"entities[0].fields[0].name\"");
  }

  @Test
  void stackSelectOffersEveryStackTheGeneratorKnows() throws Exception {
    String page = page(get("/wizard/1")).getContentAsString();
    for (Stack stack : Stack.values()) {
      assertThat(page).contains("<option value=\"" + stack.json() + "\"");
    }
  }

  @Test
  void checkWithoutTheFormsCsrfTokenIsForbidden() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(post("/wizard/1/check").param("name", "blog-api").with(user()))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentAsString()).doesNotContain("\"errors\"");
  }

  @Test
  void checkOfAStepOutOfRangeIsNotFound() throws Exception {
    assertThat(page(post("/wizard/6/check").with(csrf())).getStatus()).isEqualTo(404);
  }

  @Test
  void formFieldWithAnIndexThatIsNoNumberIsABadRequestNotAnError() throws Exception {
    MockHttpServletResponse response =
        page(post("/wizard/3/check").param("entities[E].name", "Author").with(csrf()));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).doesNotContain("Exception");
  }

  @Test
  void checkAnswersTheValidatorsMessagesKeyedByTheFieldsFormPath() throws Exception {
    MockHttpServletResponse response =
        page(
            post("/wizard/3/check")
                .param(WizardController.ENTITIES_POSTED, "on")
                .param("entities[0].name", "Author")
                .param("entities[0].fields[0].name", "name")
                .param("entities[0].fields[0].type", "string")
                .param("entities[1].name", "not pascal")
                .param("entities[1].fields[0].name", "title")
                .param("entities[1].fields[0].type", "string")
                .param("entities[1].fields[0].minLength", "five")
                .with(csrf()));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).startsWith("application/json");
    JsonNode errors = JSON.readTree(response.getContentAsString()).get("errors");
    assertThat(errors.propertyNames())
        .contains("entities[1].name", "entities[1].fields[0].minLength")
        .noneMatch(path -> path.startsWith("entities[0]"));
    assertThat(errors.get("entities[1].name").get(0).asString()).isNotBlank();
  }

  @Test
  void checkOfAValidStepAnswersNoProblemsAndKeepsWhatWasTyped() throws Exception {
    MockHttpSession session = new MockHttpSession();
    MockHttpServletResponse response =
        page(
            post("/wizard/1/check")
                .param("name", "blog-api")
                .param("description", "A blog")
                .param("stack", "flask")
                .session(session)
                .with(csrf()));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(JSON.readTree(response.getContentAsString()).get("errors").isEmpty()).isTrue();
    assertThat(page(get("/wizard/1").session(session)).getContentAsString())
        .contains("value=\"blog-api\"");
  }

  @Test
  void checkSentBeforeTheStepsPostButArrivingAfterItDoesNotUndoIt() throws Exception {
    MockHttpSession session = new MockHttpSession();
    page(
        post("/wizard/1")
            .param("name", "newer-name")
            .param(WizardController.REVISION, "2000")
            .param("action", "back")
            .session(session)
            .with(csrf()));
    page(
        post("/wizard/1/check")
            .param("name", "older-name")
            .param(WizardController.REVISION, "1000")
            .session(session)
            .with(csrf()));
    assertThat(page(get("/wizard/1").session(session)).getContentAsString())
        .contains("value=\"newer-name\"")
        .doesNotContain("older-name");
  }

  @Test
  void entitiesStepReplacesTheDraftsEntitiesSoRowsRemovedInPlaceStayRemoved() throws Exception {
    MockHttpSession session = new MockHttpSession();
    page(
        post("/wizard/3/check")
            .param(WizardController.ENTITIES_POSTED, "on")
            .param("entities[0].name", "Author")
            .param("entities[0].fields[0].name", "name")
            .param("entities[0].fields[1].name", "email")
            .param("entities[1].name", "Post")
            .param("entities[1].fields[0].name", "title")
            .session(session)
            .with(csrf()));
    page(
        post("/wizard/3")
            .param(WizardController.ENTITIES_POSTED, "on")
            .param("entities[0].name", "Post")
            .param("entities[0].fields[0].name", "title")
            .param("action", "back")
            .session(session)
            .with(csrf()));
    String page = page(get("/wizard/3").session(session)).getContentAsString();
    assertThat(page)
        .contains("value=\"Post\"", "value=\"title\"")
        .doesNotContain("value=\"Author\"", "value=\"email\"", "entities[1].name\"");
  }

  @Test
  void statusEndpointListsOnlyTheUsersProjects() throws Exception {
    ProjectRecord mine = stored(OWNER);
    stored("someone-else");
    String body = page(get("/projects/status")).getContentAsString();
    assertThat(body).contains(mine.id().toString()).contains("\"status\":\"QUEUED\"");
    assertThat(body.split("\"id\"")).hasSize(2);
  }

  @Test
  void searchFindsProjectsByPartOfTheirName() throws Exception {
    stored(OWNER);
    assertThat(page(get("/projects").param("q", "TEST")).getContentAsString())
        .contains(">page-test</a>");
    assertThat(page(get("/projects").param("q", "zzz")).getContentAsString())
        .doesNotContain(">page-test</a>")
        .contains("No project name contains");
  }

  @Test
  void generatingAnInvalidDraftFlagsTheStepsThatNeedFixing() throws Exception {
    MockHttpSession session = new MockHttpSession();
    mvc.perform(
        post("/wizard/3")
            .param(WizardController.ENTITIES_POSTED, "on")
            .param("entities[0].name", "1-not-a-name")
            .param("entities[0].fields[0].name", "title")
            .param("entities[0].fields[0].type", "string")
            .session(session)
            .with(user())
            .with(csrf()));

    String page =
        mvc.perform(post("/wizard/generate").session(session).with(user()).with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    int steps = page.indexOf("wizard-steps");
    String nav = page.substring(steps, page.indexOf("</nav>", steps));
    assertThat(nav.split("<li")).hasSize(6);
    assertThat(nav.split("<li")[3]).contains("needs-fixing").contains("(needs fixing)");
    assertThat(nav.split("<li")[2]).doesNotContain("needs fixing");
    assertThat(nav.split("<li")[5]).contains("current").doesNotContain("needs fixing");
  }

  @Test
  void anotherOwnersProjectCanNeitherBeRevisedInTheWizardNorDiffed() throws Exception {
    ProjectRecord mine = stored(OWNER);
    ProjectRecord theirs = stored("someone-else");

    MockHttpServletResponse revise = page(post("/wizard/revise/" + theirs.id()).with(csrf()));
    MockHttpServletResponse diff =
        page(get("/projects/" + mine.id() + "/diff").param("from", theirs.id().toString()));

    assertThat(revise.getStatus()).isEqualTo(404);
    assertThat(diff.getStatus()).isEqualTo(404);
    assertThat(diff.getContentAsString()).doesNotContain("Exception");
  }

  @Test
  void theDiffOfProjectsWhoseFilesAreNotGeneratedIsAConflictPage() throws Exception {
    ProjectRecord mine = stored(OWNER);
    ProjectRecord other = stored(OWNER);

    MockHttpServletResponse diff =
        page(get("/projects/" + mine.id() + "/diff").param("from", other.id().toString()));

    assertThat(diff.getStatus()).isEqualTo(409);
    assertThat(diff.getContentAsString()).contains("have not been generated yet");
  }

  @Test
  void aRevisionsPageNamesItsParentAndWaitsForTheFilesToShowItsChanges() throws Exception {
    ProjectRecord parent = stored(OWNER);
    ProjectRecord revision =
        projects
            .create(UUID.randomUUID(), OWNER, "page-test", "flask", "{}", null, null, parent.id())
            .orElseThrow();

    String page = page(get("/projects/" + revision.id())).getContentAsString();
    String parentsPage = page(get("/projects/" + parent.id())).getContentAsString();

    assertThat(page)
        .contains("id=\"lineage\"")
        .contains("href=\"/projects/" + parent.id() + "\"")
        .contains("Changes from parent")
        .contains("The changes appear once this project and its parent have both been generated.");
    assertThat(parentsPage)
        .contains("href=\"/projects/" + revision.id() + "\"")
        .doesNotContain("Changes from parent");
    assertThat(page(get("/projects/" + stored(OWNER).id())).getContentAsString())
        .doesNotContain("id=\"lineage\"");
  }

  private ProjectRecord stored(String owner) {
    return projects.create(UUID.randomUUID(), owner, "page-test", "flask", "{}");
  }

  private MockHttpServletResponse page(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user())).andReturn().getResponse();
  }

  private static RequestPostProcessor user() {
    return oidcLogin().idToken(token -> token.subject(OWNER));
  }
}
