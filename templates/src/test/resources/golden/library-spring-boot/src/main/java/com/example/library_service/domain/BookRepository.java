package com.example.library_service.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Stores {@link Book} rows. */
public interface BookRepository
    extends JpaRepository<Book, Long>, JpaSpecificationExecutor<Book> {}
