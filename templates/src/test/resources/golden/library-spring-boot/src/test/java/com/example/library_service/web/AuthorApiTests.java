package com.example.library_service.web;

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

/** The endpoints of Author at {@code /api/authors}, through HTTP on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class AuthorApiTests {

  @Autowired Fixtures fixtures;

  @BeforeEach
  void emptyTables() {
    fixtures.reset();
  }

  @Test
  void createsReadsReplacesAndDeletesARow() throws Exception {
    long id = fixtures.createAuthor();
    fixtures
        .get("/api/authors/" + id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.name").value("name-0"))
        .andExpect(jsonPath("$.born").value("2024-01-15"))
        .andExpect(jsonPath("$.createdAt").isNotEmpty())
        .andExpect(jsonPath("$.updatedAt").isNotEmpty());
    fixtures
        .put("/api/authors/" + id, fixtures.bodyAuthor())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id));
    fixtures.delete("/api/authors/" + id).andExpect(status().isNoContent());
    fixtures
        .get("/api/authors/" + id)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/not-found"));
  }

  @Test
  void patchChangesOnlyTheGivenFields() throws Exception {
    long id = fixtures.createAuthor();
    String before = Fixtures.text(fixtures.get("/api/authors/" + id));
    String after =
        Fixtures.text(
            fixtures
                .patch("/api/authors/" + id, "{\"name\":" + "\"name-1\"" + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("name-1")));
    assertThat(fixtures.sameJson(before, after, "name", "updatedAt")).isTrue();
    fixtures
        .patch("/api/authors/" + id, "{\"name\":" + "\"name-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"" + "}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    fixtures.patch("/api/authors/987654321", "{}").andExpect(status().isNotFound());
  }

  @Test
  void rejectsInvalidBodiesWithTheFieldsAtFault() throws Exception {
    String body = fixtures.bodyAuthor();
    fixtures.assertInvalid("/api/authors", fixtures.without(body, "name"), "name");
    fixtures.assertInvalid("/api/authors", fixtures.with(body, "name", "\"name-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""), "name");
    fixtures.assertInvalid("/api/authors", fixtures.with(body, "born", "\"not-a-date\""), "born");
    fixtures.post("/api/authors", "[1, 2]").andExpect(status().isBadRequest());
    fixtures.get("/api/authors").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void sortsByEveryColumnBothWays() throws Exception {
    long id = fixtures.createAuthor();
    fixtures.get("/api/authors?sort=id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/authors?sort=-id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/authors?sort=name").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/authors?sort=-name").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/authors?sort=born").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/authors?sort=-born").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/authors?sort=createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/authors?sort=-createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/authors?sort=updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/authors?sort=-updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
  }

  @Test
  void answersNotFoundForAnUnknownId() throws Exception {
    fixtures
        .get("/api/authors/987654321")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("Author 987654321 does not exist."));
    fixtures.delete("/api/authors/987654321").andExpect(status().isNotFound());
  }

  @Test
  void listsPagesSortsAndFilters() throws Exception {
    long first = fixtures.createAuthor();
    long second = fixtures.createAuthor();
    long third = fixtures.createAuthor();
    fixtures
        .get("/api/authors?page=1&size=2&sort=-id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.items[0].id").value(third))
        .andExpect(jsonPath("$.items[1].id").value(second))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.total").value(3));
    fixtures
        .get("/api/authors?page=2&size=2&sort=-id")
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].id").value(first));
    fixtures.get("/api/authors?size=0").andExpect(status().isBadRequest());
    fixtures.get("/api/authors?size=101").andExpect(status().isBadRequest());
    fixtures
        .get("/api/authors?id=" + second)
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    fixtures
        .get("/api/authors?noSuchParameter=1")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("noSuchParameter"));
    fixtures
        .get("/api/authors?sort=noSuchField")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    fixtures.get("/api/authors?id=abc").andExpect(status().isBadRequest());
  }
}
