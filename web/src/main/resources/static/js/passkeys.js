// Passkeys through Spring Security's WebAuthn endpoints: adding one on /account/passkeys,
// signing in on /signin. No inline script (the CSP allows only 'self'); every POST carries the
// page's CSRF token in the header CookieCsrfTokenRepository reads.
(() => {
  "use strict";

  const toBytes = (text) => {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
  };
  const toText = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

  const csrfHeaders = () => {
    const token = document.querySelector("input[name=_csrf]");
    return token ? { "X-XSRF-TOKEN": token.value } : {};
  };

  const post = async (url, body) => {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...csrfHeaders() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`The server answered ${response.status}.`);
    }
    return response.json();
  };

  const showError = (message) => {
    const error = document.getElementById("passkey-error");
    error.textContent = message;
    error.hidden = false;
    error.focus?.();
  };

  const supported = () => typeof window.PublicKeyCredential === "function" && navigator.credentials;

  async function addPasskey(label) {
    const options = await post("/webauthn/register/options");
    const publicKey = {
      ...options,
      challenge: toBytes(options.challenge),
      user: { ...options.user, id: toBytes(options.user.id) },
      excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: toBytes(c.id) })),
    };
    const credential = await navigator.credentials.create({ publicKey });
    const answer = await post("/webauthn/register", {
      publicKey: {
        label,
        credential: {
          id: credential.id,
          rawId: toText(credential.rawId),
          type: credential.type,
          response: {
            attestationObject: toText(credential.response.attestationObject),
            clientDataJSON: toText(credential.response.clientDataJSON),
            transports: credential.response.getTransports ? credential.response.getTransports() : [],
          },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment,
        },
      },
    });
    if (!answer.success) {
      throw new Error("The passkey was not saved.");
    }
  }

  async function signIn() {
    const options = await post("/webauthn/authenticate/options");
    const publicKey = {
      ...options,
      challenge: toBytes(options.challenge),
      allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: toBytes(c.id) })),
    };
    const credential = await navigator.credentials.get({ publicKey });
    const response = credential.response;
    const answer = await post("/login/webauthn", {
      id: credential.id,
      rawId: toText(credential.rawId),
      response: {
        authenticatorData: toText(response.authenticatorData),
        clientDataJSON: toText(response.clientDataJSON),
        signature: toText(response.signature),
        userHandle: response.userHandle ? toText(response.userHandle) : undefined,
      },
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
    });
    return answer.redirectUrl;
  }

  // Only a path on this site, never "//host" or "/\host".
  const localPath = (path) => (/^\/(?![/\\])/.test(path || "") ? path : null);

  const addForm = document.getElementById("passkey-add");
  if (addForm) {
    addForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const label = document.getElementById("passkey-label").value.trim();
      if (!label) {
        showError("Give the passkey a name first.");
        return;
      }
      if (!supported()) {
        showError("This browser cannot make passkeys.");
        return;
      }
      try {
        await addPasskey(label);
        window.location.assign("/account/passkeys?done=added");
      } catch (err) {
        showError(`The passkey was not added: ${err.message} Try again, or use another device.`);
      }
    });
  }

  const signInSection = document.getElementById("passkey-signin");
  if (signInSection) {
    document.getElementById("passkey-signin-button").addEventListener("click", async () => {
      if (!supported()) {
        showError("This browser cannot use passkeys. Sign in with your password.");
        return;
      }
      try {
        const redirectUrl = await signIn();
        window.location.assign(localPath(signInSection.dataset.next) || localPath(redirectUrl) || "/");
      } catch (err) {
        showError("That passkey did not sign you in. Use another passkey or your password.");
      }
    });
  }
})();
