package com.example.library_service.web;

import com.example.library_service.domain.BookRepository;
import com.example.library_service.domain.AuthorRepository;
import com.example.library_service.domain.Book;
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
 * CRUD endpoints of Book at {@code /api/books}. Each request runs in one transaction, so
 * a unique or foreign key conflict found on flush answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/books")
@Transactional
class BookController {

  /** Sort and filter keys of the list endpoint. */
  static final Map<String, ListQuery.Column> COLUMNS =
      Map.ofEntries(
          Map.entry("id", new ListQuery.Column("id", ListQuery.Kind.ID, true)),
          Map.entry("title", new ListQuery.Column("title", ListQuery.Kind.STRING, true)),
          Map.entry("isbn", new ListQuery.Column("isbn", ListQuery.Kind.STRING, true)),
          Map.entry("price", new ListQuery.Column("price", ListQuery.Kind.DECIMAL, true)),
          Map.entry("published", new ListQuery.Column("published", ListQuery.Kind.BOOLEAN, true)),
          Map.entry("authorId", new ListQuery.Column("author.id", ListQuery.Kind.ID, true)),
          Map.entry("createdAt", new ListQuery.Column("createdAt", ListQuery.Kind.DATETIME, false)),
          Map.entry("updatedAt", new ListQuery.Column("updatedAt", ListQuery.Kind.DATETIME, false))
          );

  private final BookRepository bookRepository;
  private final AuthorRepository authorRepository;
  private final Patches patches;

  BookController(
      BookRepository bookRepository,
      AuthorRepository authorRepository,
      Patches patches) {
    this.bookRepository = bookRepository;
    this.authorRepository = authorRepository;
    this.patches = patches;
  }

  /** Rows, filtered, sorted and paged by the query string. */
  @GetMapping
  @Transactional(readOnly = true)
  public ListResponse<BookResponse> list(@RequestParam MultiValueMap<String, String> params) {
    return ListQuery.list(
        params, COLUMNS, bookRepository, (root, query, cb) -> cb.conjunction(), BookResponse::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public BookResponse create(@Valid @RequestBody BookRequest request) {
    Book row = new Book();
    apply(row, request);
    return BookResponse.of(bookRepository.saveAndFlush(row));
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public BookResponse get(@PathVariable("id") long id) {
    return BookResponse.of(find(id));
  }

  /** Replaces every field: a field left out of the body becomes null. */
  @PutMapping("/{id}")
  public BookResponse replace(@PathVariable("id") long id, @Valid @RequestBody BookRequest request) {
    Book row = find(id);
    apply(row, request);
    return BookResponse.of(bookRepository.saveAndFlush(row));
  }

  /** Changes only the fields the body names; the result must be valid like a replace. */
  @PatchMapping("/{id}")
  public BookResponse patch(
      @PathVariable("id") long id, @RequestBody Map<String, Object> changes) {
    Book row = find(id);
    apply(row, patches.merge(BookResponse.of(row), changes, BookRequest.class));
    return BookResponse.of(bookRepository.saveAndFlush(row));
  }

  /** Deletes a row; 409 while other rows still refer to it. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable("id") long id) {
    bookRepository.delete(find(id));
    bookRepository.flush();
  }

  private Book find(long id) {
    return bookRepository
        .findById(id)
        .orElseThrow(() -> ApiException.notFound("Book " + id + " does not exist."));
  }

  private void apply(Book row, BookRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    row.setTitle(request.title());
    row.setIsbn(request.isbn());
    row.setPrice(request.price());
    row.setPublished(request.published());
    row.setAuthor(
        References.one(authorRepository, request.authorId(), "authorId", "Author", errors));
    if (!errors.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", errors);
    }
  }
}
