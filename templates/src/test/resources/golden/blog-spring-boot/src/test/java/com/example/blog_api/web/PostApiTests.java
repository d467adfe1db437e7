package com.example.blog_api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/** The endpoints of Post at {@code /api/posts}, through HTTP on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class PostApiTests {

  @Autowired Fixtures fixtures;

  @BeforeEach
  void emptyTables() {
    fixtures.reset();
  }

  @Test
  void createsReadsReplacesAndDeletesARow() throws Exception {
    long id = fixtures.createPost();
    fixtures
        .get("/api/posts/" + id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.title").value("title-0"))
        .andExpect(jsonPath("$.body").value("body-0"))
        .andExpect(jsonPath("$.views").value(0L))
        .andExpect(jsonPath("$.createdAt").isNotEmpty())
        .andExpect(jsonPath("$.updatedAt").isNotEmpty());
    fixtures
        .put("/api/posts/" + id, fixtures.bodyPost())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id));
    fixtures.delete("/api/posts/" + id).andExpect(status().isNoContent());
    fixtures
        .get("/api/posts/" + id)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/not-found"));
  }

  @Test
  void patchChangesOnlyTheGivenFields() throws Exception {
    long id = fixtures.createPost();
    String before = Fixtures.text(fixtures.get("/api/posts/" + id));
    String after =
        Fixtures.text(
            fixtures
                .patch("/api/posts/" + id, "{\"title\":" + "\"title-1\"" + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("title-1")));
    assertThat(fixtures.sameJson(before, after, "title", "updatedAt")).isTrue();
    fixtures
        .patch("/api/posts/" + id, "{\"title\":" + "\"ti\"" + "}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("title"));
    fixtures.patch("/api/posts/987654321", "{}").andExpect(status().isNotFound());
  }

  @Test
  void rejectsInvalidBodiesWithTheFieldsAtFault() throws Exception {
    String body = fixtures.bodyPost();
    fixtures.assertInvalid("/api/posts", fixtures.without(body, "title"), "title");
    fixtures.assertInvalid("/api/posts", fixtures.with(body, "title", "\"ti\""), "title");
    fixtures.assertInvalid("/api/posts", fixtures.with(body, "title", "\"title-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""), "title");
    fixtures.assertInvalid("/api/posts", fixtures.without(body, "body"), "body");
    fixtures.assertInvalid("/api/posts", fixtures.with(body, "publishedAt", "\"not-a-datetime\""), "publishedAt");
    fixtures.assertInvalid("/api/posts", fixtures.with(body, "views", "\"not-a-number\""), "views");
    fixtures.assertInvalid("/api/posts", fixtures.with(body, "views", "-1"), "views");
    fixtures.post("/api/posts", "[1, 2]").andExpect(status().isBadRequest());
    fixtures.get("/api/posts").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void sortsByEveryColumnBothWays() throws Exception {
    long id = fixtures.createPost();
    fixtures.get("/api/posts?sort=id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=-id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=title").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=-title").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=body").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=-body").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=publishedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=-publishedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=views").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=-views").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=categoryId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=-categoryId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=-createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/posts?sort=-updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
  }

  @Test
  void answersNotFoundForAnUnknownId() throws Exception {
    fixtures
        .get("/api/posts/987654321")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("Post 987654321 does not exist."));
    fixtures.delete("/api/posts/987654321").andExpect(status().isNotFound());
  }

  @Test
  void listsPagesSortsAndFilters() throws Exception {
    long first = fixtures.createPost();
    long second = fixtures.createPost();
    long third = fixtures.createPost();
    fixtures
        .get("/api/posts?page=1&size=2&sort=-id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.items[0].id").value(third))
        .andExpect(jsonPath("$.items[1].id").value(second))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.total").value(3));
    fixtures
        .get("/api/posts?page=2&size=2&sort=-id")
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].id").value(first));
    fixtures.get("/api/posts?size=0").andExpect(status().isBadRequest());
    fixtures.get("/api/posts?size=101").andExpect(status().isBadRequest());
    fixtures
        .get("/api/posts?id=" + second)
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    fixtures
        .get("/api/posts?noSuchParameter=1")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("noSuchParameter"));
    fixtures
        .get("/api/posts?sort=noSuchField")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    fixtures.get("/api/posts?id=abc").andExpect(status().isBadRequest());
  }

  @Test
  void rejectsAnUnknownCategory() throws Exception {
    fixtures.assertInvalid(
        "/api/posts", fixtures.with(fixtures.bodyPost(), "categoryId", "987654321"), "categoryId");
  }

  @Test
  void linksAndListsTags() throws Exception {
    long target = fixtures.createTag();
    String body = fixtures.with(fixtures.bodyPost(), "tagsIds", "[" + target + "]");
    long id = Fixtures.id(fixtures.post("/api/posts", body).andExpect(status().isCreated()));
    fixtures
        .get("/api/posts/" + id)
        .andExpect(jsonPath("$.tagsIds", hasSize(1)))
        .andExpect(jsonPath("$.tagsIds[0]").value(target));
    fixtures
        .get("/api/posts/" + id + "/tags")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(target));
    fixtures.assertInvalid(
        "/api/posts", fixtures.with(fixtures.bodyPost(), "tagsIds", "[987654321]"), "tagsIds");
  }
}
