package com.example.blog_api.web;

import com.example.blog_api.domain.PostRepository;
import com.example.blog_api.domain.CategoryRepository;
import com.example.blog_api.domain.TagRepository;
import com.example.blog_api.domain.Post;
import com.example.blog_api.domain.Category;
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
 * CRUD endpoints of Post at {@code /api/posts}. Each request runs in one transaction, so
 * a unique or foreign key conflict found on flush answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/posts")
@Transactional
class PostController {

  /** Sort and filter keys of the list endpoint. */
  static final Map<String, ListQuery.Column> COLUMNS =
      Map.ofEntries(
          Map.entry("id", new ListQuery.Column("id", ListQuery.Kind.ID, true)),
          Map.entry("title", new ListQuery.Column("title", ListQuery.Kind.STRING, true)),
          Map.entry("body", new ListQuery.Column("body", ListQuery.Kind.TEXT, true)),
          Map.entry("publishedAt", new ListQuery.Column("publishedAt", ListQuery.Kind.DATETIME, true)),
          Map.entry("views", new ListQuery.Column("views", ListQuery.Kind.INTEGER, true)),
          Map.entry("categoryId", new ListQuery.Column("category.id", ListQuery.Kind.ID, true)),
          Map.entry("createdAt", new ListQuery.Column("createdAt", ListQuery.Kind.DATETIME, false)),
          Map.entry("updatedAt", new ListQuery.Column("updatedAt", ListQuery.Kind.DATETIME, false))
          );

  private final PostRepository postRepository;
  private final CategoryRepository categoryRepository;
  private final TagRepository tagRepository;
  private final Patches patches;

  PostController(
      PostRepository postRepository,
      CategoryRepository categoryRepository,
      TagRepository tagRepository,
      Patches patches) {
    this.postRepository = postRepository;
    this.categoryRepository = categoryRepository;
    this.tagRepository = tagRepository;
    this.patches = patches;
  }

  /** Rows, filtered, sorted and paged by the query string. */
  @GetMapping
  @Transactional(readOnly = true)
  public ListResponse<PostResponse> list(@RequestParam MultiValueMap<String, String> params) {
    return ListQuery.list(
        params, COLUMNS, postRepository, (root, query, cb) -> cb.conjunction(), PostResponse::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public PostResponse create(@Valid @RequestBody PostRequest request) {
    Post row = new Post();
    apply(row, request);
    return PostResponse.of(postRepository.saveAndFlush(row));
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public PostResponse get(@PathVariable("id") long id) {
    return PostResponse.of(find(id));
  }

  /** Replaces every field: a field left out of the body becomes null. */
  @PutMapping("/{id}")
  public PostResponse replace(@PathVariable("id") long id, @Valid @RequestBody PostRequest request) {
    Post row = find(id);
    apply(row, request);
    return PostResponse.of(postRepository.saveAndFlush(row));
  }

  /** Changes only the fields the body names; the result must be valid like a replace. */
  @PatchMapping("/{id}")
  public PostResponse patch(
      @PathVariable("id") long id, @RequestBody Map<String, Object> changes) {
    Post row = find(id);
    apply(row, patches.merge(PostResponse.of(row), changes, PostRequest.class));
    return PostResponse.of(postRepository.saveAndFlush(row));
  }

  /** Deletes a row; 409 while other rows still refer to it. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable("id") long id) {
    postRepository.delete(find(id));
    postRepository.flush();
  }

  /** The Tag rows this row's relation holds, listed like {@code /api/posts}. */
  @GetMapping("/{id}/tags")
  @Transactional(readOnly = true)
  public ListResponse<TagResponse> listTags(
      @PathVariable("id") long id, @RequestParam MultiValueMap<String, String> params) {
    List<Long> ids = find(id).getTags().stream().map(Tag::getId).toList();
    return ListQuery.list(
        params,
        TagController.COLUMNS,
        tagRepository,
        (root, query, cb) -> ids.isEmpty() ? cb.disjunction() : root.get("id").in(ids),
        TagResponse::of);
  }

  private Post find(long id) {
    return postRepository
        .findById(id)
        .orElseThrow(() -> ApiException.notFound("Post " + id + " does not exist."));
  }

  private void apply(Post row, PostRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    row.setTitle(request.title());
    row.setBody(request.body());
    row.setPublishedAt(request.publishedAt());
    row.setViews(request.views());
    row.setCategory(
        References.one(categoryRepository, request.categoryId(), "categoryId", "Category", errors));
    row.setTags(
        References.many(tagRepository, request.tagsIds(), "tagsIds", "Tag", errors));
    if (!errors.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", errors);
    }
  }
}
