package io.newsstand.web.passkey;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;

/**
 * A credential record as stored in Redis (JSON): our own shape, so that a
 * Spring Security upgrade cannot change what is on disk. Binary fields are
 * base64url.
 */
record StoredPasskey(String credentialId, String userHandle, String publicKey, long signatureCount,
		boolean uvInitialized, List<String> transports, boolean backupEligible, boolean backupState,
		@Nullable String attestationObject, @Nullable String attestationClientDataJson, Instant created,
		Instant lastUsed, String label) {

	static StoredPasskey of(CredentialRecord record) {
		return new StoredPasskey(record.getCredentialId().toBase64UrlString(),
				record.getUserEntityUserId().toBase64UrlString(), encode(record.getPublicKey().getBytes()),
				record.getSignatureCount(), record.isUvInitialized(),
				record.getTransports().stream().map(AuthenticatorTransport::getValue).sorted().toList(),
				record.isBackupEligible(), record.isBackupState(),
				(record.getAttestationObject() != null) ? record.getAttestationObject().toBase64UrlString() : null,
				(record.getAttestationClientDataJSON() != null)
						? record.getAttestationClientDataJSON().toBase64UrlString()
						: null,
				record.getCreated(), record.getLastUsed(), record.getLabel());
	}

	CredentialRecord toRecord() {
		Set<AuthenticatorTransport> transports = this.transports.stream().map(AuthenticatorTransport::valueOf)
				.collect(Collectors.toSet());
		return ImmutableCredentialRecord.builder().credentialType(PublicKeyCredentialType.PUBLIC_KEY)
				.credentialId(Bytes.fromBase64(this.credentialId)).userEntityUserId(Bytes.fromBase64(this.userHandle))
				.publicKey(new ImmutablePublicKeyCose(Base64.getUrlDecoder().decode(this.publicKey)))
				.signatureCount(this.signatureCount).uvInitialized(this.uvInitialized).transports(transports)
				.backupEligible(this.backupEligible).backupState(this.backupState)
				.attestationObject((this.attestationObject != null) ? Bytes.fromBase64(this.attestationObject) : null)
				.attestationClientDataJSON((this.attestationClientDataJson != null)
						? Bytes.fromBase64(this.attestationClientDataJson)
						: null)
				.created(this.created).lastUsed(this.lastUsed).label(this.label).build();
	}

	/**
	 * A fresh registration carries the same instant as created and last used; every
	 * sign-in moves last used on.
	 */
	boolean neverUsed() {
		return this.lastUsed.equals(this.created);
	}

	Passkey view() {
		return new Passkey(this.credentialId, this.label, this.created, neverUsed() ? null : this.lastUsed);
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
