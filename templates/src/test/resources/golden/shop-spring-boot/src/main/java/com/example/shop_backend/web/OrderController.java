package com.example.shop_backend.web;

import com.example.shop_backend.domain.OrderRepository;
import com.example.shop_backend.domain.CustomerRepository;
import com.example.shop_backend.domain.Order;
import com.example.shop_backend.domain.Customer;
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
 * CRUD endpoints of Order at {@code /api/orders}. Each request runs in one transaction, so
 * a unique or foreign key conflict found on flush answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/orders")
@Transactional
class OrderController {

  /** Sort and filter keys of the list endpoint. */
  static final Map<String, ListQuery.Column> COLUMNS =
      Map.ofEntries(
          Map.entry("id", new ListQuery.Column("id", ListQuery.Kind.ID, true)),
          Map.entry("placedAt", new ListQuery.Column("placedAt", ListQuery.Kind.DATETIME, true)),
          Map.entry("status", new ListQuery.Column("status", ListQuery.Kind.ENUM, true)),
          Map.entry("note", new ListQuery.Column("note", ListQuery.Kind.TEXT, true)),
          Map.entry("customerId", new ListQuery.Column("customer.id", ListQuery.Kind.ID, true)),
          Map.entry("createdAt", new ListQuery.Column("createdAt", ListQuery.Kind.DATETIME, false)),
          Map.entry("updatedAt", new ListQuery.Column("updatedAt", ListQuery.Kind.DATETIME, false))
          );

  private final OrderRepository orderRepository;
  private final CustomerRepository customerRepository;
  private final Patches patches;

  OrderController(
      OrderRepository orderRepository,
      CustomerRepository customerRepository,
      Patches patches) {
    this.orderRepository = orderRepository;
    this.customerRepository = customerRepository;
    this.patches = patches;
  }

  /** Rows, filtered, sorted and paged by the query string. */
  @GetMapping
  @Transactional(readOnly = true)
  public ListResponse<OrderResponse> list(@RequestParam MultiValueMap<String, String> params) {
    return ListQuery.list(
        params, COLUMNS, orderRepository, (root, query, cb) -> cb.conjunction(), OrderResponse::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public OrderResponse create(@Valid @RequestBody OrderRequest request) {
    Order row = new Order();
    apply(row, request);
    return OrderResponse.of(orderRepository.saveAndFlush(row));
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public OrderResponse get(@PathVariable("id") long id) {
    return OrderResponse.of(find(id));
  }

  /** Replaces every field: a field left out of the body becomes null. */
  @PutMapping("/{id}")
  public OrderResponse replace(@PathVariable("id") long id, @Valid @RequestBody OrderRequest request) {
    Order row = find(id);
    apply(row, request);
    return OrderResponse.of(orderRepository.saveAndFlush(row));
  }

  /** Changes only the fields the body names; the result must be valid like a replace. */
  @PatchMapping("/{id}")
  public OrderResponse patch(
      @PathVariable("id") long id, @RequestBody Map<String, Object> changes) {
    Order row = find(id);
    apply(row, patches.merge(OrderResponse.of(row), changes, OrderRequest.class));
    return OrderResponse.of(orderRepository.saveAndFlush(row));
  }

  /** Deletes a row; 409 while other rows still refer to it. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable("id") long id) {
    orderRepository.delete(find(id));
    orderRepository.flush();
  }

  private Order find(long id) {
    return orderRepository
        .findById(id)
        .orElseThrow(() -> ApiException.notFound("Order " + id + " does not exist."));
  }

  private void apply(Order row, OrderRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    row.setPlacedAt(request.placedAt());
    row.setStatus(request.status());
    row.setNote(request.note());
    row.setCustomer(
        References.one(customerRepository, request.customerId(), "customerId", "Customer", errors));
    if (!errors.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", errors);
    }
  }
}
