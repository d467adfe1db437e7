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

/** The endpoints of Tag at {@code /api/tags}, through HTTP on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class TagApiTests {

  @Autowired Fixtures fixtures;

  @BeforeEach
  void emptyTables() {
    fixtures.reset();
  }

  @Test
  void createsReadsReplacesAndDeletesARow() throws Exception {
    long id = fixtures.createTag();
    fixtures
        .get("/api/tags/" + id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.label").value("label-0"))
        .andExpect(jsonPath("$.createdAt").isNotEmpty())
        .andExpect(jsonPath("$.updatedAt").isNotEmpty());
    fixtures
        .put("/api/tags/" + id, fixtures.bodyTag())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id));
    fixtures.delete("/api/tags/" + id).andExpect(status().isNoContent());
    fixtures
        .get("/api/tags/" + id)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/not-found"));
  }

  @Test
  void patchChangesOnlyTheGivenFields() throws Exception {
    long id = fixtures.createTag();
    String before = Fixtures.text(fixtures.get("/api/tags/" + id));
    String after =
        Fixtures.text(
            fixtures
                .patch("/api/tags/" + id, "{\"label\":" + "\"label-1\"" + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("label-1")));
    assertThat(fixtures.sameJson(before, after, "label", "updatedAt")).isTrue();
    fixtures
        .patch("/api/tags/" + id, "{\"label\":" + "\"label-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"" + "}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("label"));
    fixtures.patch("/api/tags/987654321", "{}").andExpect(status().isNotFound());
  }

  @Test
  void rejectsInvalidBodiesWithTheFieldsAtFault() throws Exception {
    String body = fixtures.bodyTag();
    fixtures.assertInvalid("/api/tags", fixtures.without(body, "label"), "label");
    fixtures.assertInvalid("/api/tags", fixtures.with(body, "label", "\"label-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""), "label");
    fixtures.post("/api/tags", "[1, 2]").andExpect(status().isBadRequest());
    fixtures.get("/api/tags").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void sortsByEveryColumnBothWays() throws Exception {
    long id = fixtures.createTag();
    fixtures.get("/api/tags?sort=id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/tags?sort=-id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/tags?sort=label").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/tags?sort=-label").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/tags?sort=createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/tags?sort=-createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/tags?sort=updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/tags?sort=-updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
  }

  @Test
  void answersNotFoundForAnUnknownId() throws Exception {
    fixtures
        .get("/api/tags/987654321")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("Tag 987654321 does not exist."));
    fixtures.delete("/api/tags/987654321").andExpect(status().isNotFound());
  }

  @Test
  void answersConflictForATakenUniqueValue() throws Exception {
    long id = fixtures.createTag();
    String existing = Fixtures.text(fixtures.get("/api/tags/" + id));
    fixtures
        .post("/api/tags", fixtures.without(existing, "id", "createdAt", "updatedAt"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/conflict"));
    fixtures.get("/api/tags").andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void listsPagesSortsAndFilters() throws Exception {
    long first = fixtures.createTag();
    long second = fixtures.createTag();
    long third = fixtures.createTag();
    fixtures
        .get("/api/tags?page=1&size=2&sort=-id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.items[0].id").value(third))
        .andExpect(jsonPath("$.items[1].id").value(second))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.total").value(3));
    fixtures
        .get("/api/tags?page=2&size=2&sort=-id")
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].id").value(first));
    fixtures.get("/api/tags?size=0").andExpect(status().isBadRequest());
    fixtures.get("/api/tags?size=101").andExpect(status().isBadRequest());
    fixtures
        .get("/api/tags?id=" + second)
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    fixtures
        .get("/api/tags?noSuchParameter=1")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("noSuchParameter"));
    fixtures
        .get("/api/tags?sort=noSuchField")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    fixtures.get("/api/tags?id=abc").andExpect(status().isBadRequest());
  }
}
