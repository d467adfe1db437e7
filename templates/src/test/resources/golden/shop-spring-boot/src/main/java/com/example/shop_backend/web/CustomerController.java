package com.example.shop_backend.web;

import com.example.shop_backend.domain.CustomerRepository;
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
 * CRUD endpoints of Customer at {@code /api/customers}. Each request runs in one transaction, so
 * a unique or foreign key conflict found on flush answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/customers")
@Transactional
class CustomerController {

  /** Sort and filter keys of the list endpoint. */
  static final Map<String, ListQuery.Column> COLUMNS =
      Map.ofEntries(
          Map.entry("id", new ListQuery.Column("id", ListQuery.Kind.ID, true)),
          Map.entry("email", new ListQuery.Column("email", ListQuery.Kind.STRING, true)),
          Map.entry("fullName", new ListQuery.Column("fullName", ListQuery.Kind.STRING, true)),
          Map.entry("vip", new ListQuery.Column("vip", ListQuery.Kind.BOOLEAN, true)),
          Map.entry("createdAt", new ListQuery.Column("createdAt", ListQuery.Kind.DATETIME, false)),
          Map.entry("updatedAt", new ListQuery.Column("updatedAt", ListQuery.Kind.DATETIME, false))
          );

  private final CustomerRepository customerRepository;
  private final Patches patches;

  CustomerController(
      CustomerRepository customerRepository,
      Patches patches) {
    this.customerRepository = customerRepository;
    this.patches = patches;
  }

  /** Rows, filtered, sorted and paged by the query string. */
  @GetMapping
  @Transactional(readOnly = true)
  public ListResponse<CustomerResponse> list(@RequestParam MultiValueMap<String, String> params) {
    return ListQuery.list(
        params, COLUMNS, customerRepository, (root, query, cb) -> cb.conjunction(), CustomerResponse::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public CustomerResponse create(@Valid @RequestBody CustomerRequest request) {
    Customer row = new Customer();
    apply(row, request);
    return CustomerResponse.of(customerRepository.saveAndFlush(row));
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public CustomerResponse get(@PathVariable("id") long id) {
    return CustomerResponse.of(find(id));
  }

  /** Replaces every field: a field left out of the body becomes null. */
  @PutMapping("/{id}")
  public CustomerResponse replace(@PathVariable("id") long id, @Valid @RequestBody CustomerRequest request) {
    Customer row = find(id);
    apply(row, request);
    return CustomerResponse.of(customerRepository.saveAndFlush(row));
  }

  /** Changes only the fields the body names; the result must be valid like a replace. */
  @PatchMapping("/{id}")
  public CustomerResponse patch(
      @PathVariable("id") long id, @RequestBody Map<String, Object> changes) {
    Customer row = find(id);
    apply(row, patches.merge(CustomerResponse.of(row), changes, CustomerRequest.class));
    return CustomerResponse.of(customerRepository.saveAndFlush(row));
  }

  /** Deletes a row; 409 while other rows still refer to it. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable("id") long id) {
    customerRepository.delete(find(id));
    customerRepository.flush();
  }

  private Customer find(long id) {
    return customerRepository
        .findById(id)
        .orElseThrow(() -> ApiException.notFound("Customer " + id + " does not exist."));
  }

  private void apply(Customer row, CustomerRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    row.setEmail(request.email());
    row.setFullName(request.fullName());
    row.setVip(request.vip());
    if (!errors.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", errors);
    }
  }
}
