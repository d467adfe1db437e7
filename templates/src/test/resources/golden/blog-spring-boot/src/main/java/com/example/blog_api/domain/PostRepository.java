package com.example.blog_api.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Stores {@link Post} rows. */
public interface PostRepository
    extends JpaRepository<Post, Long>, JpaSpecificationExecutor<Post> {}
