package com.example.shop_backend.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Stores {@link OrderLine} rows. */
public interface OrderLineRepository
    extends JpaRepository<OrderLine, Long>, JpaSpecificationExecutor<OrderLine> {}
