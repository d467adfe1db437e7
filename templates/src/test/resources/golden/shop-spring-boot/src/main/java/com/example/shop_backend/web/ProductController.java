package com.example.shop_backend.web;

import com.example.shop_backend.domain.ProductRepository;
import com.example.shop_backend.domain.Product;
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
 * CRUD endpoints of Product at {@code /api/products}. Each request runs in one transaction, so
 * a unique or foreign key conflict found on flush answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/products")
@Transactional
class ProductController {

  /** Sort and filter keys of the list endpoint. */
  static final Map<String, ListQuery.Column> COLUMNS =
      Map.ofEntries(
          Map.entry("id", new ListQuery.Column("id", ListQuery.Kind.ID, true)),
          Map.entry("sku", new ListQuery.Column("sku", ListQuery.Kind.STRING, true)),
          Map.entry("name", new ListQuery.Column("name", ListQuery.Kind.STRING, true)),
          Map.entry("price", new ListQuery.Column("price", ListQuery.Kind.DECIMAL, true)),
          Map.entry("stock", new ListQuery.Column("stock", ListQuery.Kind.INTEGER, true)),
          Map.entry("publicId", new ListQuery.Column("publicId", ListQuery.Kind.UUID, true)),
          Map.entry("createdAt", new ListQuery.Column("createdAt", ListQuery.Kind.DATETIME, false)),
          Map.entry("updatedAt", new ListQuery.Column("updatedAt", ListQuery.Kind.DATETIME, false))
          );

  private final ProductRepository productRepository;
  private final Patches patches;

  ProductController(
      ProductRepository productRepository,
      Patches patches) {
    this.productRepository = productRepository;
    this.patches = patches;
  }

  /** Rows, filtered, sorted and paged by the query string. */
  @GetMapping
  @Transactional(readOnly = true)
  public ListResponse<ProductResponse> list(@RequestParam MultiValueMap<String, String> params) {
    return ListQuery.list(
        params, COLUMNS, productRepository, (root, query, cb) -> cb.conjunction(), ProductResponse::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public ProductResponse create(@Valid @RequestBody ProductRequest request) {
    Product row = new Product();
    apply(row, request);
    return ProductResponse.of(productRepository.saveAndFlush(row));
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public ProductResponse get(@PathVariable("id") long id) {
    return ProductResponse.of(find(id));
  }

  /** Replaces every field: a field left out of the body becomes null. */
  @PutMapping("/{id}")
  public ProductResponse replace(@PathVariable("id") long id, @Valid @RequestBody ProductRequest request) {
    Product row = find(id);
    apply(row, request);
    return ProductResponse.of(productRepository.saveAndFlush(row));
  }

  /** Changes only the fields the body names; the result must be valid like a replace. */
  @PatchMapping("/{id}")
  public ProductResponse patch(
      @PathVariable("id") long id, @RequestBody Map<String, Object> changes) {
    Product row = find(id);
    apply(row, patches.merge(ProductResponse.of(row), changes, ProductRequest.class));
    return ProductResponse.of(productRepository.saveAndFlush(row));
  }

  /** Deletes a row; 409 while other rows still refer to it. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable("id") long id) {
    productRepository.delete(find(id));
    productRepository.flush();
  }

  private Product find(long id) {
    return productRepository
        .findById(id)
        .orElseThrow(() -> ApiException.notFound("Product " + id + " does not exist."));
  }

  private void apply(Product row, ProductRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    row.setSku(request.sku());
    row.setName(request.name());
    row.setPrice(request.price());
    row.setStock(request.stock());
    row.setPublicId(request.publicId());
    if (!errors.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", errors);
    }
  }
}
