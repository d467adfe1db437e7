package com.example.blog_api.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Stores {@link Tag} rows. */
public interface TagRepository
    extends JpaRepository<Tag, Long>, JpaSpecificationExecutor<Tag> {}
