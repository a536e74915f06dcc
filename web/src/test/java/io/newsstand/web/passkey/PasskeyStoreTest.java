package io.newsstand.web.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.account.AccountStore;
import io.newsstand.web.redis.PasskeyKeys;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;

/**
 * Passkeys in the real (embedded) Redis, through the two repositories Spring
 * Security's WebAuthn filters use, the account page and the JSON API: each
 * account's passkeys stay its own (another member can neither list nor remove
 * them), a removed passkey is no longer found for sign-in, and records are JSON
 * under the account's hash tag.
 */
@ResourceLock(SiteTest.CLOCK)
class PasskeyStoreTest extends SiteTest {

	private static final String PASSWORD = "velvet compass meadow";

	private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

	@Autowired
	RedisPasskeys passkeys;

	@Autowired
	RedisPasskeyUsers users;

	@Autowired
	AccountStore accounts;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void aPasskeyIsStoredAsJsonUnderItsAccountsHashTagAndFoundForSignIn() {
		String accountId = signedUpAccount(uniqueEmail("pk-store"), client());
		CredentialRecord record = register(accountId, "Phone");

		CredentialRecord found = this.passkeys.findByCredentialId(record.getCredentialId());
		assertThat(found).isNotNull();
		assertThat(found.getUserEntityUserId()).isEqualTo(record.getUserEntityUserId());
		assertThat(found.getPublicKey().getBytes()).isEqualTo(record.getPublicKey().getBytes());
		assertThat(found.getTransports()).containsExactly(AuthenticatorTransport.INTERNAL);
		assertThat(found.getLabel()).isEqualTo("Phone");
		assertThat(this.passkeys.findByUserId(record.getUserEntityUserId())).hasSize(1);

		String json = (String) this.redis.opsForHash().get(PasskeyKeys.passkeys(accountId),
				record.getCredentialId().toBase64UrlString());
		assertThat(json).startsWith("{").contains("\"label\":\"Phone\"");
		assertThat(PasskeyKeys.ofAccount(accountId)).allSatisfy(key -> assertThat(key).contains("{" + accountId + "}"))
				.allSatisfy(key -> assertThat(this.redis.hasKey(key)).isTrue());

		PublicKeyCredentialUserEntity user = this.users.findById(record.getUserEntityUserId());
		assertThat(user).isNotNull();
		assertThat(user.getName()).isEqualTo(this.accounts.findById(accountId).orElseThrow().email());
		assertThat(this.users.findByUsername(accountId).getId()).isEqualTo(record.getUserEntityUserId());
	}

	@Test
	void aSignInUpdatesLastUsedButNeverBringsBackARemovedPasskey() {
		String accountId = signedUpAccount(uniqueEmail("pk-update"), client());
		CredentialRecord record = register(accountId, "Laptop");
		Instant used = record.getCreated().plusSeconds(60);
		this.passkeys
				.save(ImmutableCredentialRecord.fromCredentialRecord(record).lastUsed(used).signatureCount(7).build());
		assertThat(this.passkeys.list(accountId)).singleElement()
				.satisfies(passkey -> assertThat(passkey.lastUsed()).isEqualTo(used));

		assertThat(this.passkeys.remove(accountId, record.getCredentialId().toBase64UrlString())).isTrue();
		// A sign-in that read the record before the removal saves it afterwards.
		this.passkeys
				.save(ImmutableCredentialRecord.fromCredentialRecord(record).lastUsed(used.plusSeconds(1)).build());
		assertThat(this.passkeys.findByCredentialId(record.getCredentialId())).isNull();
		assertThat(this.passkeys.list(accountId)).isEmpty();
	}

	@Test
	void anotherMemberCanNeitherListNorRemoveYourPasskeys() {
		SiteClient owner = client();
		String ownerEmail = uniqueEmail("pk-owner");
		String ownerId = signedUpAccount(ownerEmail, owner);
		String id = register(ownerId, "Security key").getCredentialId().toBase64UrlString();
		SiteClient other = client();
		String otherEmail = uniqueEmail("pk-other");
		signedUpAccount(otherEmail, other);
		String ownerToken = token(ownerEmail);
		String otherToken = token(otherEmail);

		HttpResponse<String> othersList = send("GET", "/api/v1/me/passkeys", otherToken);
		assertThat(othersList.statusCode()).isEqualTo(200);
		assertThat(othersList.body()).isEqualTo("[]");
		HttpResponse<String> othersDelete = send("DELETE", "/api/v1/me/passkeys/" + id, otherToken);
		assertThat(othersDelete.statusCode()).isEqualTo(404);
		assertThat(othersDelete.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		// The page's form, with the other member's session and CSRF token.
		other.get("/account/passkeys");
		HttpResponse<String> othersForm = other.post("/account/passkeys/" + id + "/delete", other.withCsrf());
		assertThat(othersForm.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/account/passkeys?done=unknown"));
		assertThat(this.passkeys.findByCredentialId(Bytes.fromBase64(id))).isNotNull();

		HttpResponse<String> ownList = send("GET", "/api/v1/me/passkeys", ownerToken);
		assertThat(ownList.body()).contains("\"id\":\"" + id + "\"").contains("\"label\":\"Security key\"")
				.contains("\"lastUsed\":null");
		assertThat(owner.get("/account/passkeys").body()).contains("Security key");

		assertThat(send("DELETE", "/api/v1/me/passkeys/" + id, ownerToken).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/v1/me/passkeys", ownerToken).body()).isEqualTo("[]");
		assertThat(this.passkeys.findByCredentialId(Bytes.fromBase64(id))).isNull();
		assertThat(send("DELETE", "/api/v1/me/passkeys/" + id, ownerToken).statusCode()).isEqualTo(404);
		assertThat(client().get("/api/v1/me/passkeys").statusCode()).isEqualTo(401);
	}

	@Test
	void deletingTheAccountDeletesItsPasskeys() {
		SiteClient reader = client();
		String email = uniqueEmail("pk-delete");
		String accountId = signedUpAccount(email, reader);
		CredentialRecord record = register(accountId, "Tablet");
		reader.get("/account");
		reader.post("/account/delete", reader.withCsrf("deletePassword", PASSWORD));
		assertThat(this.accounts.findById(accountId)).isEmpty();
		assertThat(this.passkeys.findByCredentialId(record.getCredentialId())).isNull();
		assertThat(this.users.findById(record.getUserEntityUserId())).isNull();
		assertThat(PasskeyKeys.ofAccount(accountId)).allSatisfy(key -> assertThat(this.redis.hasKey(key)).isFalse());
	}

	private String signedUpAccount(String email, SiteClient client) {
		client.signUp(email, PASSWORD);
		return this.accounts.idForEmail(email).orElseThrow();
	}

	/** What Spring Security saves after a registration ceremony. */
	private CredentialRecord register(String accountId, String label) {
		PublicKeyCredentialUserEntity user = this.users.findByUsername(accountId);
		CredentialRecord record = ImmutableCredentialRecord.builder().credentialType(PublicKeyCredentialType.PUBLIC_KEY)
				.credentialId(Bytes.random()).userEntityUserId(user.getId())
				.publicKey(new ImmutablePublicKeyCose(Bytes.random().getBytes())).signatureCount(0).uvInitialized(true)
				.transports(Set.of(AuthenticatorTransport.INTERNAL)).backupEligible(false).backupState(false)
				.attestationObject(Bytes.random()).attestationClientDataJSON(Bytes.random()).label(label).build();
		this.passkeys.save(record);
		return record;
	}

	private String token(String email) {
		HttpResponse<String> issued = client().postJson("/api/v1/auth/token",
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		Matcher token = TOKEN.matcher(issued.body());
		assertThat(token.find()).as(issued.body()).isTrue();
		return token.group(1);
	}

	private HttpResponse<String> send(String method, String path, String token) {
		return client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token)
				.header("Accept", "application/json").build());
	}

}
