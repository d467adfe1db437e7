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

/** The endpoints of OrderLine at {@code /api/order-lines}, through HTTP on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class OrderLineApiTests {

  @Autowired Fixtures fixtures;

  @BeforeEach
  void emptyTables() {
    fixtures.reset();
  }

  @Test
  void createsReadsReplacesAndDeletesARow() throws Exception {
    long id = fixtures.createOrderLine();
    fixtures
        .get("/api/order-lines/" + id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.quantity").value(1L))
        .andExpect(jsonPath("$.createdAt").isNotEmpty())
        .andExpect(jsonPath("$.updatedAt").isNotEmpty());
    fixtures
        .put("/api/order-lines/" + id, fixtures.bodyOrderLine())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id));
    fixtures.delete("/api/order-lines/" + id).andExpect(status().isNoContent());
    fixtures
        .get("/api/order-lines/" + id)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/not-found"));
  }

  @Test
  void patchChangesOnlyTheGivenFields() throws Exception {
    long id = fixtures.createOrderLine();
    String before = Fixtures.text(fixtures.get("/api/order-lines/" + id));
    String after =
        Fixtures.text(
            fixtures
                .patch("/api/order-lines/" + id, "{\"quantity\":" + "2" + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quantity").value(2L)));
    assertThat(fixtures.sameJson(before, after, "quantity", "updatedAt")).isTrue();
    fixtures
        .patch("/api/order-lines/" + id, "{\"quantity\":" + "\"not-a-number\"" + "}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("quantity"));
    fixtures.patch("/api/order-lines/987654321", "{}").andExpect(status().isNotFound());
  }

  @Test
  void rejectsInvalidBodiesWithTheFieldsAtFault() throws Exception {
    String body = fixtures.bodyOrderLine();
    fixtures.assertInvalid("/api/order-lines", fixtures.without(body, "quantity"), "quantity");
    fixtures.assertInvalid("/api/order-lines", fixtures.with(body, "quantity", "\"not-a-number\""), "quantity");
    fixtures.assertInvalid("/api/order-lines", fixtures.with(body, "quantity", "0"), "quantity");
    fixtures.assertInvalid("/api/order-lines", fixtures.without(body, "unitPrice"), "unitPrice");
    fixtures.assertInvalid("/api/order-lines", fixtures.with(body, "unitPrice", "\"not-a-number\""), "unitPrice");
    fixtures.assertInvalid("/api/order-lines", fixtures.with(body, "unitPrice", "-1"), "unitPrice");
    fixtures.assertInvalid("/api/order-lines", fixtures.without(body, "orderId"), "orderId");
    fixtures.assertInvalid("/api/order-lines", fixtures.without(body, "productId"), "productId");
    fixtures.post("/api/order-lines", "[1, 2]").andExpect(status().isBadRequest());
    fixtures.get("/api/order-lines").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void sortsByEveryColumnBothWays() throws Exception {
    long id = fixtures.createOrderLine();
    fixtures.get("/api/order-lines?sort=id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=-id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=quantity").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=-quantity").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=unitPrice").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=-unitPrice").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=orderId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=-orderId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=productId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=-productId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=-createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/order-lines?sort=-updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
  }

  @Test
  void answersNotFoundForAnUnknownId() throws Exception {
    fixtures
        .get("/api/order-lines/987654321")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("OrderLine 987654321 does not exist."));
    fixtures.delete("/api/order-lines/987654321").andExpect(status().isNotFound());
  }

  @Test
  void listsPagesSortsAndFilters() throws Exception {
    long first = fixtures.createOrderLine();
    long second = fixtures.createOrderLine();
    long third = fixtures.createOrderLine();
    fixtures
        .get("/api/order-lines?page=1&size=2&sort=-id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.items[0].id").value(third))
        .andExpect(jsonPath("$.items[1].id").value(second))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.total").value(3));
    fixtures
        .get("/api/order-lines?page=2&size=2&sort=-id")
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].id").value(first));
    fixtures.get("/api/order-lines?size=0").andExpect(status().isBadRequest());
    fixtures.get("/api/order-lines?size=101").andExpect(status().isBadRequest());
    fixtures
        .get("/api/order-lines?id=" + second)
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    long parent = fixtures.field(Fixtures.text(fixtures.get("/api/order-lines/" + second)), "orderId").asLong();
    fixtures
        .get("/api/order-lines?orderId=" + parent + "&sort=-orderId,id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    fixtures
        .get("/api/order-lines?noSuchParameter=1")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("noSuchParameter"));
    fixtures
        .get("/api/order-lines?sort=noSuchField")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    fixtures.get("/api/order-lines?id=abc").andExpect(status().isBadRequest());
  }

  @Test
  void rejectsAnUnknownOrder() throws Exception {
    fixtures.assertInvalid(
        "/api/order-lines", fixtures.with(fixtures.bodyOrderLine(), "orderId", "987654321"), "orderId");
  }

  @Test
  void refusesToDeleteTheOrderWhileARowRefersToIt() throws Exception {
    long id = fixtures.createOrderLine();
    long parent = fixtures.field(Fixtures.text(fixtures.get("/api/order-lines/" + id)), "orderId").asLong();
    fixtures
        .delete("/api/orders/" + parent)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("/problems/conflict"));
    fixtures.get("/api/orders/" + parent).andExpect(status().isOk());
  }

  @Test
  void rejectsAnUnknownProduct() throws Exception {
    fixtures.assertInvalid(
        "/api/order-lines", fixtures.with(fixtures.bodyOrderLine(), "productId", "987654321"), "productId");
  }

  @Test
  void refusesToDeleteTheProductWhileARowRefersToIt() throws Exception {
    long id = fixtures.createOrderLine();
    long parent = fixtures.field(Fixtures.text(fixtures.get("/api/order-lines/" + id)), "productId").asLong();
    fixtures
        .delete("/api/products/" + parent)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("/problems/conflict"));
    fixtures.get("/api/products/" + parent).andExpect(status().isOk());
  }
}
