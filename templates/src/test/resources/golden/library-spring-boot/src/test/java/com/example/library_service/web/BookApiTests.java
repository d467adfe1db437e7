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

/** The endpoints of Book at {@code /api/books}, through HTTP on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class BookApiTests {

  @Autowired Fixtures fixtures;

  @BeforeEach
  void emptyTables() {
    fixtures.reset();
  }

  @Test
  void createsReadsReplacesAndDeletesARow() throws Exception {
    long id = fixtures.createBook();
    fixtures
        .get("/api/books/" + id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.title").value("title-0"))
        .andExpect(jsonPath("$.isbn").value("041200-779"))
        .andExpect(jsonPath("$.published").value(true))
        .andExpect(jsonPath("$.createdAt").isNotEmpty())
        .andExpect(jsonPath("$.updatedAt").isNotEmpty());
    fixtures
        .put("/api/books/" + id, fixtures.bodyBook())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id));
    fixtures.delete("/api/books/" + id).andExpect(status().isNoContent());
    fixtures
        .get("/api/books/" + id)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/not-found"));
  }

  @Test
  void patchChangesOnlyTheGivenFields() throws Exception {
    long id = fixtures.createBook();
    String before = Fixtures.text(fixtures.get("/api/books/" + id));
    String after =
        Fixtures.text(
            fixtures
                .patch("/api/books/" + id, "{\"title\":" + "\"title-1\"" + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("title-1")));
    assertThat(fixtures.sameJson(before, after, "title", "updatedAt")).isTrue();
    fixtures
        .patch("/api/books/" + id, "{\"title\":" + "\"title-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"" + "}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("title"));
    fixtures.patch("/api/books/987654321", "{}").andExpect(status().isNotFound());
  }

  @Test
  void rejectsInvalidBodiesWithTheFieldsAtFault() throws Exception {
    String body = fixtures.bodyBook();
    fixtures.assertInvalid("/api/books", fixtures.without(body, "title"), "title");
    fixtures.assertInvalid("/api/books", fixtures.with(body, "title", "\"title-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""), "title");
    fixtures.assertInvalid("/api/books", fixtures.with(body, "isbn", "\"041200-779aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""), "isbn");
    fixtures.assertInvalid("/api/books", fixtures.with(body, "isbn", "\"^&TB:z'Raf\""), "isbn");
    fixtures.assertInvalid("/api/books", fixtures.with(body, "price", "\"not-a-number\""), "price");
    fixtures.assertInvalid("/api/books", fixtures.with(body, "price", "-1"), "price");
    fixtures.assertInvalid("/api/books", fixtures.with(body, "published", "\"maybe\""), "published");
    fixtures.assertInvalid("/api/books", fixtures.without(body, "authorId"), "authorId");
    fixtures.post("/api/books", "[1, 2]").andExpect(status().isBadRequest());
    fixtures.get("/api/books").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void sortsByEveryColumnBothWays() throws Exception {
    long id = fixtures.createBook();
    fixtures.get("/api/books?sort=id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=-id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=title").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=-title").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=isbn").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=-isbn").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=price").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=-price").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=published").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=-published").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=authorId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=-authorId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=-createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/books?sort=-updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
  }

  @Test
  void answersNotFoundForAnUnknownId() throws Exception {
    fixtures
        .get("/api/books/987654321")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("Book 987654321 does not exist."));
    fixtures.delete("/api/books/987654321").andExpect(status().isNotFound());
  }

  @Test
  void answersConflictForATakenUniqueValue() throws Exception {
    long id = fixtures.createBook();
    String existing = Fixtures.text(fixtures.get("/api/books/" + id));
    fixtures
        .post("/api/books", fixtures.without(existing, "id", "createdAt", "updatedAt"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/conflict"));
    fixtures.get("/api/books").andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void listsPagesSortsAndFilters() throws Exception {
    long first = fixtures.createBook();
    long second = fixtures.createBook();
    long third = fixtures.createBook();
    fixtures
        .get("/api/books?page=1&size=2&sort=-id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.items[0].id").value(third))
        .andExpect(jsonPath("$.items[1].id").value(second))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.total").value(3));
    fixtures
        .get("/api/books?page=2&size=2&sort=-id")
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].id").value(first));
    fixtures.get("/api/books?size=0").andExpect(status().isBadRequest());
    fixtures.get("/api/books?size=101").andExpect(status().isBadRequest());
    fixtures
        .get("/api/books?id=" + second)
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    long parent = fixtures.field(Fixtures.text(fixtures.get("/api/books/" + second)), "authorId").asLong();
    fixtures
        .get("/api/books?authorId=" + parent + "&sort=-authorId,id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    fixtures
        .get("/api/books?noSuchParameter=1")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("noSuchParameter"));
    fixtures
        .get("/api/books?sort=noSuchField")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    fixtures.get("/api/books?id=abc").andExpect(status().isBadRequest());
  }

  @Test
  void rejectsAnUnknownAuthor() throws Exception {
    fixtures.assertInvalid(
        "/api/books", fixtures.with(fixtures.bodyBook(), "authorId", "987654321"), "authorId");
  }

  @Test
  void refusesToDeleteTheAuthorWhileARowRefersToIt() throws Exception {
    long id = fixtures.createBook();
    long parent = fixtures.field(Fixtures.text(fixtures.get("/api/books/" + id)), "authorId").asLong();
    fixtures
        .delete("/api/authors/" + parent)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("/problems/conflict"));
    fixtures.get("/api/authors/" + parent).andExpect(status().isOk());
  }
}
