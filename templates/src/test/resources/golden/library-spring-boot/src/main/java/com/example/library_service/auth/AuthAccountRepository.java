package com.example.library_service.auth;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stores accounts. */
public interface AuthAccountRepository extends JpaRepository<AuthAccount, Long> {

  Optional<AuthAccount> findByEmail(String email);

  boolean existsByEmail(String email);
}
