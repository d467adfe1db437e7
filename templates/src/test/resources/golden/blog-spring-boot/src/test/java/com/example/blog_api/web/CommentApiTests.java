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

/** The endpoints of Comment at {@code /api/comments}, through HTTP on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class CommentApiTests {

  @Autowired Fixtures fixtures;

  @BeforeEach
  void emptyTables() {
    fixtures.reset();
  }

  @Test
  void createsReadsReplacesAndDeletesARow() throws Exception {
    long id = fixtures.createComment();
    fixtures
        .get("/api/comments/" + id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.author").value("author-0"))
        .andExpect(jsonPath("$.text").value("text-0"))
        .andExpect(jsonPath("$.createdAt").isNotEmpty())
        .andExpect(jsonPath("$.updatedAt").isNotEmpty());
    fixtures
        .put("/api/comments/" + id, fixtures.bodyComment())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id));
    fixtures.delete("/api/comments/" + id).andExpect(status().isNoContent());
    fixtures
        .get("/api/comments/" + id)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/not-found"));
  }

  @Test
  void patchChangesOnlyTheGivenFields() throws Exception {
    long id = fixtures.createComment();
    String before = Fixtures.text(fixtures.get("/api/comments/" + id));
    String after =
        Fixtures.text(
            fixtures
                .patch("/api/comments/" + id, "{\"author\":" + "\"author-1\"" + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.author").value("author-1")));
    assertThat(fixtures.sameJson(before, after, "author", "updatedAt")).isTrue();
    fixtures
        .patch("/api/comments/" + id, "{\"author\":" + "\"author-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"" + "}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("author"));
    fixtures.patch("/api/comments/987654321", "{}").andExpect(status().isNotFound());
  }

  @Test
  void rejectsInvalidBodiesWithTheFieldsAtFault() throws Exception {
    String body = fixtures.bodyComment();
    fixtures.assertInvalid("/api/comments", fixtures.without(body, "author"), "author");
    fixtures.assertInvalid("/api/comments", fixtures.with(body, "author", "\"author-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""), "author");
    fixtures.assertInvalid("/api/comments", fixtures.without(body, "text"), "text");
    fixtures.assertInvalid("/api/comments", fixtures.without(body, "postId"), "postId");
    fixtures.post("/api/comments", "[1, 2]").andExpect(status().isBadRequest());
    fixtures.get("/api/comments").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void sortsByEveryColumnBothWays() throws Exception {
    long id = fixtures.createComment();
    fixtures.get("/api/comments?sort=id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/comments?sort=-id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/comments?sort=author").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/comments?sort=-author").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/comments?sort=text").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/comments?sort=-text").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/comments?sort=postId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/comments?sort=-postId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/comments?sort=createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/comments?sort=-createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/comments?sort=updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/comments?sort=-updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
  }

  @Test
  void answersNotFoundForAnUnknownId() throws Exception {
    fixtures
        .get("/api/comments/987654321")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("Comment 987654321 does not exist."));
    fixtures.delete("/api/comments/987654321").andExpect(status().isNotFound());
  }

  @Test
  void listsPagesSortsAndFilters() throws Exception {
    long first = fixtures.createComment();
    long second = fixtures.createComment();
    long third = fixtures.createComment();
    fixtures
        .get("/api/comments?page=1&size=2&sort=-id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.items[0].id").value(third))
        .andExpect(jsonPath("$.items[1].id").value(second))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.total").value(3));
    fixtures
        .get("/api/comments?page=2&size=2&sort=-id")
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].id").value(first));
    fixtures.get("/api/comments?size=0").andExpect(status().isBadRequest());
    fixtures.get("/api/comments?size=101").andExpect(status().isBadRequest());
    fixtures
        .get("/api/comments?id=" + second)
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    long parent = fixtures.field(Fixtures.text(fixtures.get("/api/comments/" + second)), "postId").asLong();
    fixtures
        .get("/api/comments?postId=" + parent + "&sort=-postId,id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    fixtures
        .get("/api/comments?noSuchParameter=1")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("noSuchParameter"));
    fixtures
        .get("/api/comments?sort=noSuchField")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    fixtures.get("/api/comments?id=abc").andExpect(status().isBadRequest());
  }

  @Test
  void rejectsAnUnknownPost() throws Exception {
    fixtures.assertInvalid(
        "/api/comments", fixtures.with(fixtures.bodyComment(), "postId", "987654321"), "postId");
  }

  @Test
  void refusesToDeleteThePostWhileARowRefersToIt() throws Exception {
    long id = fixtures.createComment();
    long parent = fixtures.field(Fixtures.text(fixtures.get("/api/comments/" + id)), "postId").asLong();
    fixtures
        .delete("/api/posts/" + parent)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("/problems/conflict"));
    fixtures.get("/api/posts/" + parent).andExpect(status().isOk());
  }
}
