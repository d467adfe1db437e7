package com.example.shop_backend.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Registration, login and the bearer token every other endpoint needs. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class AuthApiTests {

  private static final String ADA = "{\"email\":\"Ada@Example.com\",\"password\":\"correct-horse-battery\"}";

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;

  @BeforeEach
  void emptyTables() {
    fixtures.reset();
  }

  @Test
  void requestsWithoutAValidTokenAreUnauthorized() throws Exception {
    mvc.perform(get("/api/customers"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(content().encoding("UTF-8"))
        .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
    mvc.perform(get("/api/customers").header("Authorization", "Bearer not-a-token"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void registersLogsInAndUsesTheToken() throws Exception {
    mvc.perform(post("/auth/register").contentType(MediaType.APPLICATION_JSON).content(ADA))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.email").value("ada@example.com"));
    mvc.perform(post("/auth/register").contentType(MediaType.APPLICATION_JSON).content(ADA))
        .andExpect(status().isConflict());
    String wrong = "{\"email\":\"ada@example.com\",\"password\":\"wrong-password\"}";
    mvc.perform(post("/auth/login").contentType(MediaType.APPLICATION_JSON).content(wrong))
        .andExpect(status().isUnauthorized());
    String answer =
        mvc.perform(post("/auth/login").contentType(MediaType.APPLICATION_JSON).content(ADA))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.tokenType").value("Bearer"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String token = JsonPath.read(answer, "$.accessToken");
    mvc.perform(get("/api/customers").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
  }

  @Test
  void rejectsInvalidCredentials() throws Exception {
    String invalid = "{\"email\":\"not-an-email\",\"password\":\"short\"}";
    mvc.perform(post("/auth/register").contentType(MediaType.APPLICATION_JSON).content(invalid))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists());
  }

  @Test
  void rejectsAPasswordLongerThanBcryptReads() throws Exception {
    String longer = "{\"email\":\"ada@example.com\",\"password\":\"" + "\u00e9".repeat(40) + "\"}";
    mvc.perform(post("/auth/register").contentType(MediaType.APPLICATION_JSON).content(longer))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("password"));
  }
}
