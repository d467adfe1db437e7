package com.example.blog_api.web;

import com.example.blog_api.domain.CommentRepository;
import com.example.blog_api.domain.PostRepository;
import com.example.blog_api.domain.Comment;
import com.example.blog_api.domain.Post;
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
 * CRUD endpoints of Comment at {@code /api/comments}. Each request runs in one transaction, so
 * a unique or foreign key conflict found on flush answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/comments")
@Transactional
class CommentController {

  /** Sort and filter keys of the list endpoint. */
  static final Map<String, ListQuery.Column> COLUMNS =
      Map.ofEntries(
          Map.entry("id", new ListQuery.Column("id", ListQuery.Kind.ID, true)),
          Map.entry("author", new ListQuery.Column("author", ListQuery.Kind.STRING, true)),
          Map.entry("text", new ListQuery.Column("text", ListQuery.Kind.TEXT, true)),
          Map.entry("postId", new ListQuery.Column("post.id", ListQuery.Kind.ID, true)),
          Map.entry("createdAt", new ListQuery.Column("createdAt", ListQuery.Kind.DATETIME, false)),
          Map.entry("updatedAt", new ListQuery.Column("updatedAt", ListQuery.Kind.DATETIME, false))
          );

  private final CommentRepository commentRepository;
  private final PostRepository postRepository;
  private final Patches patches;

  CommentController(
      CommentRepository commentRepository,
      PostRepository postRepository,
      Patches patches) {
    this.commentRepository = commentRepository;
    this.postRepository = postRepository;
    this.patches = patches;
  }

  /** Rows, filtered, sorted and paged by the query string. */
  @GetMapping
  @Transactional(readOnly = true)
  public ListResponse<CommentResponse> list(@RequestParam MultiValueMap<String, String> params) {
    return ListQuery.list(
        params, COLUMNS, commentRepository, (root, query, cb) -> cb.conjunction(), CommentResponse::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public CommentResponse create(@Valid @RequestBody CommentRequest request) {
    Comment row = new Comment();
    apply(row, request);
    return CommentResponse.of(commentRepository.saveAndFlush(row));
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public CommentResponse get(@PathVariable("id") long id) {
    return CommentResponse.of(find(id));
  }

  /** Replaces every field: a field left out of the body becomes null. */
  @PutMapping("/{id}")
  public CommentResponse replace(@PathVariable("id") long id, @Valid @RequestBody CommentRequest request) {
    Comment row = find(id);
    apply(row, request);
    return CommentResponse.of(commentRepository.saveAndFlush(row));
  }

  /** Changes only the fields the body names; the result must be valid like a replace. */
  @PatchMapping("/{id}")
  public CommentResponse patch(
      @PathVariable("id") long id, @RequestBody Map<String, Object> changes) {
    Comment row = find(id);
    apply(row, patches.merge(CommentResponse.of(row), changes, CommentRequest.class));
    return CommentResponse.of(commentRepository.saveAndFlush(row));
  }

  /** Deletes a row; 409 while other rows still refer to it. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable("id") long id) {
    commentRepository.delete(find(id));
    commentRepository.flush();
  }

  private Comment find(long id) {
    return commentRepository
        .findById(id)
        .orElseThrow(() -> ApiException.notFound("Comment " + id + " does not exist."));
  }

  private void apply(Comment row, CommentRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    row.setAuthor(request.author());
    row.setText(request.text());
    row.setPost(
        References.one(postRepository, request.postId(), "postId", "Post", errors));
    if (!errors.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", errors);
    }
  }
}
