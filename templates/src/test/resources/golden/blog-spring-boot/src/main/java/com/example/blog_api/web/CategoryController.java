package com.example.blog_api.web;

import com.example.blog_api.domain.CategoryRepository;
import com.example.blog_api.domain.Category;
import com.example.blog_api.domain.Category;
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
 * CRUD endpoints of Category at {@code /api/categories}. Each request runs in one transaction, so
 * a unique or foreign key conflict found on flush answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/categories")
@Transactional
class CategoryController {

  /** Sort and filter keys of the list endpoint. */
  static final Map<String, ListQuery.Column> COLUMNS =
      Map.ofEntries(
          Map.entry("id", new ListQuery.Column("id", ListQuery.Kind.ID, true)),
          Map.entry("title", new ListQuery.Column("title", ListQuery.Kind.STRING, true)),
          Map.entry("parentId", new ListQuery.Column("parent.id", ListQuery.Kind.ID, true)),
          Map.entry("createdAt", new ListQuery.Column("createdAt", ListQuery.Kind.DATETIME, false)),
          Map.entry("updatedAt", new ListQuery.Column("updatedAt", ListQuery.Kind.DATETIME, false))
          );

  private final CategoryRepository categoryRepository;
  private final Patches patches;

  CategoryController(
      CategoryRepository categoryRepository,
      Patches patches) {
    this.categoryRepository = categoryRepository;
    this.patches = patches;
  }

  /** Rows, filtered, sorted and paged by the query string. */
  @GetMapping
  @Transactional(readOnly = true)
  public ListResponse<CategoryResponse> list(@RequestParam MultiValueMap<String, String> params) {
    return ListQuery.list(
        params, COLUMNS, categoryRepository, (root, query, cb) -> cb.conjunction(), CategoryResponse::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public CategoryResponse create(@Valid @RequestBody CategoryRequest request) {
    Category row = new Category();
    apply(row, request);
    return CategoryResponse.of(categoryRepository.saveAndFlush(row));
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public CategoryResponse get(@PathVariable("id") long id) {
    return CategoryResponse.of(find(id));
  }

  /** Replaces every field: a field left out of the body becomes null. */
  @PutMapping("/{id}")
  public CategoryResponse replace(@PathVariable("id") long id, @Valid @RequestBody CategoryRequest request) {
    Category row = find(id);
    apply(row, request);
    return CategoryResponse.of(categoryRepository.saveAndFlush(row));
  }

  /** Changes only the fields the body names; the result must be valid like a replace. */
  @PatchMapping("/{id}")
  public CategoryResponse patch(
      @PathVariable("id") long id, @RequestBody Map<String, Object> changes) {
    Category row = find(id);
    apply(row, patches.merge(CategoryResponse.of(row), changes, CategoryRequest.class));
    return CategoryResponse.of(categoryRepository.saveAndFlush(row));
  }

  /** Deletes a row; 409 while other rows still refer to it. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable("id") long id) {
    categoryRepository.delete(find(id));
    categoryRepository.flush();
  }

  private Category find(long id) {
    return categoryRepository
        .findById(id)
        .orElseThrow(() -> ApiException.notFound("Category " + id + " does not exist."));
  }

  private void apply(Category row, CategoryRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    row.setTitle(request.title());
    row.setParent(
        References.one(categoryRepository, request.parentId(), "parentId", "Category", errors));
    if (!errors.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", errors);
    }
  }
}
