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

/** The endpoints of Customer at {@code /api/customers}, through HTTP on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class CustomerApiTests {

  @Autowired Fixtures fixtures;

  @BeforeEach
  void emptyTables() {
    fixtures.reset();
  }

  @Test
  void createsReadsReplacesAndDeletesARow() throws Exception {
    long id = fixtures.createCustomer();
    fixtures
        .get("/api/customers/" + id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.email").value("qzE-X\\s\"A_NCqkU)<ms!3Y\\rFU+u8Iqb2?$5qh*zaqOq;AC~(qAz\"0w{ZG,gUtoEC|QBn[u$&^ni=Ql}G9~J+9%bR]eMuhw@ebR5-a{4,B:TQmD%,_3W*}W=nHWe+bk,PD'F\"H9M\\56aPb.XA%p5DKq>#!+];#OQQu)>b3nlSP'zyP~r1Ry"))
        .andExpect(jsonPath("$.fullName").value("fullName-0"))
        .andExpect(jsonPath("$.vip").value(true))
        .andExpect(jsonPath("$.createdAt").isNotEmpty())
        .andExpect(jsonPath("$.updatedAt").isNotEmpty());
    fixtures
        .put("/api/customers/" + id, fixtures.bodyCustomer())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id));
    fixtures.delete("/api/customers/" + id).andExpect(status().isNoContent());
    fixtures
        .get("/api/customers/" + id)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/not-found"));
  }

  @Test
  void patchChangesOnlyTheGivenFields() throws Exception {
    long id = fixtures.createCustomer();
    String before = Fixtures.text(fixtures.get("/api/customers/" + id));
    String after =
        Fixtures.text(
            fixtures
                .patch("/api/customers/" + id, "{\"email\":" + "\"8_/eP[$2Y'q6@9kT|Z(iH8Uuis|ANZb!~61(14+gh3`V%\"" + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("8_/eP[$2Y'q6@9kT|Z(iH8Uuis|ANZb!~61(14+gh3`V%")));
    assertThat(fixtures.sameJson(before, after, "email", "updatedAt")).isTrue();
    fixtures
        .patch("/api/customers/" + id, "{\"email\":" + "\"qzE-X\\\\s\\\"A_NCqkU)<ms!3Y\\\\rFU+u8Iqb2?$5qh*zaqOq;AC~(qAz\\\"0w{ZG,gUtoEC|QBn[u$&^ni=Ql}G9~J+9%bR]eMuhw@ebR5-a{4,B:TQmD%,_3W*}W=nHWe+bk,PD'F\\\"H9M\\\\56aPb.XA%p5DKq>#!+];#OQQu)>b3nlSP'zyP~r1Ryaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"" + "}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("email"));
    fixtures.patch("/api/customers/987654321", "{}").andExpect(status().isNotFound());
  }

  @Test
  void rejectsInvalidBodiesWithTheFieldsAtFault() throws Exception {
    String body = fixtures.bodyCustomer();
    fixtures.assertInvalid("/api/customers", fixtures.without(body, "email"), "email");
    fixtures.assertInvalid("/api/customers", fixtures.with(body, "email", "\"qzE-X\\\\s\\\"A_NCqkU)<ms!3Y\\\\rFU+u8Iqb2?$5qh*zaqOq;AC~(qAz\\\"0w{ZG,gUtoEC|QBn[u$&^ni=Ql}G9~J+9%bR]eMuhw@ebR5-a{4,B:TQmD%,_3W*}W=nHWe+bk,PD'F\\\"H9M\\\\56aPb.XA%p5DKq>#!+];#OQQu)>b3nlSP'zyP~r1Ryaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""), "email");
    fixtures.assertInvalid("/api/customers", fixtures.with(body, "email", "\" @@@  @  @@@    @  @ @@@ @    @@   @ @ @@   @ @@ @@ @ @@@@@ @@  @ @@ @    @  @ @  @@@@@@ @ @ @@;@@ @@@@ @ @ @ @@  @@@  @\""), "email");
    fixtures.assertInvalid("/api/customers", fixtures.without(body, "fullName"), "fullName");
    fixtures.assertInvalid("/api/customers", fixtures.with(body, "fullName", "\"fullName-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""), "fullName");
    fixtures.assertInvalid("/api/customers", fixtures.with(body, "vip", "\"maybe\""), "vip");
    fixtures.post("/api/customers", "[1, 2]").andExpect(status().isBadRequest());
    fixtures.get("/api/customers").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void sortsByEveryColumnBothWays() throws Exception {
    long id = fixtures.createCustomer();
    fixtures.get("/api/customers?sort=id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/customers?sort=-id").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/customers?sort=email").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/customers?sort=-email").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/customers?sort=fullName").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/customers?sort=-fullName").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/customers?sort=vip").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/customers?sort=-vip").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/customers?sort=createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/customers?sort=-createdAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/customers?sort=updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
    fixtures.get("/api/customers?sort=-updatedAt").andExpect(jsonPath("$.items[0].id").value(id));
  }

  @Test
  void answersNotFoundForAnUnknownId() throws Exception {
    fixtures
        .get("/api/customers/987654321")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("Customer 987654321 does not exist."));
    fixtures.delete("/api/customers/987654321").andExpect(status().isNotFound());
  }

  @Test
  void answersConflictForATakenUniqueValue() throws Exception {
    long id = fixtures.createCustomer();
    String existing = Fixtures.text(fixtures.get("/api/customers/" + id));
    fixtures
        .post("/api/customers", fixtures.without(existing, "id", "createdAt", "updatedAt"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/conflict"));
    fixtures.get("/api/customers").andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void listsPagesSortsAndFilters() throws Exception {
    long first = fixtures.createCustomer();
    long second = fixtures.createCustomer();
    long third = fixtures.createCustomer();
    fixtures
        .get("/api/customers?page=1&size=2&sort=-id")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.items[0].id").value(third))
        .andExpect(jsonPath("$.items[1].id").value(second))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.total").value(3));
    fixtures
        .get("/api/customers?page=2&size=2&sort=-id")
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].id").value(first));
    fixtures.get("/api/customers?size=0").andExpect(status().isBadRequest());
    fixtures.get("/api/customers?size=101").andExpect(status().isBadRequest());
    fixtures
        .get("/api/customers?id=" + second)
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second));
    fixtures
        .get("/api/customers?noSuchParameter=1")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("noSuchParameter"));
    fixtures
        .get("/api/customers?sort=noSuchField")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    fixtures.get("/api/customers?id=abc").andExpect(status().isBadRequest());
  }
}
