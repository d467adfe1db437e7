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

/** The endpoints of Order at {@code /api/orders}, through HTTP on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class OrderApiTests {

  @Autowired Fixtures fixtures;

  @BeforeEach
  void emptyTables() {
    fixtures.reset();
  }

  @Test
  void createsReadsReplacesAndDeletesARow() throws Exception {
    long id = fixtures.createOrder();
    fixtures
        .get("/api/orders/" + id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.status").value("NEW"))
        .andExpect(jsonPath("$.note").value("note-0"))
        .andExpect(jsonPath("$.createdAt").isNotEmpty())
        .andExpect(jsonPath("$.updatedAt").isNotEmpty());
    fixtures
        .put("/api/orders/" + id, fixtures.bodyOrder())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id));
    fixtures.delete("/api/orders/" + id).andExpect(status().isNoContent());
    fixtures
        .get("/api/orders/" + id)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/not-found"));
  }

  @Test
  void patchChangesOnlyTheGivenFields() throws Exception {
    long id = fixtures.createOrder();
    String before = Fixtures.text(fixtures.get("/api/orders/" + id));
    String after =
        Fixtures.text(
            fixtures
                .patch("/api/orders/" + id, "{\"status\":" + "\"PAID\"" + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID")));
    assertThat(fixtures.sameJson(before, after, "status", "updatedAt")).isTrue();
    fixtures
        .patch("/api/orders/" + id, "{\"placedAt\":" + "\"not-a-datetime\"" + "}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("placedAt"));
    fixtures.patch("/api/orders/987654321", "{}").andExpect(status().isNotFound());
  }

  @Test
  void rejectsInvalidBodiesWithTheFieldsAtFault() throws Exception {
    String body = fixtures.bodyOrder();
    fixtures.assertInvalid("/api/orders", fixtures.without(body, "placedAt"), "placedAt");
    fixtures.assertInvalid("/api/orders", fixtures.with(body, "placedAt", "\"not-a-datetime\""), "placedAt");
    fixtures.assertInvalid("/api/orders", fixtures.without(body, "status"), "status");
    fixtures.assertInvalid("/api/orders", fixtures.with(body, "status", "\"NOT_A_VALUE\""), "status");
    fixtures.assertInvalid("/api/orders", fixtures.without(body, "customerId"), "customerId");
    fixtures.post("/api/orders", "[1, 2]").andExpect(status().isBadRequest());
    fixtures.get("/api/orders").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void sortsByEveryColumnBothWays() throws Exception {
    long id = fixtures.createOrder();
    fixtures.get("/api/orders?sort=id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=-id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=placedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=-placedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=status").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=-status").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=note").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=-note").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=customerId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=-customerId").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=-createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/orders?sort=-updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
  }

  @Test
  void answersNotFoundForAnUnknownId() throws Exception {
    fixtures
        .get("/api/orders/987654321")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("Order 987654321 does not exist."));
    fixtures.delete("/api/orders/987654321").andExpect(status().isNotFound());
  }

  @Test
  void listsPagesSortsAndFilters() throws Exception {
    long first = fixtures.createOrder();
    long second = fixtures.createOrder();
    long third = fixtures.createOrder();
    fixtures
        .get("/api/orders?page=1&size=2&sort=-id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.items[0].id").value(third))
        .andExpect(jsonPath("$.items[1].id").value(second))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.total").value(3));
    fixtures
        .get("/api/orders?page=2&size=2&sort=-id")
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].id").value(first));
    fixtures.get("/api/orders?size=0").andExpect(status().isBadRequest());
    fixtures.get("/api/orders?size=101").andExpect(status().isBadRequest());
    fixtures
        .get("/api/orders?id=" + second)
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    long parent = fixtures.field(Fixtures.text(fixtures.get("/api/orders/" + second)), "customerId").asLong();
    fixtures
        .get("/api/orders?customerId=" + parent + "&sort=-customerId,id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    fixtures
        .get("/api/orders?noSuchParameter=1")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("noSuchParameter"));
    fixtures
        .get("/api/orders?sort=noSuchField")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    fixtures.get("/api/orders?id=abc").andExpect(status().isBadRequest());
  }

  @Test
  void rejectsAnUnknownCustomer() throws Exception {
    fixtures.assertInvalid(
        "/api/orders", fixtures.with(fixtures.bodyOrder(), "customerId", "987654321"), "customerId");
  }

  @Test
  void refusesToDeleteTheCustomerWhileARowRefersToIt() throws Exception {
    long id = fixtures.createOrder();
    long parent = fixtures.field(Fixtures.text(fixtures.get("/api/orders/" + id)), "customerId").asLong();
    fixtures
        .delete("/api/customers/" + parent)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("/problems/conflict"));
    fixtures.get("/api/customers/" + parent).andExpect(status().isOk());
  }
}
