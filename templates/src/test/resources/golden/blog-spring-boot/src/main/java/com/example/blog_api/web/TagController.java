package com.example.blog_api.web;

import com.example.blog_api.domain.TagRepository;
import com.example.blog_api.domain.Tag;
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
 * CRUD endpoints of Tag at {@code /api/tags}. Each request runs in one transaction, so
 * a unique or foreign key conflict found on flush answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/tags")
@Transactional
class TagController {

  /** Sort and filter keys of the list endpoint. */
  static final Map<String, ListQuery.Column> COLUMNS =
      Map.ofEntries(
          Map.entry("id", new ListQuery.Column("id", ListQuery.Kind.ID, true)),
          Map.entry("label", new ListQuery.Column("label", ListQuery.Kind.STRING, true)),
          Map.entry("createdAt", new ListQuery.Column("createdAt", ListQuery.Kind.DATETIME, false)),
          Map.entry("updatedAt", new ListQuery.Column("updatedAt", ListQuery.Kind.DATETIME, false))
          );

  private final TagRepository tagRepository;
  private final Patches patches;

  TagController(
      TagRepository tagRepository,
      Patches patches) {
    this.tagRepository = tagRepository;
    this.patches = patches;
  }

  /** Rows, filtered, sorted and paged by the query string. */
  @GetMapping
  @Transactional(readOnly = true)
  public ListResponse<TagResponse> list(@RequestParam MultiValueMap<String, String> params) {
    return ListQuery.list(
        params, COLUMNS, tagRepository, (root, query, cb) -> cb.conjunction(), TagResponse::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public TagResponse create(@Valid @RequestBody TagRequest request) {
    Tag row = new Tag();
    apply(row, request);
    return TagResponse.of(tagRepository.saveAndFlush(row));
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public TagResponse get(@PathVariable("id") long id) {
    return TagResponse.of(find(id));
  }

  /** Replaces every field: a field left out of the body becomes null. */
  @PutMapping("/{id}")
  public TagResponse replace(@PathVariable("id") long id, @Valid @RequestBody TagRequest request) {
    Tag row = find(id);
    apply(row, request);
    return TagResponse.of(tagRepository.saveAndFlush(row));
  }

  /** Changes only the fields the body names; the result must be valid like a replace. */
  @PatchMapping("/{id}")
  public TagResponse patch(
      @PathVariable("id") long id, @RequestBody Map<String, Object> changes) {
    Tag row = find(id);
    apply(row, patches.merge(TagResponse.of(row), changes, TagRequest.class));
    return TagResponse.of(tagRepository.saveAndFlush(row));
  }

  /** Deletes a row; 409 while other rows still refer to it. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable("id") long id) {
    tagRepository.delete(find(id));
    tagRepository.flush();
  }

  private Tag find(long id) {
    return tagRepository
        .findById(id)
        .orElseThrow(() -> ApiException.notFound("Tag " + id + " does not exist."));
  }

  private void apply(Tag row, TagRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    row.setLabel(request.label());
    if (!errors.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", errors);
    }
  }
}
