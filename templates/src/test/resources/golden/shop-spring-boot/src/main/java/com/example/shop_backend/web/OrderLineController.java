package com.example.shop_backend.web;

import com.example.shop_backend.domain.OrderLineRepository;
import com.example.shop_backend.domain.OrderRepository;
import com.example.shop_backend.domain.ProductRepository;
import com.example.shop_backend.domain.OrderLine;
import com.example.shop_backend.domain.Order;
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
 * CRUD endpoints of OrderLine at {@code /api/order-lines}. Each request runs in one transaction, so
 * a unique or foreign key conflict found on flush answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/order-lines")
@Transactional
class OrderLineController {

  /** Sort and filter keys of the list endpoint. */
  static final Map<String, ListQuery.Column> COLUMNS =
      Map.ofEntries(
          Map.entry("id", new ListQuery.Column("id", ListQuery.Kind.ID, true)),
          Map.entry("quantity", new ListQuery.Column("quantity", ListQuery.Kind.INTEGER, true)),
          Map.entry("unitPrice", new ListQuery.Column("unitPrice", ListQuery.Kind.DECIMAL, true)),
          Map.entry("orderId", new ListQuery.Column("order.id", ListQuery.Kind.ID, true)),
          Map.entry("productId", new ListQuery.Column("product.id", ListQuery.Kind.ID, true)),
          Map.entry("createdAt", new ListQuery.Column("createdAt", ListQuery.Kind.DATETIME, false)),
          Map.entry("updatedAt", new ListQuery.Column("updatedAt", ListQuery.Kind.DATETIME, false))
          );

  private final OrderLineRepository orderLineRepository;
  private final OrderRepository orderRepository;
  private final ProductRepository productRepository;
  private final Patches patches;

  OrderLineController(
      OrderLineRepository orderLineRepository,
      OrderRepository orderRepository,
      ProductRepository productRepository,
      Patches patches) {
    this.orderLineRepository = orderLineRepository;
    this.orderRepository = orderRepository;
    this.productRepository = productRepository;
    this.patches = patches;
  }

  /** Rows, filtered, sorted and paged by the query string. */
  @GetMapping
  @Transactional(readOnly = true)
  public ListResponse<OrderLineResponse> list(@RequestParam MultiValueMap<String, String> params) {
    return ListQuery.list(
        params, COLUMNS, orderLineRepository, (root, query, cb) -> cb.conjunction(), OrderLineResponse::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public OrderLineResponse create(@Valid @RequestBody OrderLineRequest request) {
    OrderLine row = new OrderLine();
    apply(row, request);
    return OrderLineResponse.of(orderLineRepository.saveAndFlush(row));
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public OrderLineResponse get(@PathVariable("id") long id) {
    return OrderLineResponse.of(find(id));
  }

  /** Replaces every field: a field left out of the body becomes null. */
  @PutMapping("/{id}")
  public OrderLineResponse replace(@PathVariable("id") long id, @Valid @RequestBody OrderLineRequest request) {
    OrderLine row = find(id);
    apply(row, request);
    return OrderLineResponse.of(orderLineRepository.saveAndFlush(row));
  }

  /** Changes only the fields the body names; the result must be valid like a replace. */
  @PatchMapping("/{id}")
  public OrderLineResponse patch(
      @PathVariable("id") long id, @RequestBody Map<String, Object> changes) {
    OrderLine row = find(id);
    apply(row, patches.merge(OrderLineResponse.of(row), changes, OrderLineRequest.class));
    return OrderLineResponse.of(orderLineRepository.saveAndFlush(row));
  }

  /** Deletes a row; 409 while other rows still refer to it. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable("id") long id) {
    orderLineRepository.delete(find(id));
    orderLineRepository.flush();
  }

  private OrderLine find(long id) {
    return orderLineRepository
        .findById(id)
        .orElseThrow(() -> ApiException.notFound("OrderLine " + id + " does not exist."));
  }

  private void apply(OrderLine row, OrderLineRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    row.setQuantity(request.quantity());
    row.setUnitPrice(request.unitPrice());
    row.setOrder(
        References.one(orderRepository, request.orderId(), "orderId", "Order", errors));
    row.setProduct(
        References.one(productRepository, request.productId(), "productId", "Product", errors));
    if (!errors.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", errors);
    }
  }
}
