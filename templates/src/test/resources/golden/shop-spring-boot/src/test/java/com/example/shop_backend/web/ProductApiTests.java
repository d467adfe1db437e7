package com.example.shop_backend.web;

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

/** The endpoints of Product at {@code /api/products}, through HTTP on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class ProductApiTests {

  @Autowired Fixtures fixtures;

  @BeforeEach
  void emptyTables() {
    fixtures.reset();
  }

  @Test
  void createsReadsReplacesAndDeletesARow() throws Exception {
    long id = fixtures.createProduct();
    fixtures
        .get("/api/products/" + id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.sku").value("sku-0"))
        .andExpect(jsonPath("$.name").value("name-0"))
        .andExpect(jsonPath("$.stock").value(0L))
        .andExpect(jsonPath("$.publicId").value("00f1a691-8964-37e3-80bb-0bc05ee9a9d2"))
        .andExpect(jsonPath("$.createdAt").isNotEmpty())
        .andExpect(jsonPath("$.updatedAt").isNotEmpty());
    fixtures
        .put("/api/products/" + id, fixtures.bodyProduct())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id));
    fixtures.delete("/api/products/" + id).andExpect(status().isNoContent());
    fixtures
        .get("/api/products/" + id)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/not-found"));
  }

  @Test
  void patchChangesOnlyTheGivenFields() throws Exception {
    long id = fixtures.createProduct();
    String before = Fixtures.text(fixtures.get("/api/products/" + id));
    String after =
        Fixtures.text(
            fixtures
                .patch("/api/products/" + id, "{\"sku\":" + "\"sku-1\"" + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sku").value("sku-1")));
    assertThat(fixtures.sameJson(before, after, "sku", "updatedAt")).isTrue();
    fixtures
        .patch("/api/products/" + id, "{\"sku\":" + "\"sku-0aaaaaaaaaaaaaaaaaaaaaaaaaaaa\"" + "}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sku"));
    fixtures.patch("/api/products/987654321", "{}").andExpect(status().isNotFound());
  }

  @Test
  void rejectsInvalidBodiesWithTheFieldsAtFault() throws Exception {
    String body = fixtures.bodyProduct();
    fixtures.assertInvalid("/api/products", fixtures.without(body, "sku"), "sku");
    fixtures.assertInvalid("/api/products", fixtures.with(body, "sku", "\"sku-0aaaaaaaaaaaaaaaaaaaaaaaaaaaa\""), "sku");
    fixtures.assertInvalid("/api/products", fixtures.without(body, "name"), "name");
    fixtures.assertInvalid("/api/products", fixtures.with(body, "name", "\"name-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""), "name");
    fixtures.assertInvalid("/api/products", fixtures.without(body, "price"), "price");
    fixtures.assertInvalid("/api/products", fixtures.with(body, "price", "\"not-a-number\""), "price");
    fixtures.assertInvalid("/api/products", fixtures.with(body, "price", "-1"), "price");
    fixtures.assertInvalid("/api/products", fixtures.with(body, "stock", "\"not-a-number\""), "stock");
    fixtures.assertInvalid("/api/products", fixtures.with(body, "stock", "-1"), "stock");
    fixtures.assertInvalid("/api/products", fixtures.with(body, "publicId", "\"not-a-uuid\""), "publicId");
    fixtures.post("/api/products", "[1, 2]").andExpect(status().isBadRequest());
    fixtures.get("/api/products").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void sortsByEveryColumnBothWays() throws Exception {
    long id = fixtures.createProduct();
    fixtures.get("/api/products?sort=id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=-id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=sku").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=-sku").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=name").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=-name").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=price").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=-price").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=stock").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=-stock").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=publicId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=-publicId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=-createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/products?sort=-updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
  }

  @Test
  void answersNotFoundForAnUnknownId() throws Exception {
    fixtures
        .get("/api/products/987654321")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("Product 987654321 does not exist."));
    fixtures.delete("/api/products/987654321").andExpect(status().isNotFound());
  }

  @Test
  void answersConflictForATakenUniqueValue() throws Exception {
    long id = fixtures.createProduct();
    String existing = Fixtures.text(fixtures.get("/api/products/" + id));
    fixtures
        .post("/api/products", fixtures.without(existing, "id", "createdAt", "updatedAt"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/conflict"));
    fixtures.get("/api/products").andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void listsPagesSortsAndFilters() throws Exception {
    long first = fixtures.createProduct();
    long second = fixtures.createProduct();
    long third = fixtures.createProduct();
    fixtures
        .get("/api/products?page=1&size=2&sort=-id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.items[0].id").value(third))
        .andExpect(jsonPath("$.items[1].id").value(second))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.total").value(3));
    fixtures
        .get("/api/products?page=2&size=2&sort=-id")
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].id").value(first));
    fixtures.get("/api/products?size=0").andExpect(status().isBadRequest());
    fixtures.get("/api/products?size=101").andExpect(status().isBadRequest());
    fixtures
        .get("/api/products?id=" + second)
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    fixtures
        .get("/api/products?noSuchParameter=1")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("noSuchParameter"));
    fixtures
        .get("/api/products?sort=noSuchField")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    fixtures.get("/api/products?id=abc").andExpect(status().isBadRequest());
  }
}
