package com.example.library_service.web;

import com.example.library_service.domain.AuthorRepository;
import com.example.library_service.domain.Author;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * CRUD endpoints of Author at {@code /api/authors}. Each request runs in one transaction, so
 * a unique or foreign key conflict found on flush answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/authors")
@Transactional
class AuthorController {

  /** Sort and filter keys of the list endpoint. */
  static final Map<String, ListQuery.Column> COLUMNS =
      Map.ofEntries(
          Map.entry("id", new ListQuery.Column("id", ListQuery.Kind.ID, true)),
          Map.entry("name", new ListQuery.Column("name", ListQuery.Kind.STRING, true)),
          Map.entry("born", new ListQuery.Column("born", ListQuery.Kind.DATE, true)),
          Map.entry("createdAt", new ListQuery.Column("createdAt", ListQuery.Kind.DATETIME, false)),
          Map.entry("updatedAt", new ListQuery.Column("updatedAt", ListQuery.Kind.DATETIME, false))
          );

  private final AuthorRepository authorRepository;
  private final Patches patches;

  AuthorController(
      AuthorRepository authorRepository,
      Patches patches) {
    this.authorRepository = authorRepository;
    this.patches = patches;
  }

  /** Rows, filtered, sorted and paged by the query string. */
  @GetMapping
  @Transactional(readOnly = true)
  public ListResponse<AuthorResponse> list(@RequestParam MultiValueMap<String, String> params) {
    return ListQuery.list(
        params, COLUMNS, authorRepository, (root, query, cb) -> cb.conjunction(), AuthorResponse::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public AuthorResponse create(@Valid @RequestBody AuthorRequest request) {
    Author row = new Author();
    apply(row, request);
    return AuthorResponse.of(authorRepository.saveAndFlush(row));
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public AuthorResponse get(@PathVariable("id") long id) {
    return AuthorResponse.of(find(id));
  }

  /** Replaces every field: a field left out of the body becomes null. */
  @PutMapping("/{id}")
  public AuthorResponse replace(@PathVariable("id") long id, @Valid @RequestBody AuthorRequest request) {
    Author row = find(id);
    apply(row, request);
    return AuthorResponse.of(authorRepository.saveAndFlush(row));
  }

  /** Changes only the fields the body names; the result must be valid like a replace. */
  @PatchMapping("/{id}")
  public AuthorResponse patch(
      @PathVariable("id") long id, @RequestBody Map<String, Object> changes) {
    Author row = find(id);
    apply(row, patches.merge(AuthorResponse.of(row), changes, AuthorRequest.class));
    return AuthorResponse.of(authorRepository.saveAndFlush(row));
  }

  /** Deletes a row; 409 while other rows still refer to it. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable("id") long id) {
    authorRepository.delete(find(id));
    authorRepository.flush();
  }

  private Author find(long id) {
    return authorRepository
        .findById(id)
        .orElseThrow(() -> ApiException.notFound("Author " + id + " does not exist."));
  }

  private void apply(Author row, AuthorRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    row.setName(request.name());
    row.setBorn(request.born());
    if (!errors.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", errors);
    }
  }
}
