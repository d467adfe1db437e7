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

/** The endpoints of Category at {@code /api/categories}, through HTTP on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class CategoryApiTests {

  @Autowired Fixtures fixtures;

  @BeforeEach
  void emptyTables() {
    fixtures.reset();
  }

  @Test
  void createsReadsReplacesAndDeletesARow() throws Exception {
    long id = fixtures.createCategory();
    fixtures
        .get("/api/categories/" + id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.title").value("title-0"))
        .andExpect(jsonPath("$.createdAt").isNotEmpty())
        .andExpect(jsonPath("$.updatedAt").isNotEmpty());
    fixtures
        .put("/api/categories/" + id, fixtures.bodyCategory())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id));
    fixtures.delete("/api/categories/" + id).andExpect(status().isNoContent());
    fixtures
        .get("/api/categories/" + id)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/not-found"));
  }

  @Test
  void patchChangesOnlyTheGivenFields() throws Exception {
    long id = fixtures.createCategory();
    String before = Fixtures.text(fixtures.get("/api/categories/" + id));
    String after =
        Fixtures.text(
            fixtures
                .patch("/api/categories/" + id, "{\"title\":" + "\"title-1\"" + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("title-1")));
    assertThat(fixtures.sameJson(before, after, "title", "updatedAt")).isTrue();
    fixtures
        .patch("/api/categories/" + id, "{\"title\":" + "\"title-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"" + "}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("title"));
    fixtures.patch("/api/categories/987654321", "{}").andExpect(status().isNotFound());
  }

  @Test
  void rejectsInvalidBodiesWithTheFieldsAtFault() throws Exception {
    String body = fixtures.bodyCategory();
    fixtures.assertInvalid("/api/categories", fixtures.without(body, "title"), "title");
    fixtures.assertInvalid("/api/categories", fixtures.with(body, "title", "\"title-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""), "title");
    fixtures.post("/api/categories", "[1, 2]").andExpect(status().isBadRequest());
    fixtures.get("/api/categories").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void sortsByEveryColumnBothWays() throws Exception {
    long id = fixtures.createCategory();
    fixtures.get("/api/categories?sort=id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/categories?sort=-id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/categories?sort=title").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/categories?sort=-title").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/categories?sort=parentId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/categories?sort=-parentId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/categories?sort=createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/categories?sort=-createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/categories?sort=updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/categories?sort=-updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
  }

  @Test
  void answersNotFoundForAnUnknownId() throws Exception {
    fixtures
        .get("/api/categories/987654321")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("Category 987654321 does not exist."));
    fixtures.delete("/api/categories/987654321").andExpect(status().isNotFound());
  }

  @Test
  void answersConflictForATakenUniqueValue() throws Exception {
    long id = fixtures.createCategory();
    String existing = Fixtures.text(fixtures.get("/api/categories/" + id));
    fixtures
        .post("/api/categories", fixtures.without(existing, "id", "createdAt", "updatedAt"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/conflict"));
    fixtures.get("/api/categories").andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void listsPagesSortsAndFilters() throws Exception {
    long first = fixtures.createCategory();
    long second = fixtures.createCategory();
    long third = fixtures.createCategory();
    fixtures
        .get("/api/categories?page=1&size=2&sort=-id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.items[0].id").value(third))
        .andExpect(jsonPath("$.items[1].id").value(second))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.total").value(3));
    fixtures
        .get("/api/categories?page=2&size=2&sort=-id")
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].id").value(first));
    fixtures.get("/api/categories?size=0").andExpect(status().isBadRequest());
    fixtures.get("/api/categories?size=101").andExpect(status().isBadRequest());
    fixtures
        .get("/api/categories?id=" + second)
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    fixtures
        .get("/api/categories?noSuchParameter=1")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("noSuchParameter"));
    fixtures
        .get("/api/categories?sort=noSuchField")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    fixtures.get("/api/categories?id=abc").andExpect(status().isBadRequest());
  }

  @Test
  void rejectsAnUnknownParent() throws Exception {
    fixtures.assertInvalid(
        "/api/categories", fixtures.with(fixtures.bodyCategory(), "parentId", "987654321"), "parentId");
  }
}
