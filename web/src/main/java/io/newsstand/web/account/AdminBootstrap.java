package io.newsstand.web.account;

import io.newsstand.web.startup.InvalidSettingException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes the first admin at start-up from {@code newsstand.admin.*}: creates the
 * account, or gives an existing account with that address the admin role (its
 * password is left alone).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AdminProperties properties;

	private final AccountService accounts;

	private final AccountStore store;

	AdminBootstrap(AdminProperties properties, AccountService accounts, AccountStore store) {
		this.properties = properties;
		this.accounts = accounts;
		this.store = store;
	}

	@Override
	public void run(ApplicationArguments args) {
		String email = this.properties.email();
		if (email == null || email.isBlank()) {
			return;
		}
		var existing = this.store.findByEmail(email);
		if (existing.isPresent()) {
			if (!existing.get().admin()) {
				Set<String> roles = new LinkedHashSet<>(existing.get().roles());
				roles.add(Account.ADMIN);
				this.store.updateRoles(existing.get().id(), roles);
				log.info("Gave the admin role to the existing account {}", existing.get().email());
			}
			return;
		}
		String password = this.properties.password();
		if (password == null || password.isEmpty()) {
			throw new InvalidSettingException("newsstand.admin.password",
					"is required with NEWSSTAND_ADMIN_EMAIL to create the first admin",
					"Set NEWSSTAND_ADMIN_PASSWORD (at least 10 characters), or unset NEWSSTAND_ADMIN_EMAIL.");
		}
		switch (this.accounts.signUp(email, password, Set.of(Account.READER, Account.ADMIN))) {
			case AccountService.Done done -> log.info("Created the admin account {}", done.account().email());
			case AccountService.Refused refused -> throw new InvalidSettingException(
					"email".equals(refused.field()) ? "newsstand.admin.email" : "newsstand.admin.password",
					"is not accepted: " + refused.message(), "Choose another value and start again.");
			case AccountService.EmailTaken taken -> log.info("Admin account {} was created concurrently", email);
		}
	}

}
