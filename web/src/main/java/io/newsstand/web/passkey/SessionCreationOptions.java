package io.newsstand.web.passkey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps a registration's options in the session between "options" and
 * "register". Sessions live in Redis, serialised, and Spring Security's
 * {@code PublicKeyCredentialCreationOptions} is not {@code Serializable}, so
 * the session holds the few values the registration is checked against
 * (challenge, relying party, user handle, algorithms, user verification) and
 * the options are rebuilt from them.
 */
final class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	private static final String ATTRIBUTE = SessionCreationOptions.class.getName();

	private static final List<PublicKeyCredentialParameters> KNOWN = List.of(PublicKeyCredentialParameters.EdDSA,
			PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
			PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256,
			PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512);

	record Pending(byte[] challenge, String rpId, String rpName, byte[] userHandle, String userName, long[] algorithms,
			@Nullable String userVerification, @Nullable String residentKey,
			long timeoutMillis) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

	}

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			@Nullable PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
		request.getSession().setAttribute(ATTRIBUTE,
				new Pending(options.getChallenge().getBytes(), options.getRp().getId(), options.getRp().getName(),
						options.getUser().getId().getBytes(), options.getUser().getName(),
						options.getPubKeyCredParams().stream().mapToLong(p -> p.getAlg().getValue()).toArray(),
						(selection != null && selection.getUserVerification() != null)
								? selection.getUserVerification().getValue()
								: null,
						(selection != null && selection.getResidentKey() != null)
								? selection.getResidentKey().getValue()
								: null,
						(options.getTimeout() != null) ? options.getTimeout().toMillis() : 300_000));
	}

	@Override
	public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Pending pending)) {
			return null;
		}
		AuthenticatorSelectionCriteria.AuthenticatorSelectionCriteriaBuilder selection = AuthenticatorSelectionCriteria
				.builder();
		if (pending.userVerification() != null) {
			selection.userVerification(Stream
					.of(UserVerificationRequirement.REQUIRED, UserVerificationRequirement.PREFERRED,
							UserVerificationRequirement.DISCOURAGED)
					.filter(known -> known.getValue().equals(pending.userVerification())).findFirst()
					.orElse(UserVerificationRequirement.REQUIRED));
		}
		if (pending.residentKey() != null) {
			selection.residentKey(ResidentKeyRequirement.valueOf(pending.residentKey()));
		}
		List<PublicKeyCredentialParameters> parameters = KNOWN.stream()
				.filter(known -> Arrays.stream(pending.algorithms()).anyMatch(alg -> alg == known.getAlg().getValue()))
				.toList();
		return PublicKeyCredentialCreationOptions.builder()
				.rp(PublicKeyCredentialRpEntity.builder().id(pending.rpId()).name(pending.rpName()).build())
				.user(ImmutablePublicKeyCredentialUserEntity.builder().id(new Bytes(pending.userHandle()))
						.name(pending.userName()).displayName(pending.userName()).build())
				.challenge(new Bytes(pending.challenge())).pubKeyCredParams(parameters)
				.authenticatorSelection(selection.build()).timeout(Duration.ofMillis(pending.timeoutMillis())).build();
	}

}
