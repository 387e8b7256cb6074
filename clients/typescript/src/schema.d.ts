/**
 * Generated from openapi.json by `npm run client:generate` (openapi-typescript). Do not edit:
 * change the API, run `npm run build && npm run openapi && npm run client:generate`.
 */
export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Signs in with email address and password and returns a 15-minute access token and a refresh
         *     token. In Swagger UI: copy `accessToken`, press **Authorize** and paste it under `bearer`.
         *     Attempts are limited per account and per source address (`429` with `Retry-After`); a wrong
         *     address, a wrong password and a disabled account all get the same `401 invalid-credentials`.
         *     Admins, auditors, users who set up a second factor and members of organisations that require
         *     one get an `mfaToken` instead of tokens: complete the sign-in at `POST /auth/mfa/verify`.
         *     Keep the `deviceToken` of the answer and send it with later logins from this device: they
         *     are then counted for the device, so that wrong passwords tried elsewhere do not lock you out.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Renew the tokens
         * @description Exchanges a refresh token for a new pair of access and refresh token, so that a user interface
         *     can keep a session without asking for the password again. Each refresh token works once:
         *     a second use within 10 seconds (two tabs refreshing at once) gets the same new refresh
         *     token, while it is unused; any later use ends the whole session (it was probably stolen).
         */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set your password with a one-time code
         * @description Chooses your password with the one-time code you were given: for a new account, or after
         *     a password reset. Then sign in with it. The code works once; an unknown, used, expired or
         *     replaced code is refused with the same answer. Attempts are limited like logins.
         */
        post: operations["activateAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Ends this session: its access and refresh tokens are refused from the next request on. Other
         *     sessions of the same user go on.
         *
         *     **Permission:** `session.end` (roles `caseworker`, `jobcenter_lead`, `provider_worker`, `provider_lead`, `auditor`, `admin`, `partner_staff`).
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a sign-in with the second factor
         * @description Completes a sign-in that answered with an `mfaToken`: send the current 6-digit code of your
         *     authenticator app, or one of your recovery codes (each works once). Answers the token pair
         *     as a login does. Attempts are limited per account and per source address like passwords.
         */
        post: operations["verifyMfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enrolment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set up a second factor
         * @description For a sign-in whose answer said `enrolmentRequired`: returns a new TOTP secret, shown this
         *     once, as text and as an `otpauth://` URI for a QR code. Add it to an authenticator app and
         *     confirm it with `POST /auth/mfa/enrolment/confirm`. Asking again replaces the secret.
         */
        post: operations["startMfaEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enrolment/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the second factor
         * @description Confirms the new secret with a code your app shows for it, and completes the sign-in: the
         *     answer is the token pair and ten recovery codes, shown this once.
         */
        post: operations["confirmMfaEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I
         * @description Who is signed in: name, organisation, roles and the permissions they grant. A user interface
         *     shows or hides its functions by `permissions`.
         *
         *     **Permission:** `profile.read` (roles `caseworker`, `jobcenter_lead`, `provider_worker`, `provider_lead`, `auditor`, `admin`, `partner_staff`).
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my password
         * @description Changes your own password; `currentPassword` must be right. Your other sessions end, this one
         *     goes on.
         *
         *     **Permission:** `profile.change_password` (roles `caseworker`, `jobcenter_lead`, `provider_worker`, `provider_lead`, `auditor`, `admin`, `partner_staff`).
         */
        post: operations["changeMyPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{id}/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sign in with your organisation's identity provider
         * @description Sends the browser to the organisation's OpenID provider (authorization code flow with
         *     PKCE). Open it in the browser, not with a script: the provider signs the person in and
         *     sends the browser back to `GET /auth/oidc/callback`, which must come from the same browser
         *     within ten minutes.
         */
        get: operations["startOidcLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Finish signing in with the identity provider
         * @description Where the identity provider sends the browser back (register it there as the redirect
         *     URI). Checks state, browser, code (PKCE) and ID token (issuer, audience, nonce, expiry,
         *     signature) and answers with Lotse's own access and refresh tokens, exactly as
         *     `POST /auth/login` does. A person whose subject no organisation lead has linked yet is
         *     refused (`sso-account-not-linked`, naming the subject to pass on to the lead).
         */
        get: operations["finishOidcLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/backchannel-logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Back-channel logout from the identity provider
         * @description The identity provider posts a signed logout token (OpenID Back-Channel Logout 1.0) when a
         *     person signs out there; their Lotse sessions begun through it (the one named by `sid`, or
         *     all of the subject's) are refused from their next request on. Register this URL at the
         *     provider as the client's back-channel logout URL.
         */
        post: operations["receiveBackchannelLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your jobcenter's clients
         * @description Your jobcenter's clients, most recently changed first. There is no search by name, date of
         *     birth or customer number: such values must not appear in URLs (they would end up in logs).
         *
         *     **Permission:** `client.read` (roles `caseworker`).
         */
        get: operations["listClients"];
        put?: never;
        /**
         * Register a client
         * @description Registers a client (Kundin / Kunde) of your jobcenter with the master data a provider needs to
         *     find and contact them. The customer number (Kundennummer) is unique within your jobcenter. The
         *     answer's `Location` names the new client and its `ETag` goes into `If-Match` of a later change.
         *
         *     **Permission:** `client.create` (roles `caseworker`).
         */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a client
         * @description One client of your jobcenter with all master data; its `ETag` goes into `If-Match` of an
         *     update.
         *
         *     **Permission:** `client.read` (roles `caseworker`).
         */
        get: operations["getClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a client's master data
         * @description Changes the fields sent; `null` clears an optional one (phone, email, contact times, note to
         *     the provider). Needs `If-Match` with the client's `ETag`.
         *
         *     **Permission:** `client.update` (roles `caseworker`).
         */
        patch: operations["updateClient"];
        trace?: never;
    };
    "/api/v1/clients/{id}/restriction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restrict the processing of a client's data
         * @description Art. 18 GDPR, for the auditor (data protection officer) of the client's jobcenter: the client
         *     stays stored, but from now on nothing of them is shown or changed for anybody but you; every
         *     read of their client record, referrals, reports, activities and consents answers `403`
         *     `processing-restricted`, and lists leave them out. Audited with the ground.
         *
         *     **Permission:** `client.restrict` (roles `auditor`).
         */
        post: operations["restrictClient"];
        /**
         * Lift a restriction of processing
         * @description The client's data is processed and shown again as before the restriction. Audited.
         *
         *     **Permission:** `client.restrict` (roles `auditor`).
         */
        delete: operations["liftClientRestriction"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/erasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase a client (Art. 17 GDPR)
         * @description For the auditor (data protection officer) of the client's jobcenter, who decided the request
         *     with its ground: erases the client from every table (master data, referrals with their
         *     history and activities, reports, consent records and their evidence, stored answers), not
         *     flagged but gone. What remains: the statistics' aggregate counts and the audit trail, which
         *     holds ids and categories only. Refused while an open referral or a legal hold requires the
         *     data.
         *
         *     **Permission:** `client.erase` (roles `auditor`).
         */
        post: operations["eraseClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/data-copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Copy of a client's data (Art. 15 GDPR)
         * @description For the auditor (data protection officer) of the client's jobcenter, also under restriction:
         *     everything Lotse holds about the client, machine-readable — the client record, referrals
         *     with their history and activities, reports with their sections, the consent history with
         *     grants and revocations, and the disclosure record. Audited.
         *
         *     **Permission:** `client.data_copy` (roles `auditor`).
         */
        get: operations["getClientDataCopy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/data-copy/text": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Copy of a client's data as German text (Art. 15 GDPR)
         * @description The same copy as plain German text to hand to the client. Audited.
         *
         *     **Permission:** `client.data_copy` (roles `auditor`).
         */
        get: operations["getClientDataCopyText"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/provider-data-copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Provider's part of a client's data copy (Art. 15)
         * @description For the auditor (data protection officer) of a provider to which a referral of the client
         *     was sent: what this provider itself holds about the client, machine-readable — the facts of
         *     its referrals, its own steps, activities, reports with every section, the consents it
         *     recorded, and the disclosures it was a party to; nothing of another organisation. Each
         *     controller answers for its part; the jobcenter's is `GET /clients/{id}/data-copy`. Refused
         *     while the client's processing is restricted. Audited.
         *
         *     **Permission:** `client.data_copy` (roles `auditor`).
         */
        get: operations["getProviderDataCopy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/provider-data-copy/text": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Provider's part of the data copy as German text
         * @description The provider's part as plain German text to hand to the client. Audited.
         *
         *     **Permission:** `client.data_copy` (roles `auditor`).
         */
        get: operations["getProviderDataCopyText"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read your jobcenter's retention schedule
         * @description How long Lotse keeps your jobcenter's clients' data before it erases them (Löschfristen), the
         *     defaults until your data protection officer changes them. Its `ETag` (`"0"` for the
         *     defaults) goes into `If-Match` of a change.
         *
         *     **Permission:** `retention_policy.read` (roles `auditor`).
         */
        get: operations["getRetentionPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change your jobcenter's retention schedule
         * @description For your jobcenter's auditor (data protection officer); periods left out stay. Audited with
         *     the new periods. Needs `If-Match` with the schedule's `ETag`.
         *
         *     **Permission:** `retention_policy.manage` (roles `auditor`).
         */
        patch: operations["updateRetentionPolicy"];
        trace?: never;
    };
    "/api/v1/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List referrals
         * @description The referrals (Zuweisungen) you may see, most recently changed first: a jobcenter its own, a
         *     provider those sent to it (a provider worker those assigned to them). Filter by state, client,
         *     provider, overdue first contact or `updatedSince` to poll for changes.
         *
         *     **Permission:** `referral.read` (roles `caseworker`, `provider_worker`, `provider_lead`; API keys with scope `referrals:read`).
         */
        get: operations["listReferrals"];
        put?: never;
        /**
         * Draft a referral (Zuweisung)
         * @description Drafts a referral of one of your clients to a provider (Träger): the services requested, the
         *     reason and a note for the provider. Nothing reaches the provider until you send it with `POST
         *     /referrals/{id}/send`.
         *
         *     **Permission:** `referral.create` (roles `caseworker`).
         */
        post: operations["createReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a referral
         * @description One referral with its state and dates; its `ETag` goes into `If-Match` of every action and
         *     update. A provider sees before accepting only the postcode, the requested services, the reason
         *     category and the case manager's note.
         *
         *     **Permission:** `referral.read` (roles `caseworker`, `provider_worker`, `provider_lead`; API keys with scope `referrals:read`).
         */
        get: operations["getReferral"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a draft referral
         * @description Changes a draft. A sent referral cannot be changed: cancel it and draft a new one. Needs
         *     `If-Match` with the referral's `ETag`.
         *
         *     **Permission:** `referral.update` (roles `caseworker`).
         */
        patch: operations["updateReferral"];
        trace?: never;
    };
    "/api/v1/referrals/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a referral's history
         * @description Every action on the referral, oldest first: who (by organisation), when, from which state to
         *     which, and why. Reasons that are the provider's case content reach the jobcenter only as far as
         *     the client released them.
         *
         *     **Permission:** `referral.read` (roles `caseworker`, `provider_worker`, `provider_lead`; API keys with scope `referrals:read`).
         */
        get: operations["getReferralHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/client": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the referred client
         * @description The client's master data as the referral shows it: for the jobcenter always; for the provider
         *     only while it works the case (accepted, not yet closed).
         *
         *     **Permission:** `referral.read` (roles `caseworker`, `provider_worker`, `provider_lead`; API keys with scope `referrals:read`).
         */
        get: operations["getReferralClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a referral to the provider
         * @description draft → requested: the provider (Träger) receives the referral. Needs a contract with the
         *     provider that is valid today, covers the requested services and has a free place (else `422` or
         *     `409 no-capacity`). Send `If-Match` with the referral's `ETag`.
         *
         *     **Permission:** `referral.send` (roles `caseworker`).
         */
        post: operations["sendReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a referral (Zusage)
         * @description requested → accepted: the provider takes the case on and assigns a worker; the first contact
         *     falls due. Send `If-Match` with the referral's `ETag`.
         *
         *     **Permission:** `referral.accept` (roles `provider_lead`).
         */
        post: operations["acceptReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a referral (Absage)
         * @description requested → rejected, with a reason code (no capacity, outside the service area, not suitable,
         *     other). Send `If-Match` with the referral's `ETag`.
         *
         *     **Permission:** `referral.reject` (roles `provider_lead`).
         */
        post: operations["rejectReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start the work
         * @description accepted → in_progress: first contact made and the client agreed to take part. Send `If-Match`
         *     with the referral's `ETag`.
         *
         *     **Permission:** `referral.start` (roles `provider_worker`, `provider_lead`).
         */
        post: operations["startReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause the work
         * @description in_progress → on_hold, e.g. during a hospital stay, with a reason code. Send `If-Match` with
         *     the referral's `ETag`.
         *
         *     **Permission:** `referral.pause` (roles `provider_worker`, `provider_lead`).
         */
        post: operations["pauseReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume the work
         * @description on_hold → in_progress. Send `If-Match` with the referral's `ETag`.
         *
         *     **Permission:** `referral.resume` (roles `provider_worker`, `provider_lead`).
         */
        post: operations["resumeReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a referral
         * @description accepted, in_progress or on_hold → completed, with an outcome code that the jobcenter sees.
         *     Send `If-Match` with the referral's `ETag`.
         *
         *     **Permission:** `referral.complete` (roles `provider_worker`, `provider_lead`).
         */
        post: operations["completeReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a referral early
         * @description accepted, in_progress or on_hold → ended. The reason is participation content: the jobcenter
         *     sees that the referral ended, not why, unless the client released it. Send `If-Match` with the
         *     referral's `ETag`.
         *
         *     **Permission:** `referral.end` (roles `provider_worker`, `provider_lead`).
         */
        post: operations["endReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a referral
         * @description requested, accepted, in_progress or on_hold → cancelled, by the jobcenter, with a reason code.
         *     Send `If-Match` with the referral's `ETag`.
         *
         *     **Permission:** `referral.cancel` (roles `caseworker`).
         */
        post: operations["cancelReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand a referral to another worker
         * @description Assigns an accepted referral to another worker of the provider; the state does not change. Send
         *     `If-Match` with the referral's `ETag`.
         *
         *     **Permission:** `referral.assign` (roles `provider_lead`).
         */
        post: operations["assignReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a referral's activities
         * @description The referral's activities, newest first. The jobcenter sees them only when the client released
         *     participation to it (`nothingReleased` says when not); the notes never.
         *
         *     **Permission:** `activity.read` (roles `caseworker`, `provider_worker`, `provider_lead`; API keys with scope `referrals:read`).
         */
        get: operations["listActivities"];
        put?: never;
        /**
         * Log a contact or attempt
         * @description Logs an activity of the provider's outreach work: a contact attempt, home visit, phone call,
         *     meeting, accompaniment or letter. The first activity that reached the client is the first
         *     contact. Activities are participation content: the jobcenter sees them only when the client
         *     released participation to it, the notes never.
         *
         *     **Permission:** `activity.create` (roles `provider_worker`, `provider_lead`; API keys with scope `activities:write`).
         */
        post: operations["createActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/worklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List what awaits your action
         * @description Computed when asked, oldest first: a caseworker's referrals awaiting the provider's answer or
         *     their start; a provider lead's referrals to decide and those awaiting their first contact; a
         *     provider worker's assigned referrals awaiting their first contact, with its due date. Ids,
         *     states and dates only. A client under restriction of processing is left out. Consents
         *     running out are `GET /consents/expiring`.
         *
         *     **Permission:** `worklist.read` (roles `caseworker`, `provider_worker`, `provider_lead`).
         */
        get: operations["listWorklist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a referral's appointments
         * @description The referral's appointments by time, for its case manager and the provider working it. The
         *     provider's record of an accompaniment (`attendance`) shows to the jobcenter only when the
         *     client released participation to it (`nothingReleased` says when not).
         *
         *     **Permission:** `appointment.read` (roles `caseworker`, `provider_worker`, `provider_lead`).
         */
        get: operations["listAppointments"];
        put?: never;
        /**
         * Propose an appointment
         * @description The case manager proposes an appointment with the client of an accepted, running or paused
         *     referral: time, place or by phone, and a purpose from a fixed list (never free text about the
         *     person); optionally the client's wish to be accompanied by the provider's worker. Both parties
         *     get an `appointment.proposed` event. With an `Idempotency-Key`, a retry gets the same answer.
         *
         *     **Permission:** `appointment.propose` (roles `caseworker`).
         */
        post: operations["proposeAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an appointment
         * @description One appointment, with the `ETag` for changes. The provider's record of the accompaniment
         *     shows to the jobcenter only when the client released participation to it.
         *
         *     **Permission:** `appointment.read` (roles `caseworker`, `provider_worker`, `provider_lead`).
         */
        get: operations["getAppointment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/accompaniment-wish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the client's wish to be accompanied
         * @description Either side records whether the client wishes the worker to come along; `false` withdraws
         *     the wish and with it a confirmation. Needs `If-Match` with the appointment's `ETag`.
         *
         *     **Permission:** `appointment.record_wish` (roles `caseworker`, `provider_worker`, `provider_lead`).
         */
        post: operations["recordAccompanimentWish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/accompaniment-confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the accompaniment
         * @description The provider confirms that its worker accompanies the client, as the client wished: the case
         *     manager then knows the client comes accompanied. Needs `If-Match` with the appointment's
         *     `ETag`.
         *
         *     **Permission:** `appointment.confirm_accompaniment` (roles `provider_worker`, `provider_lead`).
         */
        post: operations["confirmAccompaniment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the outcome
         * @description The case manager records whether the appointment took place (from its start on), or that it
         *     was rescheduled, naming the appointment that replaces it (`rescheduledToId`) or proposing it
         *     (`next`). The jobcenter's own record; nothing changes afterwards. Needs `If-Match`.
         *
         *     **Permission:** `appointment.record_outcome` (roles `caseworker`).
         */
        post: operations["recordAppointmentOutcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the accompaniment
         * @description The worker records, once, whether they met the client for a confirmed accompaniment, from the
         *     appointment's start on. The provider's participation content: the jobcenter sees it only when
         *     the client released participation to it, the note never; no event announces it and the
         *     appointment's `ETag` stays as it is.
         *
         *     **Permission:** `appointment.record_attendance` (roles `provider_worker`, `provider_lead`).
         */
        post: operations["recordAttendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List consent templates
         * @description Your organisation's consent template versions, newest first, without their texts.
         *
         *     **Permission:** `consent_template.read` (roles `caseworker`, `provider_worker`, `provider_lead`, `auditor`).
         */
        get: operations["listConsentTemplates"];
        put?: never;
        /**
         * Write a consent template
         * @description Writes a new version of a consent template (the text of a Schweigepflichtentbindung) of your
         *     organisation: version 1 for a new key, else one more than the latest. Its data protection
         *     officer must approve it before consents may use it.
         *
         *     **Permission:** `consent_template.manage` (roles `auditor`).
         */
        post: operations["createConsentTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a consent template
         * @description One version of a consent template with its full text and the data categories it covers.
         *
         *     **Permission:** `consent_template.read` (roles `caseworker`, `provider_worker`, `provider_lead`, `auditor`).
         */
        get: operations["getConsentTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent-templates/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a consent template
         * @description The data protection officer approves the version for use; once approved it stays so. A change
         *     of the text is a new version.
         *
         *     **Permission:** `consent_template.approve` (roles `auditor`).
         */
        post: operations["approveConsentTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a client's consents
         * @description The consent history: every record your organisation released or that grants something to it,
         *     oldest first, with its revocations and where it stands now. Records that concern neither are
         *     not shown.
         *
         *     **Permission:** `consent.read` (roles `caseworker`, `provider_worker`, `provider_lead`).
         */
        get: operations["listClientConsents"];
        put?: never;
        /**
         * Record a consent (Schweigepflichtentbindung)
         * @description Records a consent as the client gave it: which data categories of your organisation's case
         *     content are released, to whom (normally the jobcenter), for what purpose and until when, and
         *     the evidence (written, verbal with a witness, digital). It replaces the current consent your
         *     organisation recorded for the same client and referral; records are never changed.
         *
         *     **Permission:** `consent.record` (roles `caseworker`, `provider_worker`, `provider_lead`).
         */
        post: operations["recordConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/consents/effective": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What is released now
         * @description What the client has released right now, as far as it concerns your organisation (to it, or of
         *     its content), each grant with the referral whose content it releases. `nothingReleased: true`
         *     is the explicit answer that nothing is.
         *
         *     **Permission:** `consent.read` (roles `caseworker`, `provider_worker`, `provider_lead`).
         */
        get: operations["getEffectiveConsent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/consents/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a client's consents (Widerruf)
         * @description Records that the client takes back what it released (Widerruf), from now on; no reason is
         *     asked. The client's jobcenter (Fallmanagement) revokes every grant of every consent about
         *     its client, also those to other organisations it never sees; the releasing provider those
         *     of its own consents. With `categories`, only those. The answer is the same whatever there
         *     was to revoke: nobody learns from it what the client had released to others.
         *
         *     **Permission:** `consent.revoke` (roles `caseworker`, `provider_worker`, `provider_lead`).
         */
        post: operations["revokeClientConsents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consents/expiring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List consents that run out soon
         * @description Consents your organisation released that run out within `withinDays` days and are still in
         *     force, soonest first, so that they can be renewed with the client in time. A provider sees
         *     those of clients it works an open referral of (a worker: referrals assigned to them).
         *
         *     **Permission:** `consent.read` (roles `caseworker`, `provider_worker`, `provider_lead`).
         */
        get: operations["listExpiringConsents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consents/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a consent
         * @description Revokes grants of the consent from now on, on the client's behalf; no reason is asked. The
         *     releasing organisation may revoke any of them, a case manager those to their jobcenter. Takes
         *     effect on the very next request.
         *
         *     **Permission:** `consent.revoke` (roles `caseworker`, `provider_worker`, `provider_lead`).
         */
        post: operations["revokeConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consents/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Print the consent receipt
         * @description The consent receipt: a plain-language German text of the record to hand to the client (what, by
         *     whom, to whom, for what, until when, its status and how to revoke it).
         *
         *     **Permission:** `consent.read` (roles `caseworker`, `provider_worker`, `provider_lead`).
         */
        get: operations["getConsentReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a referral's reports
         * @description A referral's reports, newest first: for the provider its drafts and submitted ones; for the
         *     jobcenter the submitted ones, each with only the sections the client released to it now.
         *
         *     **Permission:** `report.read` (roles `caseworker`, `provider_worker`, `provider_lead`; API keys with scope `reports:write`).
         */
        get: operations["listReports"];
        put?: never;
        /**
         * Draft a report
         * @description Drafts a report (Erst-, Zwischen- or Abschlussbericht) on a referral the provider works, one
         *     section per data category; with `correctsId`, a correction of a submitted one. Provider systems
         *     (API keys) must send an `Idempotency-Key`: a retry with the same key and body gets the same
         *     answer, with another body `422`, while the first still runs `409`.
         *
         *     **Permission:** `report.create` (roles `provider_worker`, `provider_lead`; API keys with scope `reports:write`).
         */
        post: operations["createReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a report
         * @description One report. The provider's author sees everything and gets the `ETag` for changes; the
         *     jobcenter sees a submitted report with only the sections the client released to it now
         *     (`nothingReleased` when none). Every read by the jobcenter is audited.
         *
         *     **Permission:** `report.read` (roles `caseworker`, `provider_worker`, `provider_lead`; API keys with scope `reports:write`).
         */
        get: operations["getReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a draft report
         * @description Changes a draft; `sections`, when sent, replace all sections. Needs `If-Match` with the
         *     report's `ETag`.
         *
         *     **Permission:** `report.update` (roles `provider_worker`, `provider_lead`; API keys with scope `reports:write`).
         */
        patch: operations["updateReport"];
        trace?: never;
    };
    "/api/v1/reports/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a report
         * @description Submits the draft to the jobcenter: it never changes again (a correction is a new edition with
         *     `correctsId`). Needs `If-Match` with the report's `ETag`.
         *
         *     **Permission:** `report.submit` (roles `provider_worker`, `provider_lead`; API keys with scope `reports:write`).
         */
        post: operations["submitReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preview a report as a recipient sees it
         * @description The report exactly as `recipient` would see it now, with only the sections the client released
         *     to that organisation: the provider checks this before submitting.
         *
         *     **Permission:** `report.preview` (roles `provider_worker`, `provider_lead`).
         */
        get: operations["previewReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statistics/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Referral statistics
         * @description Aggregate statistics of the referrals sent in a calendar year (`?year=`, default the current
         *     one, in Europe/Berlin): a jobcenter lead's own jobcenter's referrals, or a provider lead's
         *     provider's. Counts of 1 to 4 are suppressed, and so is every further cell from which one
         *     could be recovered with anything the statistics of any year publish, the capacity figures
         *     included (one disclosure-control step, docs/architecture/0012).
         *
         *     `Accept: text/csv` returns one table as CSV (`?table=`; `header=present`, CRLF line ends;
         *     suppressed cells empty; every text quoted, and a text a spreadsheet would read as a formula
         *     prefixed with `'`). `?separator=semicolon` writes it for German spreadsheets: `;` between
         *     fields, decimal commas and a UTF-8 byte order mark. Any other `Accept` gets JSON.
         *
         *     **Permission:** `statistics.read` (roles `jobcenter_lead`, `provider_lead`).
         */
        get: operations["getReferralStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts/{id}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a month's statement editions
         * @description Every edition of the contract's statement of `month`, the first first, without lines: for
         *     the jobcenter's lead of the contract and the provider's lead.
         *
         *     **Permission:** `billing_statement.read` (roles `jobcenter_lead`, `provider_lead`).
         */
        get: operations["listStatements"];
        put?: never;
        /**
         * Generate a statement edition
         * @description The provider's lead generates the next edition of a month's statement for its contract,
         *     from the contract's billing terms and the referrals' events: one line per referral and
         *     billable unit, priced at the terms in force now. The month must have ended (Europe/Berlin)
         *     and share a day with the contract's validity. The first edition takes no
         *     `correctionReason`; each later one is a correction and needs one, and may leave out lines
         *     (`exclude`). Editions never change.
         *
         *     **Permission:** `billing_statement.create` (roles `provider_lead`).
         */
        post: operations["generateStatement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a statement edition
         * @description One edition with its subtotals and lines (referral id, unit, price). `Accept: text/csv`
         *     returns it as CSV (`header=present`, CRLF line ends, every field quoted, a field a
         *     spreadsheet would read as a formula prefixed with `'`), one row per line and a `total` row.
         *
         *     **Permission:** `billing_statement.read` (roles `jobcenter_lead`, `provider_lead`).
         */
        get: operations["getStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find providers (Trägerverzeichnis)
         * @description Active providers (Träger) by name, filtered by service, service area (postcode or
         *     municipality) and language: the directory a case manager chooses from.
         *
         *     **Permission:** `provider.read` (roles `caseworker`, `jobcenter_lead`, `provider_worker`, `provider_lead`, `admin`).
         */
        get: operations["listProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/providers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a provider's profile
         * @description One provider's profile; its `ETag` (`"0"` before the profile was first filled in) goes into
         *     `If-Match` of a change.
         *
         *     **Permission:** `provider.read` (roles `caseworker`, `jobcenter_lead`, `provider_worker`, `provider_lead`, `admin`).
         */
        get: operations["getProvider"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a provider's profile
         * @description Changes the profile: services, service area, languages, contact details, description. An admin
         *     for any provider, a provider lead for their own. The first change sends `If-Match: "0"` and
         *     creates the profile.
         *
         *     **Permission:** `provider.update` (roles `provider_lead`, `admin`).
         */
        patch: operations["updateProvider"];
        trace?: never;
    };
    "/api/v1/providers/{id}/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contracts with a provider
         * @description Contracts with this provider, latest start first: a jobcenter lead sees their jobcenter's, a
         *     provider lead their own organisation's (with every jobcenter).
         *
         *     **Permission:** `contract.read` (roles `jobcenter_lead`, `provider_lead`).
         */
        get: operations["listProviderContracts"];
        put?: never;
        /**
         * Make a contract with a provider
         * @description A contract of the caller's jobcenter with this provider: number, period, the services it
         *     covers, the places (capacity) and the days within which the first contact is due.
         *
         *     **Permission:** `contract.manage` (roles `jobcenter_lead`).
         */
        post: operations["createContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a contract
         * @description A contract of the caller's jobcenter, or held by the caller's provider; its `ETag` goes into
         *     `If-Match` of a change.
         *
         *     **Permission:** `contract.read` (roles `jobcenter_lead`, `provider_lead`).
         */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a contract
         * @description Changes end date, services, capacity or first-contact days; number and start are fixed. Needs
         *     `If-Match` with the contract's `ETag`. A capacity lowered below the referrals open under the
         *     contract is refused (409 `capacity-below-open-referrals`, with `capacity` and
         *     `openReferrals`) unless `confirmOverCommitment: true` confirms it: the open referrals stay,
         *     the availability shows them as `overCommitted`, and no referral is booked under the contract
         *     until places are free.
         *
         *     **Permission:** `contract.manage` (roles `jobcenter_lead`).
         */
        patch: operations["updateContract"];
        trace?: never;
    };
    "/api/v1/providers/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Free places today
         * @description Free places per contract valid today, each contract with the services it covers: a jobcenter
         *     sees its own contracts, a provider its own. A referral can only be sent where a place is free.
         *
         *     **Permission:** `availability.read` (roles `caseworker`, `jobcenter_lead`, `provider_lead`).
         */
        get: operations["getProviderAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner-agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List partner agreements
         * @description A jobcenter lead sees their jobcenter's agreements, a partner its own, a provider every
         *     agreement valid today (to choose whom to refer a client onward to), with the places taken.
         *
         *     **Permission:** `partner_agreement.read` (roles `jobcenter_lead`, `provider_worker`, `provider_lead`, `partner_staff`).
         */
        get: operations["listPartnerAgreements"];
        put?: never;
        /**
         * Make a partner agreement
         * @description An agreement of the caller's jobcenter with a partner organisation: the category of care it
         *     gives and the places it reserves for the jobcenter's clients. One per jobcenter and partner.
         *
         *     **Permission:** `partner_agreement.manage` (roles `jobcenter_lead`).
         */
        post: operations["createPartnerAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/onward-referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a referral's onward referrals
         * @description The referring provider's view: every onward referral of the referral, with the partner's
         *     answer and the uptake.
         *
         *     **Permission:** `onward_referral.read` (roles `caseworker`, `provider_worker`, `provider_lead`, `partner_staff`).
         */
        get: operations["listOnwardReferrals"];
        put?: never;
        /**
         * Refer the client onward to a partner
         * @description The referral's provider (its lead, or the worker assigned) refers the client to a partner
         *     organisation that has an agreement with the referral's jobcenter, with a free reserved
         *     place. Needs the client's consent for this referral granting the partner the agreement's
         *     category (`422 onward-referral-not-consented` otherwise). The partner learns who the client
         *     is only once it accepted.
         *
         *     **Permission:** `onward_referral.create` (roles `provider_worker`, `provider_lead`).
         */
        post: operations["createOnwardReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/released-onward-referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the onward referrals released to the jobcenter
         * @description The jobcenter's view: only the onward referrals whose category the client's consent for
         *     this referral releases to the jobcenter now, and of each exactly the fact (partner,
         *     category, date): never the partner's answer or the uptake. Without a release, an empty list.
         *
         *     **Permission:** `onward_referral.read` (roles `caseworker`, `provider_worker`, `provider_lead`, `partner_staff`).
         */
        get: operations["listReleasedOnwardReferrals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onward-referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List onward referrals
         * @description A partner: those made to it while the client's consent to them holds; a provider: those of
         *     its referrals (a worker: of referrals assigned to them). A jobcenter: none (see
         *     `GET /referrals/{id}/released-onward-referrals`).
         *
         *     **Permission:** `onward_referral.read` (roles `caseworker`, `provider_worker`, `provider_lead`, `partner_staff`).
         */
        get: operations["listAllOnwardReferrals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onward-referrals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an onward referral
         * @description The partner sees the client's identity only after accepting, and the onward referral only
         *     while the client's consent to it holds (a revocation ends it at once).
         *
         *     **Permission:** `onward_referral.read` (roles `caseworker`, `provider_worker`, `provider_lead`, `partner_staff`).
         */
        get: operations["getOnwardReferral"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onward-referrals/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an onward referral
         * @description The partner accepts; from then on it sees who the client is (while the consent holds).
         *
         *     **Permission:** `onward_referral.decide` (roles `partner_staff`).
         */
        post: operations["acceptOnwardReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onward-referrals/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline an onward referral
         * @description The partner declines; no reason is recorded. Its reserved place is free again.
         *
         *     **Permission:** `onward_referral.decide` (roles `partner_staff`).
         */
        post: operations["declineOnwardReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onward-referrals/{id}/uptake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the uptake
         * @description After accepting, whether the client arrived (`took_up` / `did_not_take_up`), once; nothing
         *     more. Its place is free again.
         *
         *     **Permission:** `onward_referral.record_uptake` (roles `partner_staff`).
         */
        post: operations["recordOnwardReferralUptake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the event feed
         * @description Your organisation's events after the cursor `after`, oldest first: the same events its
         *     webhooks receive, for systems that cannot receive webhooks. An event names what happened to
         *     which object, never its content; read the object through its route. Poll with the `cursor`
         *     of the answer. Events are kept for `EVENTS_RETENTION_DAYS` (30 by default).
         *
         *     **Permission:** `event.read` (roles `caseworker`, `jobcenter_lead`, `provider_lead`, `partner_staff`; API keys with scope `referrals:read`).
         */
        get: operations["readEventFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook subscriptions
         * @description Your organisation's webhook subscriptions (at most 100), newest first, without their
         *     secrets; one page.
         *
         *     **Permission:** `webhook.manage` (roles `jobcenter_lead`, `provider_lead`).
         */
        get: operations["listWebhookSubscriptions"];
        put?: never;
        /**
         * Subscribe a URL to events
         * @description Lotse POSTs each event of the given types for your organisation to the URL, signed per
         *     Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the secret
         *     in this answer, which is shown only now. Only `https`; a URL whose host is or resolves to a
         *     loopback, link-local, private or metadata address is refused unless the operator
         *     allowlisted it (`WEBHOOK_ALLOWED_HOSTS`). Redirects are not followed. A failed delivery is
         *     retried with growing waits for about a day.
         *
         *     **Permission:** `webhook.manage` (roles `jobcenter_lead`, `provider_lead`).
         */
        post: operations["createWebhookSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a webhook subscription
         * @description One subscription, without its secret.
         *
         *     **Permission:** `webhook.manage` (roles `jobcenter_lead`, `provider_lead`).
         */
        get: operations["getWebhookSubscription"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook subscription
         * @description Stops deliveries at once; its delivery log goes with it.
         *
         *     **Permission:** `webhook.manage` (roles `jobcenter_lead`, `provider_lead`).
         */
        delete: operations["deleteWebhookSubscription"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description A new secret, shown only in this answer. For one day deliveries carry a signature with the
         *     new and with the old secret, so that the receiver can switch without missing one.
         *
         *     **Permission:** `webhook.manage` (roles `jobcenter_lead`, `provider_lead`).
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a webhook subscription
         * @description Deliveries wait until it is resumed; events meanwhile are kept and sent then.
         *
         *     **Permission:** `webhook.manage` (roles `jobcenter_lead`, `provider_lead`).
         */
        post: operations["pauseWebhookSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a webhook subscription
         * @description Sends what waited while it was paused, then every new event.
         *
         *     **Permission:** `webhook.manage` (roles `jobcenter_lead`, `provider_lead`).
         */
        post: operations["resumeWebhookSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the delivery log
         * @description The subscription's last 100 deliveries, newest first, as one page: the event, its status (`pending`,
         *     `delivered`, `failed` after the last retry), the attempts and the last answer or error.
         *
         *     **Permission:** `webhook.manage` (roles `jobcenter_lead`, `provider_lead`).
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver again
         * @description Puts the delivery back to be sent at once, also after it failed for good.
         *
         *     **Permission:** `webhook.manage` (roles `jobcenter_lead`, `provider_lead`).
         */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List organisations
         * @description Jobcenters, providers (Träger) and the operator, by name; filter by `kind`.
         *
         *     **Permission:** `organisation.read` (roles `admin`).
         */
        get: operations["listOrganisations"];
        put?: never;
        /**
         * Create an organisation
         * @description A new organisation; for a jobcenter or provider optionally with its first lead
         *     (`firstLead`), whose one-time activation code is in the answer, shown this once: hand it
         *     over yourself. From then on the lead manages the organisation's members, and what an admin
         *     changes there that grants access needs the lead's approval.
         *
         *     **Permission:** `organisation.create` (roles `admin`).
         */
        post: operations["createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/operator-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the operator did in your organisation
         * @description What the operator's admins did inside your organisation, newest first: its users, roles,
         *     password resets, API keys, approval requests and their decisions, the organisation itself. For
         *     the organisation's own leads.
         *
         *     **Permission:** `operator_action.read` (roles `jobcenter_lead`, `provider_lead`).
         */
        get: operations["listOperatorActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an organisation
         * @description One organisation; its `ETag` goes into `If-Match` of an update.
         *
         *     **Permission:** `organisation.read` (roles `admin`).
         */
        get: operations["getOrganisation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename or deactivate an organisation
         * @description Renames, deactivates (`active: false`: its users are signed out and can no longer sign in) or
         *     reactivates an organisation. Organisations are never deleted. Needs `If-Match` with the
         *     organisation's `ETag`.
         *
         *     **Permission:** `organisation.update` (roles `admin`).
         */
        patch: operations["updateOrganisation"];
        trace?: never;
    };
    "/api/v1/organisations/{id}/mfa-requirement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Require a second factor of every member
         * @description `required: true`: from their next password sign-in on, every member of the organisation
         *     completes it with a TOTP code (who has none sets one up then); `false` leaves it to the
         *     roles that always need one (admin, auditor). For admins, and the organisation's own leads.
         *     Audited; an admin's change is listed among the lead's operator actions.
         *
         *     **Permission:** `organisation.require_mfa` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        put: operations["setMfaRequirement"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/federal-state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a jobcenter's Bundesland
         * @description The Land whose public holidays are not working days for the jobcenter's first-contact due
         *     dates (`HE` Hessen, `NW` Nordrhein-Westfalen, …); `null`: only the holidays of every Land.
         *     Applies to referrals accepted from then on. For admins, and the jobcenter's own leads; a
         *     provider or the operator has none (400). Audited; an admin's change is listed among the
         *     lead's operator actions.
         *
         *     **Permission:** `organisation.set_federal_state` (roles `jobcenter_lead`, `admin`).
         */
        put: operations["setFederalState"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Users by email address: an admin's of every organisation, a lead's of their own.
         *
         *     **Permission:** `user.read` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user
         * @description A new member, without a password. A lead's member of their own organisation is created at
         *     once (`201`), with the one-time activation code for the lead to hand over; the member
         *     chooses their password with it (`POST /auth/activate`). An operator admin's is an approval
         *     request (`202`).
         *
         *     **Permission:** `user.create` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a user
         * @description A user of an organisation you manage.
         *
         *     **Permission:** `user.read` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change or deactivate a user
         * @description Changes the display name or roles, or disables (`active: false`: sessions end at once) or
         *     re-enables. A lead's change takes effect at once. An operator admin's renaming, removing of
         *     roles and disabling do too; adding roles and re-enabling become an approval request
         *     (`202`), and the rest of the same change applies at once.
         *
         *     **Permission:** `user.update` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a user's password
         * @description A password reset: never a password, but a one-time code with which the user chooses a new
         *     one (`POST /auth/activate`). A lead's reset takes effect at once: the old password stops
         *     working, every session of the user ends, and the answer is the code, for the lead to hand
         *     over. An operator admin's is an approval request (`202`); nothing changes until approved.
         *
         *     **Permission:** `user.reset_password` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        post: operations["resetUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a provider's API keys
         * @description An organisation's API keys for provider systems, newest first, without the secret. A provider
         *     lead sees only their own organisation's.
         *
         *     **Permission:** `api_key.read` (roles `provider_lead`, `admin`).
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description A key with which a provider's own software (its case management system) reports to Lotse,
         *     limited to the scopes given. The provider lead's key is made at once (`201`), and the answer is
         *     the only time the key is shown. An operator admin's is an approval request (`202`): the key
         *     is made when the provider's lead approves, and shown to that lead alone.
         *
         *     **Permission:** `api_key.create` (roles `provider_lead`, `admin`).
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which key am I
         * @description The API key making this call: its organisation, scopes and expiry. For provider systems to
         *     check their configuration.
         *
         *     **Permission:** `api_key.introspect` (nobody).
         */
        get: operations["getCurrentApiKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an API key
         * @description One API key's name, prefix, scopes, expiry and state, without the secret.
         *
         *     **Permission:** `api_key.read` (roles `provider_lead`, `admin`).
         */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API key
         * @description Revokes the key at once; its next call is refused. Revoking twice changes nothing.
         *
         *     **Permission:** `api_key.revoke` (roles `provider_lead`, `admin`).
         */
        post: operations["revokeApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List approval requests
         * @description Changes an operator admin asked for inside an organisation that grant access (a member, roles,
         *     re-enabling, a password reset, an API key), waiting for that organisation's lead or, where it
         *     has no active lead, another admin (dual control, Vier-Augen-Prinzip). Pending ones first, each
         *     group newest first: an admin sees every organisation's, a lead their own. `status=pending`
         *     leaves out decided and expired ones.
         *
         *     **Permission:** `approval_request.read` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        get: operations["listApprovalRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an approval request
         * @description One approval request: what was asked for, by whom, for which organisation, and whether and how
         *     it was decided.
         *
         *     **Permission:** `approval_request.read` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        get: operations["getApprovalRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a request
         * @description Approves and carries out the change, as you. What grants access is made now and shown to you
         *     alone, this once: a new member's or a reset's activation code, an API key. Hand it over
         *     yourself, to the person, by a channel you trust.
         *
         *     **Permission:** `approval_request.decide` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        post: operations["approveApprovalRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a request
         * @description Rejects the request; nothing changes. The admin who asked sees the decision.
         *
         *     **Permission:** `approval_request.decide` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        post: operations["rejectApprovalRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-requests/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw your request
         * @description Withdraws a request you made while it is pending; nothing changes.
         *
         *     **Permission:** `approval_request.withdraw` (roles `admin`).
         */
        post: operations["withdrawApprovalRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/identity-provider": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an organisation's identity provider
         * @description The organisation's OpenID provider for single sign-on, without the client secret. Its
         *     `ETag` goes into `If-Match` of a change. For admins, and the organisation's own leads.
         *
         *     **Permission:** `identity_provider.read` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        get: operations["getIdentityProvider"];
        put?: never;
        /**
         * Configure single sign-on
         * @description Connects the organisation to its OpenID provider (Keycloak, AD FS): issuer, client, the
         *     claim with the person's groups and which groups give which roles. Nobody can sign in
         *     through it yet: each person's subject must first be linked to their user by the
         *     organisation's lead. The client secret is stored encrypted and never shown again.
         *
         *     **Permission:** `identity_provider.manage` (roles `admin`).
         */
        post: operations["createIdentityProvider"];
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change single sign-on
         * @description Changes the identity provider's settings, switches password sign-in of the organisation
         *     off or on (`passwordLogin`), or single sign-on itself (`active`; switched off, its
         *     sessions end). A new `issuer` removes every link: they were made for the old one. Needs
         *     `If-Match`.
         *
         *     **Permission:** `identity_provider.manage` (roles `admin`).
         */
        patch: operations["updateIdentityProvider"];
        trace?: never;
    };
    "/api/v1/organisations/{id}/identity-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List single sign-on links
         * @description Which subjects of the organisation's identity provider sign in as which of its users.
         *
         *     **Permission:** `identity_link.read` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        get: operations["listIdentityLinks"];
        put?: never;
        /**
         * Link a single sign-on subject to a user
         * @description From now on the person with this subject at the organisation's identity provider signs in
         *     as this user. A first sign-in of an unknown subject is refused and names the subject; it is
         *     never matched by email. The lead's link takes effect at once (`201`); an operator admin's
         *     is an approval request (`202`) for the lead.
         *
         *     **Permission:** `identity_link.manage` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        post: operations["createIdentityLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/identity-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unlink a single sign-on subject
         * @description The subject no longer signs in as the user; its sessions end on their next request.
         *
         *     **Permission:** `identity_link.manage` (roles `jobcenter_lead`, `provider_lead`, `admin`).
         */
        delete: operations["deleteIdentityLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit trail
         * @description The audit trail, newest first: sign-ins, changes, disclosures of case content and refused
         *     accesses. Auditors see the events of their own organisation; the operator's auditors see all
         *     events.
         *
         *     **Permission:** `audit.read` (roles `auditor`).
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the audit trail
         * @description Seals any events still waiting, then recomputes the whole hash chain from the events and
         *     reports the first link that does not hold: proof that no event was altered or removed. Takes
         *     time proportional to the length of the trail.
         *
         *     **Permission:** `audit.verify` (roles `auditor`).
         */
        get: operations["verifyAuditTrail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/disclosures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A client's disclosure record
         * @description The client's disclosure record (Auskunft nach Art. 15 DSGVO, § 83 SGB X): which organisation
         *     received which of the client's data, and when, newest first. Only successful disclosures: a
         *     provider's case content shown to another organisation (with its categories), and the
         *     jobcenter's client record shown to a provider. The record names the receiving organisation and
         *     whether a person or a system received the data, never which employee read it, nor request ids.
         *
         *     For the provider working the client's case (a worker: one assigned to it), to show the client,
         *     and for auditors of the client's jobcenter, of a provider that was ever sent a referral of the
         *     client, or of the operator. The operator's auditors see every disclosure; everybody else those
         *     their organisation received or that showed its own data. Anyone else gets 404. Every read of
         *     the record is itself audited (`disclosure_record.read`).
         *
         *     **Permission:** `disclosure_record.read` (roles `caseworker`, `provider_worker`, `provider_lead`, `auditor`).
         */
        get: operations["listClientDisclosures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness probe
         * @description The process answers. Never touches the database, so that a database outage does not make the
         *     platform restart Lotse; exempt from the rate limit.
         */
        get: operations["checkLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness probe
         * @description The database answers within 1.5 s and has every migration of this release applied;
         *     `503 not-ready` while not, so that the platform sends no traffic to this instance. Exempt
         *     from the rate limit. `checks` also reports the audit sealer's lag, which does not gate
         *     readiness.
         */
        get: operations["checkReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Display names of every enum value
         * @description The German or English display name of every value of every enum in the API (roles,
         *     referral states and actions, reasons, data categories, services, …), so that a user
         *     interface shows `Zugesagt` rather than `accepted` without hard-coding a translation. Needs
         *     no sign-in; the values themselves (the keys) never change within API version 1.
         */
        get: operations["getLabels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HealthStatus: {
            /**
             * @description `ok` when every check that gates readiness passed.
             * @enum {string}
             */
            status: "ok";
            /**
             * @description Each dependency's state, for operators; never a host name or a driver message.
             *     `database`: `up` or `down`. `migrations`: `up`, or `pending` (not ready) with how many are
             *     `applied` and `pending`. `auditSealer`: `up`, or `lagging` when the oldest event has waited
             *     longer than a minute to be sealed (readiness does not depend on it), with `queued` and
             *     `lagSeconds`.
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "migrations": {
             *         "status": "up",
             *         "applied": 10,
             *         "pending": 0
             *       },
             *       "auditSealer": {
             *         "status": "up",
             *         "queued": 0,
             *         "lagSeconds": 0
             *       }
             *     }
             */
            checks: {
                [key: string]: unknown;
            };
        };
        /**
         * @description Stable identifier of the error kind; translate by it. docs/problem-types.md says when each
         *     kind occurs.
         * @enum {string}
         */
        ProblemType: "urn:lotse:problem:validation-error" | "urn:lotse:problem:invalid-json" | "urn:lotse:problem:invalid-cursor" | "urn:lotse:problem:bad-request" | "urn:lotse:problem:idempotency-key-missing" | "urn:lotse:problem:idempotency-key-invalid" | "urn:lotse:problem:unauthorized" | "urn:lotse:problem:invalid-credentials" | "urn:lotse:problem:invalid-refresh-token" | "urn:lotse:problem:invalid-activation-code" | "urn:lotse:problem:invalid-mfa-challenge" | "urn:lotse:problem:invalid-mfa-code" | "urn:lotse:problem:mfa-already-enrolled" | "urn:lotse:problem:sso-login-failed" | "urn:lotse:problem:invalid-logout-token" | "urn:lotse:problem:password-login-disabled" | "urn:lotse:problem:sso-account-not-linked" | "urn:lotse:problem:sso-roles-refused" | "urn:lotse:problem:identity-provider-exists" | "urn:lotse:problem:identity-link-taken" | "urn:lotse:problem:identity-provider-unavailable" | "urn:lotse:problem:forbidden" | "urn:lotse:problem:not-an-approver" | "urn:lotse:problem:cannot-decide-own-request" | "urn:lotse:problem:not-your-request" | "urn:lotse:problem:not-found" | "urn:lotse:problem:method-not-allowed" | "urn:lotse:problem:not-acceptable" | "urn:lotse:problem:request-timeout" | "urn:lotse:problem:conflict" | "urn:lotse:problem:email-taken" | "urn:lotse:problem:organisation-name-taken" | "urn:lotse:problem:contract-number-taken" | "urn:lotse:problem:capacity-below-open-referrals" | "urn:lotse:problem:month-not-billable" | "urn:lotse:problem:no-billing-terms" | "urn:lotse:problem:statement-edition-conflict" | "urn:lotse:problem:partner-agreement-exists" | "urn:lotse:problem:partner-capacity-exhausted" | "urn:lotse:problem:onward-referral-not-consented" | "urn:lotse:problem:onward-referral-state-conflict" | "urn:lotse:problem:customer-number-taken" | "urn:lotse:problem:processing-restricted" | "urn:lotse:problem:already-restricted" | "urn:lotse:problem:not-restricted" | "urn:lotse:problem:erasure-blocked" | "urn:lotse:problem:template-already-approved" | "urn:lotse:problem:consent-changed" | "urn:lotse:problem:already-revoked" | "urn:lotse:problem:consent-superseded" | "urn:lotse:problem:approval-request-closed" | "urn:lotse:problem:transition-not-allowed" | "urn:lotse:problem:referral-not-draft" | "urn:lotse:problem:referral-not-active" | "urn:lotse:problem:no-capacity" | "urn:lotse:problem:report-submitted" | "urn:lotse:problem:referral-not-open" | "urn:lotse:problem:appointment-closed" | "urn:lotse:problem:appointment-not-due" | "urn:lotse:problem:accompaniment-not-planned" | "urn:lotse:problem:attendance-already-recorded" | "urn:lotse:problem:report-not-allowed-now" | "urn:lotse:problem:report-already-corrected" | "urn:lotse:problem:idempotency-key-in-flight" | "urn:lotse:problem:precondition-failed" | "urn:lotse:problem:payload-too-large" | "urn:lotse:problem:uri-too-long" | "urn:lotse:problem:unsupported-media-type" | "urn:lotse:problem:unprocessable-content" | "urn:lotse:problem:role-not-allowed" | "urn:lotse:problem:api-keys-for-providers-only" | "urn:lotse:problem:organisation-inactive" | "urn:lotse:problem:cannot-lock-yourself-out" | "urn:lotse:problem:wrong-current-password" | "urn:lotse:problem:template-not-approved" | "urn:lotse:problem:outside-template" | "urn:lotse:problem:recipient-not-allowed" | "urn:lotse:problem:grants-not-in-consent" | "urn:lotse:problem:no-valid-contract" | "urn:lotse:problem:worker-not-assignable" | "urn:lotse:problem:idempotency-key-reused" | "urn:lotse:problem:precondition-required" | "urn:lotse:problem:too-many-requests" | "urn:lotse:problem:request-header-fields-too-large" | "urn:lotse:problem:internal-error" | "urn:lotse:problem:service-unavailable" | "urn:lotse:problem:database-unavailable" | "urn:lotse:problem:not-ready";
        FieldError: {
            /** @description Dotted path of the offending field. */
            field: string;
            messages: string[];
        };
        /**
         * @description `transition-not-allowed`: the action asked for.
         * @enum {string}
         */
        ReferralAction: "send" | "accept" | "reject" | "start" | "pause" | "resume" | "complete" | "end" | "cancel";
        /**
         * @description `transition-not-allowed`: the referral's current state.
         * @enum {string}
         */
        ReferralState: "draft" | "requested" | "accepted" | "in_progress" | "on_hold" | "completed" | "ended" | "rejected" | "cancelled";
        /**
         * @description `role-not-allowed`: the roles this kind of organisation cannot hold.
         * @enum {string}
         */
        Role: "caseworker" | "jobcenter_lead" | "provider_worker" | "provider_lead" | "auditor" | "admin" | "partner_staff";
        /**
         * @description `outside-template`: the data categories the consent template does not cover;
         *     `onward-referral-not-consented`: the category the consent must grant the partner.
         * @enum {string}
         */
        DataCategory: "participation" | "goals" | "debts" | "housing" | "health" | "mental_health" | "family" | "correspondence" | "summary";
        ProblemDetails: {
            /**
             * @description Stable identifier of the error kind; translate by it. docs/problem-types.md says when each
             *     kind occurs.
             * @example urn:lotse:problem:validation-error
             */
            type: components["schemas"]["ProblemType"];
            /**
             * @description Short, human-readable summary of the kind, in German when `Accept-Language` prefers `de`,
             *     else in English. It may change; translate by `type`.
             * @example Invalid request
             */
            title: string;
            /**
             * @description What went wrong with this request.
             * @example One or more fields are invalid.
             */
            detail: string;
            /** @example /api/v1/referrals */
            instance: string;
            /** @description The request id (also in the X-Request-Id header); quote it when reporting a problem. */
            requestId: string;
            /** @description Field errors, for `validation-error` only. */
            errors?: components["schemas"]["FieldError"][];
            /** @description `transition-not-allowed`: the action asked for. */
            action?: components["schemas"]["ReferralAction"];
            /** @description `transition-not-allowed`: the referral's current state. */
            state?: components["schemas"]["ReferralState"];
            /**
             * Format: int32
             * @description `too-many-requests`: seconds until the next attempt (also the Retry-After header).
             */
            retryAfter?: number;
            /** @description `role-not-allowed`: the roles this kind of organisation cannot hold. */
            roles?: components["schemas"]["Role"][];
            /**
             * @description `outside-template`: the data categories the consent template does not cover;
             *     `onward-referral-not-consented`: the category the consent must grant the partner.
             */
            categories?: components["schemas"]["DataCategory"][];
            /** @description `recipient-not-allowed`: the recipients that are not allowed. */
            recipientOrganisationIds?: string[];
            /** @description `grants-not-in-consent`: the grant ids that are not grants of this consent. */
            grantIds?: string[];
            /**
             * Format: int32
             * @description `capacity-below-open-referrals`: the capacity asked for.
             */
            capacity?: number;
            /**
             * Format: int32
             * @description `capacity-below-open-referrals`: the referrals open under the contract now.
             */
            openReferrals?: number;
            /**
             * Format: int32
             * @example 400
             */
            status: number;
            /**
             * @description `not-ready`: each dependency's state (see `HealthStatusDto`).
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "migrations": {
             *         "status": "pending",
             *         "applied": 9,
             *         "pending": 1
             *       }
             *     }
             */
            checks?: {
                [key: string]: unknown;
            };
        };
        /** @enum {string} */
        Language: "de" | "en";
        Labels: {
            /** @description The language of the labels. */
            lang: components["schemas"]["Language"];
            /**
             * @description Display names by enum and value, e.g. `enums.ReferralState.accepted` is `Zugesagt` in
             *     German. The enum names are those of the OpenAPI document's schemas.
             */
            enums?: {
                Role: {
                    caseworker: components["schemas"]["DisplayName"];
                    jobcenter_lead: components["schemas"]["DisplayName"];
                    provider_worker: components["schemas"]["DisplayName"];
                    provider_lead: components["schemas"]["DisplayName"];
                    auditor: components["schemas"]["DisplayName"];
                    admin: components["schemas"]["DisplayName"];
                    partner_staff: components["schemas"]["DisplayName"];
                };
                OrganisationKind: {
                    jobcenter: components["schemas"]["DisplayName"];
                    provider: components["schemas"]["DisplayName"];
                    operator: components["schemas"]["DisplayName"];
                    partner: components["schemas"]["DisplayName"];
                };
                FederalState: {
                    BW: components["schemas"]["DisplayName"];
                    BY: components["schemas"]["DisplayName"];
                    BE: components["schemas"]["DisplayName"];
                    BB: components["schemas"]["DisplayName"];
                    HB: components["schemas"]["DisplayName"];
                    HH: components["schemas"]["DisplayName"];
                    HE: components["schemas"]["DisplayName"];
                    MV: components["schemas"]["DisplayName"];
                    NI: components["schemas"]["DisplayName"];
                    NW: components["schemas"]["DisplayName"];
                    RP: components["schemas"]["DisplayName"];
                    SL: components["schemas"]["DisplayName"];
                    SN: components["schemas"]["DisplayName"];
                    ST: components["schemas"]["DisplayName"];
                    SH: components["schemas"]["DisplayName"];
                    TH: components["schemas"]["DisplayName"];
                };
                ApiKeyScope: {
                    "reports:write": components["schemas"]["DisplayName"];
                    "activities:write": components["schemas"]["DisplayName"];
                    "referrals:read": components["schemas"]["DisplayName"];
                };
                EventType: {
                    "referral.sent": components["schemas"]["DisplayName"];
                    "referral.accepted": components["schemas"]["DisplayName"];
                    "referral.rejected": components["schemas"]["DisplayName"];
                    "referral.started": components["schemas"]["DisplayName"];
                    "referral.paused": components["schemas"]["DisplayName"];
                    "referral.resumed": components["schemas"]["DisplayName"];
                    "referral.completed": components["schemas"]["DisplayName"];
                    "referral.ended": components["schemas"]["DisplayName"];
                    "referral.cancelled": components["schemas"]["DisplayName"];
                    "appointment.proposed": components["schemas"]["DisplayName"];
                    "appointment.changed": components["schemas"]["DisplayName"];
                    "report.submitted": components["schemas"]["DisplayName"];
                    "report.corrected": components["schemas"]["DisplayName"];
                    "consent.recorded": components["schemas"]["DisplayName"];
                    "consent.revoked": components["schemas"]["DisplayName"];
                    "consent.expiring_soon": components["schemas"]["DisplayName"];
                    "consent.expired": components["schemas"]["DisplayName"];
                    "contract.capacity_exhausted": components["schemas"]["DisplayName"];
                    "client.restricted": components["schemas"]["DisplayName"];
                    "client.restriction_lifted": components["schemas"]["DisplayName"];
                    "client.erased": components["schemas"]["DisplayName"];
                    "onward_referral.requested": components["schemas"]["DisplayName"];
                    "onward_referral.accepted": components["schemas"]["DisplayName"];
                    "onward_referral.declined": components["schemas"]["DisplayName"];
                    "onward_referral.uptake_recorded": components["schemas"]["DisplayName"];
                };
                EventSubject: {
                    referral: components["schemas"]["DisplayName"];
                    report: components["schemas"]["DisplayName"];
                    appointment: components["schemas"]["DisplayName"];
                    consent: components["schemas"]["DisplayName"];
                    contract: components["schemas"]["DisplayName"];
                    client: components["schemas"]["DisplayName"];
                    onward_referral: components["schemas"]["DisplayName"];
                };
                OnwardReferralState: {
                    requested: components["schemas"]["DisplayName"];
                    accepted: components["schemas"]["DisplayName"];
                    declined: components["schemas"]["DisplayName"];
                    took_up: components["schemas"]["DisplayName"];
                    did_not_take_up: components["schemas"]["DisplayName"];
                };
                UptakeOutcome: {
                    took_up: components["schemas"]["DisplayName"];
                    did_not_take_up: components["schemas"]["DisplayName"];
                };
                EventInstruction: {
                    fetch: components["schemas"]["DisplayName"];
                    purge: components["schemas"]["DisplayName"];
                };
                WebhookDeliveryStatus: {
                    pending: components["schemas"]["DisplayName"];
                    delivered: components["schemas"]["DisplayName"];
                    failed: components["schemas"]["DisplayName"];
                };
                ApprovalKind: {
                    "user.create": components["schemas"]["DisplayName"];
                    "user.update": components["schemas"]["DisplayName"];
                    "user.reset_password": components["schemas"]["DisplayName"];
                    "api_key.create": components["schemas"]["DisplayName"];
                    "identity_link.create": components["schemas"]["DisplayName"];
                };
                ApprovalState: {
                    pending: components["schemas"]["DisplayName"];
                    approved: components["schemas"]["DisplayName"];
                    rejected: components["schemas"]["DisplayName"];
                    withdrawn: components["schemas"]["DisplayName"];
                    expired: components["schemas"]["DisplayName"];
                };
                ActivationPurpose: {
                    activation: components["schemas"]["DisplayName"];
                    password_reset: components["schemas"]["DisplayName"];
                };
                ServiceKind: {
                    outreach_home_visits: components["schemas"]["DisplayName"];
                    debt_regulation: components["schemas"]["DisplayName"];
                    housing_security: components["schemas"]["DisplayName"];
                    health_access: components["schemas"]["DisplayName"];
                    psychosocial_support: components["schemas"]["DisplayName"];
                    correspondence_help: components["schemas"]["DisplayName"];
                    accompaniment: components["schemas"]["DisplayName"];
                    family_support: components["schemas"]["DisplayName"];
                    other: components["schemas"]["DisplayName"];
                };
                BillingUnit: {
                    active_case_month: components["schemas"]["DisplayName"];
                    initial_assessment: components["schemas"]["DisplayName"];
                };
                CorrectionReason: {
                    disputed_by_jobcenter: components["schemas"]["DisplayName"];
                    terms_changed: components["schemas"]["DisplayName"];
                    provider_error: components["schemas"]["DisplayName"];
                    other: components["schemas"]["DisplayName"];
                };
                ReferralState: {
                    draft: components["schemas"]["DisplayName"];
                    requested: components["schemas"]["DisplayName"];
                    accepted: components["schemas"]["DisplayName"];
                    in_progress: components["schemas"]["DisplayName"];
                    on_hold: components["schemas"]["DisplayName"];
                    completed: components["schemas"]["DisplayName"];
                    ended: components["schemas"]["DisplayName"];
                    rejected: components["schemas"]["DisplayName"];
                    cancelled: components["schemas"]["DisplayName"];
                };
                WorklistItemKind: {
                    "referral.awaiting_answer": components["schemas"]["DisplayName"];
                    "referral.awaiting_start": components["schemas"]["DisplayName"];
                    "referral.awaiting_decision": components["schemas"]["DisplayName"];
                    "referral.first_contact_due": components["schemas"]["DisplayName"];
                };
                ReferralAction: {
                    send: components["schemas"]["DisplayName"];
                    accept: components["schemas"]["DisplayName"];
                    reject: components["schemas"]["DisplayName"];
                    start: components["schemas"]["DisplayName"];
                    pause: components["schemas"]["DisplayName"];
                    resume: components["schemas"]["DisplayName"];
                    complete: components["schemas"]["DisplayName"];
                    end: components["schemas"]["DisplayName"];
                    cancel: components["schemas"]["DisplayName"];
                };
                ReferralReason: {
                    lost_contact: components["schemas"]["DisplayName"];
                    debts: components["schemas"]["DisplayName"];
                    housing: components["schemas"]["DisplayName"];
                    health: components["schemas"]["DisplayName"];
                    mental_health: components["schemas"]["DisplayName"];
                    family: components["schemas"]["DisplayName"];
                    correspondence: components["schemas"]["DisplayName"];
                    other: components["schemas"]["DisplayName"];
                };
                ReferralPriority: {
                    normal: components["schemas"]["DisplayName"];
                    high: components["schemas"]["DisplayName"];
                    urgent: components["schemas"]["DisplayName"];
                };
                RejectReason: {
                    no_capacity: components["schemas"]["DisplayName"];
                    outside_service_area: components["schemas"]["DisplayName"];
                    not_suitable: components["schemas"]["DisplayName"];
                    other: components["schemas"]["DisplayName"];
                };
                PauseReason: {
                    hospital_stay: components["schemas"]["DisplayName"];
                    client_request: components["schemas"]["DisplayName"];
                    other: components["schemas"]["DisplayName"];
                };
                CompletionOutcome: {
                    goals_reached: components["schemas"]["DisplayName"];
                    handed_over: components["schemas"]["DisplayName"];
                    other: components["schemas"]["DisplayName"];
                };
                EndReason: {
                    client_unreachable: components["schemas"]["DisplayName"];
                    client_declined: components["schemas"]["DisplayName"];
                    client_withdrew: components["schemas"]["DisplayName"];
                    other: components["schemas"]["DisplayName"];
                };
                CancelReason: {
                    client_moved_away: components["schemas"]["DisplayName"];
                    no_longer_needed: components["schemas"]["DisplayName"];
                    other: components["schemas"]["DisplayName"];
                };
                AppointmentMode: {
                    in_person: components["schemas"]["DisplayName"];
                    by_phone: components["schemas"]["DisplayName"];
                };
                AppointmentPurpose: {
                    initial_meeting: components["schemas"]["DisplayName"];
                    counselling: components["schemas"]["DisplayName"];
                    cooperation_plan: components["schemas"]["DisplayName"];
                    benefits: components["schemas"]["DisplayName"];
                    placement: components["schemas"]["DisplayName"];
                    other: components["schemas"]["DisplayName"];
                };
                AppointmentOutcome: {
                    took_place: components["schemas"]["DisplayName"];
                    client_did_not_come: components["schemas"]["DisplayName"];
                    rescheduled: components["schemas"]["DisplayName"];
                };
                AppointmentParty: {
                    jobcenter: components["schemas"]["DisplayName"];
                    provider: components["schemas"]["DisplayName"];
                };
                AccompanimentMeeting: {
                    met_client: components["schemas"]["DisplayName"];
                    client_did_not_come: components["schemas"]["DisplayName"];
                };
                ActivityKind: {
                    contact_attempt: components["schemas"]["DisplayName"];
                    home_visit: components["schemas"]["DisplayName"];
                    phone: components["schemas"]["DisplayName"];
                    office_meeting: components["schemas"]["DisplayName"];
                    accompaniment: components["schemas"]["DisplayName"];
                    letter: components["schemas"]["DisplayName"];
                    other: components["schemas"]["DisplayName"];
                };
                ClientContactWay: {
                    phone: components["schemas"]["DisplayName"];
                    email: components["schemas"]["DisplayName"];
                    letter: components["schemas"]["DisplayName"];
                    home_visit: components["schemas"]["DisplayName"];
                    no_preference: components["schemas"]["DisplayName"];
                };
                RestrictionGround: {
                    accuracy_contested: components["schemas"]["DisplayName"];
                    unlawful_processing: components["schemas"]["DisplayName"];
                    legal_claims: components["schemas"]["DisplayName"];
                    objection_pending: components["schemas"]["DisplayName"];
                };
                ErasureReason: {
                    no_longer_necessary: components["schemas"]["DisplayName"];
                    consent_withdrawn: components["schemas"]["DisplayName"];
                    objection: components["schemas"]["DisplayName"];
                    unlawful_processing: components["schemas"]["DisplayName"];
                    legal_obligation: components["schemas"]["DisplayName"];
                };
                DataCategory: {
                    participation: components["schemas"]["DisplayName"];
                    goals: components["schemas"]["DisplayName"];
                    debts: components["schemas"]["DisplayName"];
                    housing: components["schemas"]["DisplayName"];
                    health: components["schemas"]["DisplayName"];
                    mental_health: components["schemas"]["DisplayName"];
                    family: components["schemas"]["DisplayName"];
                    correspondence: components["schemas"]["DisplayName"];
                    summary: components["schemas"]["DisplayName"];
                };
                ReportKind: {
                    initial: components["schemas"]["DisplayName"];
                    interim: components["schemas"]["DisplayName"];
                    final: components["schemas"]["DisplayName"];
                };
                ReportStatus: {
                    draft: components["schemas"]["DisplayName"];
                    submitted: components["schemas"]["DisplayName"];
                };
                ConsentStatus: {
                    given: components["schemas"]["DisplayName"];
                    withdrawn: components["schemas"]["DisplayName"];
                    superseded: components["schemas"]["DisplayName"];
                    expired: components["schemas"]["DisplayName"];
                };
                ConsentEvidenceForm: {
                    written: components["schemas"]["DisplayName"];
                    verbal_witnessed: components["schemas"]["DisplayName"];
                    digital: components["schemas"]["DisplayName"];
                };
                StatisticsTable: {
                    summary: components["schemas"]["DisplayName"];
                    byState: components["schemas"]["DisplayName"];
                    byOutcome: components["schemas"]["DisplayName"];
                    byProviderAndMonth: components["schemas"]["DisplayName"];
                    byJobcenterAndMonth: components["schemas"]["DisplayName"];
                    byServiceAndMonth: components["schemas"]["DisplayName"];
                    capacityUse: components["schemas"]["DisplayName"];
                };
                CsvSeparator: {
                    comma: components["schemas"]["DisplayName"];
                    semicolon: components["schemas"]["DisplayName"];
                };
                DisclosureCheck: {
                    complete: components["schemas"]["DisplayName"];
                    incomplete: components["schemas"]["DisplayName"];
                };
                StatisticsPerspective: {
                    jobcenter: components["schemas"]["DisplayName"];
                    provider: components["schemas"]["DisplayName"];
                };
                AuditActorKind: {
                    user: components["schemas"]["DisplayName"];
                    api_key: components["schemas"]["DisplayName"];
                    anonymous: components["schemas"]["DisplayName"];
                    system: components["schemas"]["DisplayName"];
                };
                AuditOutcome: {
                    success: components["schemas"]["DisplayName"];
                    failure: components["schemas"]["DisplayName"];
                    denied: components["schemas"]["DisplayName"];
                };
                BrokenAuditLinkReason: {
                    "hash-mismatch": components["schemas"]["DisplayName"];
                    "link-mismatch": components["schemas"]["DisplayName"];
                    "missing-event": components["schemas"]["DisplayName"];
                    "position-gap": components["schemas"]["DisplayName"];
                    "unsealed-event": components["schemas"]["DisplayName"];
                };
                DisclosureRecipientKind: {
                    user: components["schemas"]["DisplayName"];
                    api_key: components["schemas"]["DisplayName"];
                };
                DisclosedData: {
                    case_content: components["schemas"]["DisplayName"];
                    client_record: components["schemas"]["DisplayName"];
                    referral_summary: components["schemas"]["DisplayName"];
                };
            };
        };
        /**
         * @description A jobcenter's Bundesland (ISO 3166-2 code without `DE-`): its public holidays are not
         *     working days for first-contact due dates. Null: only the holidays of every Land count.
         * @enum {string}
         */
        FederalState: "BW" | "BY" | "BE" | "BB" | "HB" | "HH" | "HE" | "MV" | "NI" | "NW" | "RP" | "SL" | "SN" | "ST" | "SH" | "TH";
        Organisation: {
            /** Format: uuid */
            id: string;
            /** @example Jobcenter Musterstadt */
            name: string;
            /**
             * @description A jobcenter's Bundesland (ISO 3166-2 code without `DE-`): its public holidays are not
             *     working days for first-contact due dates. Null: only the holidays of every Land count.
             * @example HE
             */
            federalState: components["schemas"]["FederalState"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            kind: components["schemas"]["OrganisationKind"];
            /** @description A deactivated organisation's users cannot sign in and its API keys do not work. */
            active: boolean;
        };
        OrganisationPage: {
            items: components["schemas"]["Organisation"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        NewPerson: {
            /**
             * Format: email
             * @description Unique across Lotse, compared case-insensitively.
             */
            email: string;
            displayName: string;
        };
        CreateOrganisation: {
            /** @description jobcenter, provider (Träger) or operator. Cannot be changed later. */
            kind: components["schemas"]["OrganisationKind"];
            /**
             * @description Unique.
             * @example Jobcenter Musterstadt
             */
            name: string;
            /**
             * @description A jobcenter's or provider's first lead (`jobcenter_lead`, `provider_lead`), created without
             *     a password. The answer holds their one-time activation code, shown this once: hand it over
             *     yourself, out of band. From then on the lead manages the organisation's members.
             */
            firstLead?: components["schemas"]["NewPerson"];
        };
        /**
         * @description A new account, or a reset of a lost password.
         * @enum {string}
         */
        ActivationPurpose: "activation" | "password_reset";
        ActivationCode: {
            /**
             * Format: uuid
             * @description Whose code it is.
             */
            userId: string;
            /** @example K7QH-2MZR-W4TD-XB3N-J6PA-5VYE-LC2S-R9FG */
            code: string;
            /** @description A new account, or a reset of a lost password. */
            purpose: components["schemas"]["ActivationPurpose"];
            /**
             * Format: date-time
             * @description After this the code no longer works; ask for a new one.
             */
            expiresAt: string;
        };
        UserOrganisation: {
            /** Format: uuid */
            id: string;
            name: string;
            kind: components["schemas"]["OrganisationKind"];
        };
        CreatedUser: {
            /** Format: uuid */
            id: string;
            /**
             * Format: email
             * @example erika.musterfrau@jobcenter-musterstadt.de
             */
            email: string;
            /** @example Erika Musterfrau */
            displayName: string;
            roles: components["schemas"]["Role"][];
            /**
             * Format: date-time
             * @description When the password was last chosen or, by a reset, taken away.
             */
            passwordChangedAt: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            activation: components["schemas"]["ActivationCode"];
            organisation: components["schemas"]["UserOrganisation"];
            /** @description A disabled user cannot sign in; their sessions ended when they were disabled. */
            active: boolean;
            /**
             * @description false for a new user, and after a password reset, until the user chooses a password with
             *     their activation code (`POST /auth/activate`); they cannot sign in until then.
             */
            passwordSet: boolean;
        };
        CreatedOrganisation: {
            /** Format: uuid */
            id: string;
            /** @example Jobcenter Musterstadt */
            name: string;
            /**
             * @description A jobcenter's Bundesland (ISO 3166-2 code without `DE-`): its public holidays are not
             *     working days for first-contact due dates. Null: only the holidays of every Land count.
             * @example HE
             */
            federalState: components["schemas"]["FederalState"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The first lead with their activation code; null when none was asked for. */
            firstLead: components["schemas"]["CreatedUser"] | null;
            kind: components["schemas"]["OrganisationKind"];
            /** @description A deactivated organisation's users cannot sign in and its API keys do not work. */
            active: boolean;
        };
        /**
         * @description Who acted: a person, a provider system's API key, nobody signed in, or Lotse itself.
         * @enum {string}
         */
        AuditActorKind: "user" | "api_key" | "anonymous" | "system";
        /**
         * @description Whether it succeeded, failed, or was denied.
         * @enum {string}
         */
        AuditOutcome: "success" | "failure" | "denied";
        AuditEvent: {
            /**
             * @description Position in the trail (a 64-bit integer, as a string); larger is later.
             * @example 4711
             */
            id: string;
            /**
             * Format: date-time
             * @description When the event happened.
             */
            occurredAt: string;
            /** @description Who acted: a person, a provider system's API key, nobody signed in, or Lotse itself. */
            actorKind: components["schemas"]["AuditActorKind"];
            /**
             * Format: uuid
             * @description The user's or API key's id; null for anonymous and system events.
             */
            actorId: string | null;
            /**
             * Format: uuid
             * @description The organisation the actor acted for.
             */
            organisationId: string | null;
            /**
             * @description What happened, as `area.verb`.
             * @example user.create
             */
            action: string;
            /** @description Whether it succeeded, failed, or was denied. */
            outcome: components["schemas"]["AuditOutcome"];
            /**
             * @description The kind of object concerned.
             * @example user
             */
            resourceType: string | null;
            /** @description The object concerned: usually its id; for a denied request, the route. */
            resourceId: string | null;
            /**
             * Format: uuid
             * @description The client (Kundin/Kunde) whose data was involved.
             */
            clientId: string | null;
            /**
             * @description The data categories disclosed (Datenkategorien); empty when none.
             * @example [
             *       "participation",
             *       "goals"
             *     ]
             */
            categories: string[];
            /** @description The request the event belongs to (its `X-Request-Id`). */
            requestId: string | null;
            /** @description Further facts about the event; never case content. */
            details: {
                [key: string]: unknown;
            } | null;
        };
        AuditEventPage: {
            items: components["schemas"]["AuditEvent"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        UpdateOrganisation: {
            name?: string;
            /** @description false deactivates: its users are signed out on their next request, its API keys stop working. */
            active?: boolean;
        };
        MfaRequirement: {
            /**
             * @description `true`: every member's password sign-in needs a second factor (TOTP); who has none sets
             *     one up at their next sign-in. Admins and auditors need one whatever this says.
             */
            required: boolean;
        };
        FederalStateSetting: {
            /**
             * @description The jobcenter's Bundesland (ISO 3166-2 code without `DE-`, e.g. `HE` Hessen, `NW`
             *     Nordrhein-Westfalen); null: only the holidays of every Land. Applies to referrals accepted
             *     from now on: due dates already set stay.
             * @example HE
             */
            federalState: components["schemas"]["FederalState"] | null;
        };
        User: {
            /** Format: uuid */
            id: string;
            /**
             * Format: email
             * @example erika.musterfrau@jobcenter-musterstadt.de
             */
            email: string;
            /** @example Erika Musterfrau */
            displayName: string;
            roles: components["schemas"]["Role"][];
            /**
             * Format: date-time
             * @description When the password was last chosen or, by a reset, taken away.
             */
            passwordChangedAt: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            organisation: components["schemas"]["UserOrganisation"];
            /** @description A disabled user cannot sign in; their sessions ended when they were disabled. */
            active: boolean;
            /**
             * @description false for a new user, and after a password reset, until the user chooses a password with
             *     their activation code (`POST /auth/activate`); they cannot sign in until then.
             */
            passwordSet: boolean;
        };
        UserPage: {
            items: components["schemas"]["User"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        CreateUser: {
            /** Format: uuid */
            organisationId: string;
            /** @description Roles must fit the organisation: caseworker and jobcenter_lead at a jobcenter, etc. */
            roles: components["schemas"]["Role"][];
            /**
             * Format: email
             * @description Unique across Lotse, compared case-insensitively.
             */
            email: string;
            displayName: string;
        };
        /**
         * @description The action that approval carries out.
         * @enum {string}
         */
        ApprovalKind: "user.create" | "user.update" | "user.reset_password" | "api_key.create" | "identity_link.create";
        /** @enum {string} */
        ApprovalState: "pending" | "approved" | "rejected" | "withdrawn" | "expired";
        ProposedUser: {
            /**
             * Format: email
             * @example erika.musterfrau@jobcenter-musterstadt.de
             */
            email: string;
            /** @example Erika Musterfrau */
            displayName: string;
            roles: components["schemas"]["Role"][];
        };
        ProposedUserChange: {
            addRoles: components["schemas"]["Role"][];
            reactivate: boolean;
        };
        /** @enum {string} */
        ApiKeyScope: "reports:write" | "activities:write" | "referrals:read";
        ProposedApiKey: {
            /** @example Fachverfahren Aufwind */
            name: string;
            scopes: components["schemas"]["ApiKeyScope"][];
            /** Format: date-time */
            expiresAt: string | null;
        };
        ApprovalRequest: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The organisation the change concerns.
             */
            organisationId: string;
            /** @description The action that approval carries out. */
            kind: components["schemas"]["ApprovalKind"];
            status: components["schemas"]["ApprovalState"];
            /**
             * Format: uuid
             * @description `user.update`, `user.reset_password`, `identity_link.create`: the user concerned.
             */
            targetUserId: string | null;
            newUser: components["schemas"]["ProposedUser"] | null;
            userChange: components["schemas"]["ProposedUserChange"] | null;
            newApiKey: components["schemas"]["ProposedApiKey"] | null;
            /** @description `identity_link.create`: the identity provider's subject to link to the target user. */
            identitySubject: string | null;
            /**
             * Format: uuid
             * @description The admin who asked.
             */
            requestedBy: string;
            /** Format: date-time */
            requestedAt: string;
            /**
             * Format: date-time
             * @description Unapproved by then, the request expires.
             */
            expiresAt: string;
            /**
             * Format: uuid
             * @description Who approved, rejected or withdrew it.
             */
            decidedBy: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            /**
             * Format: uuid
             * @description What the approval made or changed: the user's or the API key's id.
             */
            resultId: string | null;
        };
        UpdateUser: {
            displayName?: string;
            roles?: components["schemas"]["Role"][];
            /** @description false disables the user and ends all their sessions at once. */
            active?: boolean;
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            /** @example Fachverfahren Aufwind */
            name: string;
            /**
             * @description The visible start of the key, to recognise it in logs and lists.
             * @example lotse_k3j5m2x7qa
             */
            prefix: string;
            scopes: components["schemas"]["ApiKeyScope"][];
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * Format: date-time
             * @description Updated at most once a minute.
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
        };
        ApiKeyPage: {
            items: components["schemas"]["ApiKey"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        CreateApiKey: {
            /**
             * Format: date-time
             * @description Optional end of validity (ISO 8601, in the future).
             * @example 2027-06-30T22:00:00Z
             */
            expiresAt?: string;
            /**
             * @description What the key is for.
             * @example Fachverfahren Aufwind
             */
            name: string;
            scopes: components["schemas"]["ApiKeyScope"][];
        };
        CreatedApiKey: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            /** @example Fachverfahren Aufwind */
            name: string;
            /**
             * @description The visible start of the key, to recognise it in logs and lists.
             * @example lotse_k3j5m2x7qa
             */
            prefix: string;
            scopes: components["schemas"]["ApiKeyScope"][];
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * Format: date-time
             * @description Updated at most once a minute.
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            /** @description Send as `Authorization: ApiKey <key>`. Store it now; Lotse keeps only its hash. */
            key: string;
        };
        ApprovalRequestPage: {
            items: components["schemas"]["ApprovalRequest"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        ApprovalOutcome: {
            /** @description `user.create`, `user.update`: the user as they are now. */
            user: components["schemas"]["User"] | null;
            /** @description `user.create`, `user.reset_password`: the user's one-time activation code. */
            activation: components["schemas"]["ActivationCode"] | null;
            /** @description `api_key.create`: the new key, shown this once. */
            apiKey: components["schemas"]["CreatedApiKey"] | null;
            request: components["schemas"]["ApprovalRequest"];
        };
        RoleMappingEntry: {
            /** @description Must fit the organisation's kind (a `caseworker` only at a jobcenter, and so on). */
            role: components["schemas"]["Role"];
            /**
             * @description A group path or role name as the identity provider writes it.
             * @example /lotse/fallmanagement
             */
            value: string;
        };
        IdentityProvider: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            issuer: string;
            clientId: string;
            rolesClaim: string;
            roleMapping: components["schemas"]["RoleMappingEntry"][];
            /**
             * @description Where people of the organisation begin single sign-on.
             * @example /api/v1/auth/oidc/7d0c…/login
             */
            loginPath: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Whether a client secret is stored (it is never shown). */
            clientSecretSet: boolean;
            passwordLogin: boolean;
            active: boolean;
        };
        CreateIdentityProvider: {
            /**
             * @description Which claim values give which roles. A person whose claim holds none of them is no member
             *     and cannot sign in; every role must fit the organisation's kind.
             */
            roleMapping: components["schemas"]["RoleMappingEntry"][];
            /**
             * Format: uri
             * @description The issuer identifier, exactly as the provider's discovery document states it (Keycloak:
             *     `https://<host>/realms/<realm>`). https; http only on the loopback address outside
             *     production.
             * @example https://login.jobcenter-musterstadt.de/realms/jobcenter
             */
            issuer: string;
            /**
             * @description The client registered for Lotse at the provider.
             * @example lotse
             */
            clientId: string;
            /**
             * @description The client's secret (confidential client, `client_secret_basic`). Stored encrypted and never
             *     shown again; leave it out for a public client (PKCE only).
             */
            clientSecret?: string;
            /**
             * @description The ID-token claim with the person's groups or roles; dots descend into objects
             *     (Keycloak's realm roles: `realm_access.roles`).
             * @example groups
             */
            rolesClaim: string;
            /** @description false: the organisation's people can no longer sign in with a Lotse password. Default true. */
            passwordLogin?: boolean;
        };
        UpdateIdentityProvider: {
            /**
             * @description Which claim values give which roles. A person whose claim holds none of them is no member
             *     and cannot sign in; every role must fit the organisation's kind.
             */
            roleMapping?: components["schemas"]["RoleMappingEntry"][];
            /**
             * Format: uri
             * @description The issuer identifier, exactly as the provider's discovery document states it (Keycloak:
             *     `https://<host>/realms/<realm>`). https; http only on the loopback address outside
             *     production.
             * @example https://login.jobcenter-musterstadt.de/realms/jobcenter
             */
            issuer?: string;
            /**
             * @description The client registered for Lotse at the provider.
             * @example lotse
             */
            clientId?: string;
            /**
             * @description The client's secret (confidential client, `client_secret_basic`). Stored encrypted and never
             *     shown again; leave it out for a public client (PKCE only).
             */
            clientSecret?: string;
            /**
             * @description The ID-token claim with the person's groups or roles; dots descend into objects
             *     (Keycloak's realm roles: `realm_access.roles`).
             * @example groups
             */
            rolesClaim?: string;
            passwordLogin?: boolean;
            /** @description false: nobody signs in through the provider any more (links are kept). */
            active?: boolean;
        };
        IdentityLink: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            /** Format: uuid */
            providerId: string;
            subject: string;
            /** Format: uuid */
            userId: string;
            /**
             * Format: uuid
             * @description The lead who linked, or who approved an admin's request to.
             */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        IdentityLinkPage: {
            items: components["schemas"]["IdentityLink"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        CreateIdentityLink: {
            /**
             * Format: uuid
             * @description The user of this organisation who signs in as the subject.
             */
            userId: string;
            /**
             * @description The identity provider's subject (`sub`) of the person, as a refused first sign-in reported
             *     it. Keycloak: the user's ID.
             * @example 5b1c6a8e-1f0d-4a44-9d1b-6f3c1a2b9e77
             */
            subject: string;
        };
        /** @enum {string} */
        ServiceKind: "outreach_home_visits" | "debt_regulation" | "housing_security" | "health_access" | "psychosocial_support" | "correspondence_help" | "accompaniment" | "family_support" | "other";
        Provider: {
            /** Format: uuid */
            id: string;
            /** @example Aufwind Sozialdienste gGmbH */
            name: string;
            services: components["schemas"]["ServiceKind"][];
            /**
             * @description The service area: postcodes (PLZ) its workers visit.
             * @example [
             *       "12043",
             *       "12045"
             *     ]
             */
            postcodes: string[];
            /**
             * @description The service area by municipality (Gemeinde).
             * @example [
             *       "Bensheim"
             *     ]
             */
            municipalities: string[];
            /**
             * @description ISO 639-1 codes of the languages its workers speak.
             * @example [
             *       "de",
             *       "ar",
             *       "tr"
             *     ]
             */
            languages: string[];
            /** @example kontakt@aufwind.example */
            contactEmail: string | null;
            /** @example +49 30 1234567 */
            contactPhone: string | null;
            /** @example https://aufwind.example */
            website: string | null;
            description: string | null;
            /**
             * Format: date-time
             * @description When the profile last changed; null until it is first filled in.
             */
            updatedAt: string | null;
            /** @description false: deactivated; it is not listed in the directory and takes no referrals. */
            active: boolean;
        };
        ProviderPage: {
            items: components["schemas"]["Provider"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        UpdateProvider: {
            services?: components["schemas"]["ServiceKind"][];
            /**
             * @description The service area: up to 500 postcodes (PLZ).
             * @example [
             *       "12043",
             *       "12045"
             *     ]
             */
            postcodes?: string[];
            /**
             * @description The service area by municipality (Gemeinde): up to 200 names, matched without regard to case
             *     for clients without a fixed address.
             * @example [
             *       "Bensheim",
             *       "Heppenheim"
             *     ]
             */
            municipalities?: string[];
            /**
             * @description Up to 20 ISO 639-1 codes, lower case.
             * @example [
             *       "de",
             *       "ar",
             *       "tr"
             *     ]
             */
            languages?: string[];
            /**
             * Format: email
             * @description null removes it.
             * @example kontakt@aufwind.example
             */
            contactEmail?: string | null;
            /**
             * @description Digits, spaces, `+ ( ) / -`; null removes it.
             * @example +49 30 1234567
             */
            contactPhone?: string | null;
            /**
             * Format: uri
             * @description An http(s) address; null removes it.
             * @example https://aufwind.example
             */
            website?: string | null;
            /** @description What the provider does and for whom, up to 2000 characters; null removes it. */
            description?: string | null;
        };
        /** @enum {string} */
        BillingUnit: "active_case_month" | "initial_assessment";
        BillingTerm: {
            unit: components["schemas"]["BillingUnit"];
            /**
             * Format: int32
             * @description Price of one unit in euro cents (0–10000000).
             * @example 45000
             */
            priceCents: number;
        };
        Contract: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            jobcenterId: string;
            /** @example Jobcenter Musterstadt */
            jobcenterName: string;
            /** Format: uuid */
            providerId: string;
            /** @example Aufwind Sozialdienste gGmbH */
            providerName: string;
            /**
             * @description The jobcenter's contract number, unique per jobcenter.
             * @example AH-2026-014
             */
            number: string;
            /**
             * Format: date
             * @description First day of validity.
             * @example 2026-01-01
             */
            validFrom: string;
            /**
             * Format: date
             * @description Last day of validity (inclusive); null: open-ended.
             * @example 2027-12-31
             */
            validUntil: string | null;
            services: components["schemas"]["ServiceKind"][];
            /** @description What the contract pays for, each unit with its price in cents (ADR 0023); may be empty. */
            billingTerms: components["schemas"]["BillingTerm"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: int32
             * @description How many referrals the provider holds open under this contract at once.
             * @example 25
             */
            capacity: number;
            /**
             * Format: int32
             * @description Working days from acceptance of a referral until the first contact is due.
             * @example 10
             */
            firstContactWorkingDays: number;
        };
        ContractPage: {
            items: components["schemas"]["Contract"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        CreateContract: {
            /**
             * Format: date
             * @description First day of validity; cannot be changed.
             * @example 2026-01-01
             */
            validFrom: string;
            /**
             * Format: date
             * @description Last day of validity (inclusive), not before validFrom; omit or null for open-ended.
             * @example 2027-12-31
             */
            validUntil?: string | null;
            /** @description The services commissioned: at least one. */
            services: components["schemas"]["ServiceKind"][];
            /** @description The billing terms: each unit at most once, with its price in cents (ADR 0023). */
            billingTerms?: components["schemas"]["BillingTerm"][];
            /**
             * @description The jobcenter's contract number, unique per jobcenter; cannot be changed.
             * @example AH-2026-014
             */
            number: string;
            /**
             * Format: int32
             * @description Referrals the provider holds open under this contract at once (1–10000).
             * @example 25
             */
            capacity: number;
            /**
             * Format: int32
             * @description Working days from acceptance until the first contact is due (1–60, default 10).
             */
            firstContactWorkingDays?: number;
        };
        UpdateContract: {
            /**
             * Format: date
             * @description Last day of validity (inclusive), not before validFrom; null makes it open-ended.
             * @example 2027-12-31
             */
            validUntil?: string | null;
            services?: components["schemas"]["ServiceKind"][];
            /** @description The billing terms: each unit at most once, with its price in cents (ADR 0023). */
            billingTerms?: components["schemas"]["BillingTerm"][];
            /**
             * Format: int32
             * @description 1–10000.
             */
            capacity?: number;
            /**
             * Format: int32
             * @description 1–60.
             */
            firstContactWorkingDays?: number;
            /**
             * @description `true`: lower `capacity` even below the referrals open under the contract (they stay open;
             *     the availability shows the difference as `overCommitted`, and no referral is booked under
             *     the contract until places are free). Without it such a change is refused with
             *     `capacity-below-open-referrals`. Not stored.
             */
            confirmOverCommitment?: boolean;
        };
        PartnerAgreement: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            jobcenterId: string;
            /** @example Jobcenter Essen */
            jobcenterName: string;
            /** Format: uuid */
            partnerId: string;
            /** @example LVR-Universitätsklinik Essen */
            partnerName: string;
            category: components["schemas"]["DataCategory"];
            /** Format: int32 */
            reservedPlaces: number;
            /**
             * Format: int32
             * @description Places taken now by onward referrals asked or accepted under it (all providers').
             */
            placesTaken: number;
            /** Format: date */
            validFrom: string;
            /** Format: date */
            validUntil: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        PartnerAgreementPage: {
            items: components["schemas"]["PartnerAgreement"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        CreatePartnerAgreement: {
            /**
             * Format: uuid
             * @description The partner organisation (kind `partner`, active).
             */
            partnerId: string;
            /**
             * @description The care the partner gives: the category of the fact of an onward referral to it, which the
             *     client's consent must release to the partner (and to the jobcenter, for it to see it).
             * @example mental_health
             */
            category: components["schemas"]["DataCategory"];
            /**
             * Format: date
             * @description First day of validity.
             * @example 2026-01-01
             */
            validFrom: string;
            /**
             * Format: date
             * @description Last day of validity (inclusive), not before validFrom; omit for open-ended.
             * @example 2027-12-31
             */
            validUntil?: string;
            /**
             * Format: int32
             * @description Places reserved for the jobcenter's clients (1–10000).
             * @example 5
             */
            reservedPlaces: number;
        };
        CreateOnwardReferral: {
            /**
             * Format: uuid
             * @description The partner organisation; the client's consent for this referral must grant it.
             */
            partnerId: string;
        };
        /** @enum {string} */
        OnwardReferralState: "requested" | "accepted" | "declined" | "took_up" | "did_not_take_up";
        OnwardClientIdentity: {
            /** Format: uuid */
            id: string;
            /** @example Aylin */
            givenName: string;
            /** @example Demir */
            familyName: string;
            /** Format: date */
            dateOfBirth: string;
        };
        OnwardReferral: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The provider's referral it was made from; null for the partner.
             */
            referralId: string | null;
            /** Format: uuid */
            jobcenterId: string;
            /** Format: uuid */
            providerId: string;
            /** Format: uuid */
            partnerId: string;
            /** Format: uuid */
            agreementId: string;
            category: components["schemas"]["DataCategory"];
            state: components["schemas"]["OnwardReferralState"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: date-time */
            uptakeRecordedAt: string | null;
            /** @description The client: for the provider always, for the partner only after accepting. */
            client: components["schemas"]["OnwardClientIdentity"] | null;
        };
        OnwardReferralPage: {
            items: components["schemas"]["OnwardReferral"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        ReleasedOnwardReferral: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            referralId: string;
            /** Format: uuid */
            partnerId: string;
            category: components["schemas"]["DataCategory"];
            /** Format: date-time */
            createdAt: string;
        };
        ReleasedOnwardReferralPage: {
            items: components["schemas"]["ReleasedOnwardReferral"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        /** @enum {string} */
        UptakeOutcome: "took_up" | "did_not_take_up";
        RecordUptake: {
            outcome: components["schemas"]["UptakeOutcome"];
        };
        Availability: {
            /** Format: uuid */
            contractId: string;
            /** Format: uuid */
            providerId: string;
            providerName: string;
            /** Format: uuid */
            jobcenterId: string;
            jobcenterName: string;
            services: components["schemas"]["ServiceKind"][];
            /**
             * Format: int32
             * @description Concurrent open referrals the contract allows.
             */
            capacity: number;
            /**
             * Format: int32
             * @description Referrals sent and not closed under this contract.
             */
            openReferrals: number;
            /**
             * Format: int32
             * @description capacity − openReferrals, never below 0.
             */
            freePlaces: number;
            /**
             * Format: int32
             * @description openReferrals − capacity, never below 0: open referrals beyond a capacity the jobcenter's
             *     lead lowered below them (`confirmOverCommitment`). No referral is booked under the contract
             *     until they are closed down to the capacity.
             */
            overCommitted: number;
        };
        AvailabilityPage: {
            items: components["schemas"]["Availability"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        CreateReferral: {
            /**
             * Format: uuid
             * @description A client of your jobcenter.
             */
            clientId: string;
            /**
             * Format: uuid
             * @description The provider (Träger) to refer to; sending needs a valid contract with a free place.
             */
            providerId: string;
            reasonCategory: components["schemas"]["ReferralReason"];
            /** @description The reason in words, for the provider (shown to it after acceptance). */
            reasonText?: string | null;
            /** @description Goals agreed with the case manager. */
            goals?: string | null;
            requestedServices: components["schemas"]["ServiceKind"][];
            priority?: components["schemas"]["ReferralPriority"];
        };
        /** @enum {string} */
        ReferralReason: "lost_contact" | "debts" | "housing" | "health" | "mental_health" | "family" | "correspondence" | "other";
        /** @enum {string} */
        ReferralPriority: "normal" | "high" | "urgent";
        PersonRef: {
            /** Format: uuid */
            id: string;
            displayName: string;
        };
        ReferralParty: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        ClientSummary: {
            /**
             * @description The postcode of residence; null for a client without a fixed address.
             * @example 45127
             */
            postcode: string | null;
            /**
             * @description The municipality that replaces the postcode for a client without a fixed address.
             * @example Bensheim
             */
            municipality: string | null;
            /**
             * @description The case manager's note to the provider.
             * @example Nachmittags erreichbar; spricht Arabisch
             */
            noteToProvider: string | null;
        };
        Referral: {
            /** Format: uuid */
            id: string;
            state: components["schemas"]["ReferralState"];
            /**
             * Format: uuid
             * @description Absent for a provider before acceptance.
             */
            clientId?: string;
            reasonCategory: components["schemas"]["ReferralReason"];
            /** @description The case manager's reason in words; absent for a provider before acceptance. */
            reasonText?: string | null;
            /** @description Goals agreed with the case manager; absent for a provider before acceptance. */
            goals?: string | null;
            requestedServices: components["schemas"]["ServiceKind"][];
            priority: components["schemas"]["ReferralPriority"];
            /** @description Provider only. */
            assignedWorker?: components["schemas"]["PersonRef"] | null;
            /**
             * Format: date
             * @description Provider only: due date of the first contact (working days after acceptance).
             * @example 2026-12-04
             */
            firstContactDue?: string | null;
            /**
             * Format: date-time
             * @description The first activity that reached the client (participation content): the provider's, and
             *     the jobcenter's when the client released participation to it.
             */
            firstContactAt?: string | null;
            /**
             * @description Outcome code of a rejected (reject reason), cancelled (cancel reason) or completed
             *     referral. Never the reason of an end.
             */
            outcome: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            acceptedAt: string | null;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            jobcenter: components["schemas"]["ReferralParty"];
            provider: components["schemas"]["ReferralParty"];
            /** @description Absent for a provider before acceptance. */
            caseManager?: components["schemas"]["PersonRef"];
            /** @description Provider only, while the referral awaits its decision. */
            clientSummary?: components["schemas"]["ClientSummary"];
            /** @description Provider only: no contact yet and the due date has passed. */
            overdue?: boolean;
        };
        ReferralPage: {
            items: components["schemas"]["Referral"][];
            nextCursor: string | null;
        };
        UpdateReferral: {
            /**
             * Format: uuid
             * @description The provider (Träger) to refer to; sending needs a valid contract with a free place.
             */
            providerId?: string;
            reasonCategory?: components["schemas"]["ReferralReason"];
            /** @description The reason in words, for the provider (shown to it after acceptance). */
            reasonText?: string | null;
            /** @description Goals agreed with the case manager. */
            goals?: string | null;
            requestedServices?: components["schemas"]["ServiceKind"][];
            priority?: components["schemas"]["ReferralPriority"];
        };
        TransitionActor: {
            kind: components["schemas"]["DisclosureRecipientKind"];
            /**
             * Format: uuid
             * @description The person or key; absent when the actor belongs to the other side.
             */
            id?: string;
            /** Format: uuid */
            organisationId: string;
        };
        ReferralTransition: {
            /** Format: uuid */
            id: string;
            /** @description null for the creation of the draft. */
            action: components["schemas"]["ReferralAction"] | null;
            fromState: components["schemas"]["ReferralState"] | null;
            toState: components["schemas"]["ReferralState"];
            /**
             * @description The reason code; null when there is none, and also when it is case content (why the work
             *     ended or paused) that the client has not released to you.
             */
            reason: string | null;
            /** Format: date-time */
            occurredAt: string;
            actor: components["schemas"]["TransitionActor"];
        };
        ReferralTransitionPage: {
            items: components["schemas"]["ReferralTransition"][];
            /** @description Always null: the history has one page. */
            nextCursor: string | null;
        };
        /** @enum {string} */
        ClientContactWay: "phone" | "email" | "letter" | "home_visit" | "no_preference";
        Client: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The jobcenter the client belongs to.
             */
            jobcenterId: string;
            /**
             * @description The jobcenter's customer number (Kundennummer).
             * @example 123D456789
             */
            customerNumber: string;
            /** @example Erika */
            givenName: string;
            /** @example Musterfrau */
            familyName: string;
            /**
             * Format: date
             * @example 1984-03-07
             */
            dateOfBirth: string;
            /**
             * @description The address of residence; street, postcode and city are null without a fixed address.
             * @example Lindenstraße 12
             */
            street: string | null;
            /** @example 12345 */
            postcode: string | null;
            /** @example Musterstadt */
            city: string | null;
            /** @description Erreichbarkeit: a postal address c/o (Beratungsstelle, Tagesaufenthalt, Postfach). */
            careOf: string | null;
            /** @description Erreichbarkeit: where the person is usually met. */
            usualWhereabouts: string | null;
            /**
             * @description The municipality whose providers serve the person; set when there is no address.
             * @example Bensheim
             */
            municipality: string | null;
            /** @example +49 30 1234567 */
            phone: string | null;
            /** @example erika.musterfrau@example.org */
            email: string | null;
            preferredContact: components["schemas"]["ClientContactWay"];
            /**
             * @description When the client is best reached.
             * @example Nachmittags
             */
            preferredContactTimes: string | null;
            /** @description The case manager's note to the provider. */
            noteToProvider: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Changes with every update; lists are ordered by it, newest first.
             */
            updatedAt: string;
        };
        AcceptReferral: {
            /**
             * Format: uuid
             * @description The provider worker (or lead) of your organisation who takes the case.
             */
            assignedWorkerId: string;
        };
        RejectReferral: {
            reason: components["schemas"]["RejectReason"];
        };
        PauseReferral: {
            reason?: components["schemas"]["PauseReason"];
        };
        CompleteReferral: {
            outcome: components["schemas"]["CompletionOutcome"];
        };
        EndReferral: {
            reason: components["schemas"]["EndReason"];
        };
        CancelReferral: {
            reason: components["schemas"]["CancelReason"];
        };
        AssignReferral: {
            /** Format: uuid */
            assignedWorkerId: string;
        };
        CreateActivity: {
            /**
             * Format: date-time
             * @description When it happened (ISO 8601); not in the future.
             */
            occurredAt: string;
            kind: components["schemas"]["ActivityKind"];
            /**
             * Format: int32
             * @description Minutes, 0–1440.
             */
            durationMinutes?: number | null;
            /** @description Whether the client was reached. The first reached contact counts as the first contact. */
            reached: boolean;
            /** @description Provider-internal; never disclosed to the jobcenter, whatever the consent. */
            note?: string | null;
        };
        /** @enum {string} */
        ActivityKind: "contact_attempt" | "home_visit" | "phone" | "office_meeting" | "accompaniment" | "letter" | "other";
        Activity: {
            /**
             * Format: uuid
             * @description Absent when not released to you.
             */
            id?: string;
            /** Format: uuid */
            referralId: string;
            kind?: components["schemas"]["ActivityKind"];
            /** Format: date-time */
            occurredAt?: string;
            /** Format: int32 */
            durationMinutes?: number | null;
            /** @description Provider-internal; never disclosed, whatever the consent. */
            note?: string | null;
            recordedByKind?: components["schemas"]["DisclosureRecipientKind"];
            /** Format: uuid */
            recordedById?: string;
            /** Format: date-time */
            createdAt?: string;
            /** @description Whether the client was reached (attendance). */
            reached?: boolean;
        };
        ActivityPage: {
            items: components["schemas"]["Activity"][];
            nextCursor: string | null;
            /**
             * @description True when the client has not released participation to your organisation: then there is
             *     nothing you may see, which is not the same as "no contacts".
             */
            nothingReleased: boolean;
        };
        /** @enum {string} */
        WorklistItemKind: "referral.awaiting_answer" | "referral.awaiting_start" | "referral.awaiting_decision" | "referral.first_contact_due";
        WorklistItem: {
            kind: components["schemas"]["WorklistItemKind"];
            /** Format: uuid */
            referralId: string;
            /**
             * Format: uuid
             * @description Null for a provider before it accepted the referral (it does not know the client yet).
             */
            clientId: string | null;
            state: components["schemas"]["ReferralState"];
            /**
             * Format: date-time
             * @description When the item arose: the referral sent (awaiting an answer or decision) or accepted.
             */
            since: string;
            /**
             * Format: date
             * @description Provider only: the first contact's due date (`referral.first_contact_due`).
             * @example 2026-12-04
             */
            dueOn?: string | null;
            /** @description Provider only: the due date has passed. */
            overdue?: boolean;
        };
        WorklistItemPage: {
            items: components["schemas"]["WorklistItem"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        /**
         * @description `complete`: every count that is published was checked, with all the others, to give no
         *     suppressed count away. `incomplete`: that check did not finish within its budget, so every
         *     count is suppressed and only `capacityUse` is published (it fails closed); asking again gives
         *     the same answer until the figures change.
         * @enum {string}
         */
        DisclosureCheck: "complete" | "incomplete";
        OutcomeCount: {
            /**
             * Format: int32
             * @description The count; null when suppressed.
             */
            count: number | null;
            /**
             * @description The outcome code: for `completed` a completion outcome, for `rejected` the reject reason,
             *     for `cancelled` the cancel reason (commissioning data); for `ended` the end reason, which
             *     is participation content: a jobcenter counts it only for clients whose consent releases
             *     participation of the provider to it now, and counts every other ended referral as
             *     `not_released`. `unspecified` counts referrals without a code.
             * @example goals_reached
             */
            outcome: string;
            /**
             * @description True for a jobcenter's end reasons: the count covers only the ended referrals whose client's
             *     consent releases participation to the jobcenter now; the others count under `not_released`,
             *     so a 0 here does not mean that no referral ended for this reason.
             */
            releasedOnly: boolean;
            suppressed: boolean;
        };
        CountCell: {
            /**
             * Format: int32
             * @description The count; null when suppressed.
             */
            count: number | null;
            suppressed: boolean;
        };
        OutcomeGroup: {
            state: components["schemas"]["ReferralState"];
            outcomes: components["schemas"]["OutcomeCount"][];
            /** @description The same count as this state's in `byState` (and suppressed alike). */
            total: components["schemas"]["CountCell"];
        };
        OrganisationMonthRow: {
            /** Format: uuid */
            organisationId: string;
            organisationName: string;
            /** @description One cell per month of `months`. */
            cells: components["schemas"]["CountCell"][];
            total: components["schemas"]["CountCell"];
        };
        OrganisationMonthTable: {
            /** @description Organisations with at least one referral in the period, by name. */
            rows: components["schemas"]["OrganisationMonthRow"][];
            /** @description Referrals per month, one per month of `months`. */
            columnTotals: components["schemas"]["CountCell"][];
            total: components["schemas"]["CountCell"];
        };
        CapacityUse: {
            /** Format: uuid */
            contractId: string;
            /** @description The jobcenter's contract number. */
            contractNumber: string;
            /** Format: uuid */
            providerId: string;
            providerName: string;
            /** Format: uuid */
            jobcenterId: string;
            jobcenterName: string;
            services: components["schemas"]["ServiceKind"][];
            /**
             * Format: int32
             * @description Concurrent open referrals the contract allows.
             */
            capacity: number;
            /**
             * Format: int32
             * @description Referrals sent and not closed under the contract now, whenever sent.
             */
            openReferrals: number;
            /** @description openReferrals / capacity, three decimals; above 1 when the capacity was lowered. */
            share: number;
        };
        StateCount: {
            /**
             * Format: int32
             * @description The count; null when suppressed.
             */
            count: number | null;
            state: components["schemas"]["ReferralState"];
            suppressed: boolean;
        };
        StateCounts: {
            /** @description Every state but `draft`, always in the same order. */
            items: components["schemas"]["StateCount"][];
            /** @description All referrals sent in the period. */
            total: components["schemas"]["CountCell"];
        };
        ServiceMonthRow: {
            service: components["schemas"]["ServiceKind"];
            cells: components["schemas"]["CountCell"][];
            total: components["schemas"]["CountCell"];
        };
        ServiceMonthTable: {
            rows: components["schemas"]["ServiceMonthRow"][];
            columnTotals: components["schemas"]["CountCell"][];
            total: components["schemas"]["CountCell"];
        };
        Rate: {
            rate: number | null;
            suppressed: boolean;
            /** @description Accepted at some time (also if cancelled since): the numerator. */
            accepted: components["schemas"]["CountCell"];
            /** @description Accepted or rejected: the denominator. */
            decided: components["schemas"]["CountCell"];
        };
        Median: {
            days: number | null;
            suppressed: boolean;
            /** @description The referrals the median is taken over, as a cell of the statistics. */
            basis: components["schemas"]["CountCell"];
            /**
             * @description True when only referrals whose client's consent releases participation to the reader now
             *     are counted (a jobcenter's first contacts).
             */
            releasedOnly: boolean;
        };
        ReferralStatistics: {
            /** @description Whose referrals: a jobcenter's own, or those sent to a provider. */
            perspective: components["schemas"]["AppointmentParty"];
            /**
             * Format: int32
             * @description The reporting year (Europe/Berlin): the referrals sent in it.
             * @example 2026
             */
            year: number;
            /**
             * Format: date-time
             * @description When these figures were computed. They are still exact: any change that counts (a
             *     referral's state, a consent, a contract) makes the next request compute them again.
             */
            computedAt: string;
            /** @example 2026-01 */
            from: string;
            /** @example 2026-12 */
            to: string;
            /** @description Every month of the year, the columns of the month tables. */
            months: string[];
            /**
             * @description `complete`: every count that is published was checked, with all the others, to give no
             *     suppressed count away. `incomplete`: that check did not finish within its budget, so every
             *     count is suppressed and only `capacityUse` is published (it fails closed); asking again gives
             *     the same answer until the figures change.
             */
            disclosureCheck: components["schemas"]["DisclosureCheck"];
            /** @description The closed states (`completed`, `ended`, `rejected`, `cancelled`), each by outcome. */
            byOutcome: components["schemas"]["OutcomeGroup"][];
            /** @description Jobcenters only: referrals per provider and month. */
            byProviderAndMonth?: components["schemas"]["OrganisationMonthTable"];
            /** @description Providers only: referrals per jobcenter and month. */
            byJobcenterAndMonth?: components["schemas"]["OrganisationMonthTable"];
            /** @description The contracts valid today (not limited to the period), by provider and jobcenter name. */
            capacityUse: components["schemas"]["CapacityUse"][];
            /**
             * Format: int32
             * @description Counts below this (and above 0) are suppressed.
             * @example 5
             */
            minimumCount: number;
            byState: components["schemas"]["StateCounts"];
            byServiceAndMonth: components["schemas"]["ServiceMonthTable"];
            /**
             * @description Accepted (or later) among the decided (accepted or rejected) referrals. Suppressed when
             *     fewer than 5 were decided, or when the accepted or the rejected ones number 1 to 4 (the
             *     rate would give them back).
             */
            acceptanceRate: components["schemas"]["Rate"];
            /** @description Days from sending to acceptance, over the accepted referrals. */
            medianDaysToAcceptance: components["schemas"]["Median"];
            /**
             * @description Days from acceptance to the first contact. Whether and when contact was made is
             *     participation content: for a jobcenter only over clients whose consent releases
             *     participation of the provider to it now.
             */
            medianDaysToFirstContact: components["schemas"]["Median"];
            /** @description Days from sending to closing, over the referrals that were accepted and are closed. */
            medianDaysToClosure: components["schemas"]["Median"];
        };
        /** @enum {string} */
        StatisticsTable: "byState" | "byOutcome" | "byProviderAndMonth" | "byJobcenterAndMonth" | "byServiceAndMonth" | "summary" | "capacityUse";
        /** @enum {string} */
        CsvSeparator: "comma" | "semicolon";
        /**
         * @description Why this edition corrects the one before: needed from the second edition on.
         * @enum {string}
         */
        CorrectionReason: "disputed_by_jobcenter" | "terms_changed" | "provider_error" | "other";
        ExcludedLine: {
            /** Format: uuid */
            referralId: string;
            unit: components["schemas"]["BillingUnit"];
        };
        CreateStatement: {
            /**
             * @description The calendar month billed (Europe/Berlin), ended before today.
             * @example 2026-10
             */
            month: string;
            /** @description Why this edition corrects the one before: needed from the second edition on. */
            correctionReason?: components["schemas"]["CorrectionReason"];
            /** @description Lines of the month left out of this edition (each a billable line of the month). */
            exclude?: components["schemas"]["ExcludedLine"][];
        };
        StatementSubtotal: {
            unit: components["schemas"]["BillingUnit"];
            /** @example 1350.00 */
            amount: string;
            /**
             * Format: int32
             * @description Lines of the unit.
             * @example 3
             */
            count: number;
            /**
             * Format: int32
             * @example 45000
             */
            unitPriceCents: number;
            /**
             * Format: int32
             * @example 135000
             */
            amountCents: number;
        };
        StatementLine: {
            /** Format: uuid */
            referralId: string;
            unit: components["schemas"]["BillingUnit"];
            /**
             * @description The same in euros.
             * @example 1350.00
             */
            amount: string;
            /**
             * Format: int32
             * @description The unit's price in cents when the edition was made.
             * @example 45000
             */
            unitPriceCents: number;
        };
        Statement: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            contractId: string;
            /**
             * @description The jobcenter's contract number.
             * @example AH-2026-014
             */
            contractNumber: string;
            /** Format: uuid */
            jobcenterId: string;
            /** Format: uuid */
            providerId: string;
            /** @example 2026-10 */
            month: string;
            /** @description Why this edition corrects the one before; null for the first. */
            correctionReason: components["schemas"]["CorrectionReason"] | null;
            /**
             * @description The total in euros, e.g. "1350.00" (from the cents, never a float).
             * @example 1350.00
             */
            total: string;
            /** Format: date-time */
            createdAt: string;
            subtotals: components["schemas"]["StatementSubtotal"][];
            lines: components["schemas"]["StatementLine"][];
            /**
             * Format: int32
             * @description 1 for the first statement of the month; each correction the next.
             * @example 1
             */
            edition: number;
            /**
             * Format: int32
             * @example 3
             */
            lineCount: number;
            /**
             * Format: int32
             * @description The total in cents (exact integer).
             * @example 135000
             */
            totalCents: number;
        };
        StatementSummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            contractId: string;
            /**
             * @description The jobcenter's contract number.
             * @example AH-2026-014
             */
            contractNumber: string;
            /** Format: uuid */
            jobcenterId: string;
            /** Format: uuid */
            providerId: string;
            /** @example 2026-10 */
            month: string;
            /** @description Why this edition corrects the one before; null for the first. */
            correctionReason: components["schemas"]["CorrectionReason"] | null;
            /**
             * @description The total in euros, e.g. "1350.00" (from the cents, never a float).
             * @example 1350.00
             */
            total: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: int32
             * @description 1 for the first statement of the month; each correction the next.
             * @example 1
             */
            edition: number;
            /**
             * Format: int32
             * @example 3
             */
            lineCount: number;
            /**
             * Format: int32
             * @description The total in cents (exact integer).
             * @example 135000
             */
            totalCents: number;
        };
        StatementList: {
            items: components["schemas"]["StatementSummary"][];
        };
        ReportSectionInput: {
            /** @description The one data category the section is about; the client's consent releases by it. */
            category: components["schemas"]["DataCategory"];
            text: string;
            /**
             * @description Structured facts for some categories: housing `threatenedLoss`, `evictionNoticeReceived`,
             *     `secured`; debts `totalAmountEur`, `creditors`, `regulationStarted`; participation
             *     `contactsMade`, `appointmentsKept`, `appointmentsMissed`; health and mental_health
             *     `careArranged`; goals `goalsReached`, `goalsOpen`.
             */
            fields?: {
                [key: string]: unknown;
            } | null;
        };
        CreateReport: {
            /**
             * Format: date
             * @description First day the report covers (YYYY-MM-DD).
             */
            periodFrom: string;
            /**
             * Format: date
             * @description Last day the report covers, not before periodFrom.
             */
            periodUntil: string;
            sections: components["schemas"]["ReportSectionInput"][];
            /**
             * Format: uuid
             * @description A submitted report of the same referral that this draft corrects (a new edition).
             */
            correctsId?: string;
            kind: components["schemas"]["ReportKind"];
        };
        /** @enum {string} */
        ReportKind: "initial" | "interim" | "final";
        /** @enum {string} */
        ReportStatus: "draft" | "submitted";
        ReportSection: {
            /** Format: uuid */
            id: string;
            category: components["schemas"]["DataCategory"];
            text: string;
            fields: {
                [key: string]: unknown;
            } | null;
        };
        Report: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            referralId: string;
            kind: components["schemas"]["ReportKind"];
            /** Format: date */
            periodFrom: string;
            /** Format: date */
            periodUntil: string;
            status: components["schemas"]["ReportStatus"];
            /** Format: uuid */
            correctsId: string | null;
            /**
             * Format: uuid
             * @description The submitted correction that replaces this report, if any.
             */
            supersededById: string | null;
            /** Format: date-time */
            submittedAt: string | null;
            /**
             * @description The sections you may read, in order. Sections whose category the client has not released
             *     to you are left out without a trace: neither their number nor their categories show.
             */
            sections: components["schemas"]["ReportSection"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: int32
             * @description 1, or the corrected report's edition + 1.
             */
            edition: number;
            /** @description True when no section is released to you: "nothing released", not "nothing to report". */
            nothingReleased: boolean;
        };
        ReportPage: {
            items: components["schemas"]["Report"][];
            nextCursor: string | null;
        };
        UpdateReport: {
            /**
             * Format: date
             * @description First day the report covers (YYYY-MM-DD).
             */
            periodFrom?: string;
            /**
             * Format: date
             * @description Last day the report covers, not before periodFrom.
             */
            periodUntil?: string;
            sections?: components["schemas"]["ReportSectionInput"][];
            kind?: components["schemas"]["ReportKind"];
        };
        CreateAppointment: {
            /**
             * Format: date-time
             * @description When it starts (ISO 8601); in the future.
             */
            startsAt: string;
            /** @description The client's wish to be accompanied by the worker, if already known. */
            accompanimentWished?: boolean;
            /**
             * Format: int32
             * @description Minutes, 5–480.
             */
            durationMinutes?: number | null;
            mode: components["schemas"]["AppointmentMode"];
            /**
             * @description The place, for `in_person` (required there, refused `by_phone`): a room or an authority's
             *     address, never anything about the person.
             */
            location?: string | null;
            purpose: components["schemas"]["AppointmentPurpose"];
        };
        /** @enum {string} */
        AppointmentMode: "in_person" | "by_phone";
        /** @enum {string} */
        AppointmentPurpose: "initial_meeting" | "counselling" | "cooperation_plan" | "benefits" | "placement" | "other";
        /** @enum {string} */
        AppointmentParty: "jobcenter" | "provider";
        /**
         * @description The case manager's record: the jobcenter's own data, never the provider's.
         * @enum {string}
         */
        AppointmentOutcome: "took_place" | "client_did_not_come" | "rescheduled";
        /**
         * @description Whether the worker met the client for the appointment.
         * @enum {string}
         */
        AccompanimentMeeting: "met_client" | "client_did_not_come";
        Attendance: {
            /** @description Whether the worker met the client for the appointment. */
            meeting?: components["schemas"]["AccompanimentMeeting"];
            /** Format: date-time */
            recordedAt?: string;
            /** @description Provider-internal; never disclosed, whatever the consent. */
            note?: string | null;
            /** Format: uuid */
            recordedById?: string;
        };
        Appointment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            referralId: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: int32 */
            durationMinutes: number | null;
            mode: components["schemas"]["AppointmentMode"];
            location: string | null;
            purpose: components["schemas"]["AppointmentPurpose"];
            /** @description The client's wish to be accompanied; null while nobody recorded one. */
            accompanimentWished: boolean | null;
            accompanimentWishRecordedBy: components["schemas"]["AppointmentParty"] | null;
            /**
             * Format: date-time
             * @description When the provider confirmed that its worker accompanies the client.
             */
            accompanimentConfirmedAt: string | null;
            /** @description The case manager's record: the jobcenter's own data, never the provider's. */
            outcome: components["schemas"]["AppointmentOutcome"] | null;
            /** Format: date-time */
            outcomeRecordedAt: string | null;
            /** Format: uuid */
            rescheduledFromId: string | null;
            /** Format: uuid */
            rescheduledToId: string | null;
            /**
             * @description The provider's record of the accompaniment (null while none): only where participation is
             *     readable, else absent (see `nothingReleased`).
             */
            attendance?: components["schemas"]["Attendance"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description True when the client has not released participation to your organisation: the provider's
             *     record of the accompaniment is then withheld, which is not the same as "none".
             */
            nothingReleased: boolean;
        };
        AppointmentPage: {
            items: components["schemas"]["Appointment"][];
            nextCursor: string | null;
        };
        AccompanimentWish: {
            wished: boolean;
        };
        AppointmentSlot: {
            /**
             * Format: date-time
             * @description When it starts (ISO 8601); in the future.
             */
            startsAt: string;
            /**
             * Format: int32
             * @description Minutes, 5–480.
             */
            durationMinutes?: number | null;
            mode: components["schemas"]["AppointmentMode"];
            /**
             * @description The place, for `in_person` (required there, refused `by_phone`): a room or an authority's
             *     address, never anything about the person.
             */
            location?: string | null;
            purpose: components["schemas"]["AppointmentPurpose"];
        };
        AppointmentOutcomeInput: {
            /**
             * Format: uuid
             * @description With `rescheduled`: the appointment of the same referral that replaces this one.
             */
            rescheduledToId?: string;
            outcome: components["schemas"]["AppointmentOutcome"];
            /** @description With `rescheduled`: the new appointment to propose in its place. */
            next?: components["schemas"]["AppointmentSlot"];
        };
        AttendanceInput: {
            meeting: components["schemas"]["AccompanimentMeeting"];
            /** @description Provider-internal; never disclosed to the jobcenter, whatever the consent. */
            note?: string | null;
        };
        CreateClient: {
            /**
             * Format: date
             * @description Date of birth (`YYYY-MM-DD`), not before 1900-01-01 and not in the future.
             * @example 1984-03-07
             */
            dateOfBirth: string;
            /**
             * @description German postcode (PLZ), five digits; with street and city.
             * @example 12345
             */
            postcode?: string | null;
            /** @description How the client prefers to be contacted; `no_preference` when not given. */
            preferredContact?: components["schemas"]["ClientContactWay"];
            /**
             * @description The jobcenter's customer number (Kundennummer); unique within the jobcenter. Letters,
             *     digits, spaces and `.`, `/`, `-`; stored upper-cased.
             * @example 123D456789
             */
            customerNumber: string;
            /** @example Erika */
            givenName: string;
            /** @example Musterfrau */
            familyName: string;
            /**
             * @description Street and house number of the address of residence. Street, postcode and city are given
             *     together, or all left out (or `null`) for a person without a fixed address (ohne festen
             *     Wohnsitz), who then needs `municipality`.
             * @example Lindenstraße 12
             */
            street?: string | null;
            /**
             * @description With street and postcode.
             * @example Musterstadt
             */
            city?: string | null;
            /**
             * @description Erreichbarkeit: a postal address c/o, e.g. a Beratungsstelle, Tagesaufenthalt or Postfach.
             * @example c/o Tagesaufenthalt Lichtblick, Bahnhofstraße 3, 64625 Bensheim
             */
            careOf?: string | null;
            /**
             * @description Erreichbarkeit: where the person is usually met, in words.
             * @example Vormittags am Tagesaufenthalt, nachmittags oft am Bahnhofsvorplatz
             */
            usualWhereabouts?: string | null;
            /**
             * @description The municipality (Gemeinde) whose providers serve the person: required without an address
             *     of residence, where it takes the postcode's place in provider search and availability.
             * @example Bensheim
             */
            municipality?: string | null;
            /**
             * @description Digits, spaces, `+`, `-`, `/`, `(` and `)`.
             * @example +49 30 1234567
             */
            phone?: string | null;
            /**
             * Format: email
             * @example erika.musterfrau@example.org
             */
            email?: string | null;
            /**
             * @description When the client is best reached.
             * @example Nachmittags
             */
            preferredContactTimes?: string | null;
            /**
             * @description The case manager's note to the provider; the provider reads it with the referral.
             * @example Bevorzugt Nachmittage; spricht Arabisch.
             */
            noteToProvider?: string | null;
        };
        ClientPage: {
            items: components["schemas"]["Client"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        UpdateClient: {
            /**
             * Format: date
             * @description Date of birth (`YYYY-MM-DD`), not before 1900-01-01 and not in the future.
             * @example 1984-03-07
             */
            dateOfBirth?: string;
            /**
             * @description German postcode (PLZ), five digits; with street and city.
             * @example 12345
             */
            postcode?: string | null;
            /** @description How the client prefers to be contacted; `no_preference` when not given. */
            preferredContact?: components["schemas"]["ClientContactWay"];
            /**
             * @description The jobcenter's customer number (Kundennummer); unique within the jobcenter. Letters,
             *     digits, spaces and `.`, `/`, `-`; stored upper-cased.
             * @example 123D456789
             */
            customerNumber?: string;
            /** @example Erika */
            givenName?: string;
            /** @example Musterfrau */
            familyName?: string;
            /**
             * @description Street and house number of the address of residence. Street, postcode and city are given
             *     together, or all left out (or `null`) for a person without a fixed address (ohne festen
             *     Wohnsitz), who then needs `municipality`.
             * @example Lindenstraße 12
             */
            street?: string | null;
            /**
             * @description With street and postcode.
             * @example Musterstadt
             */
            city?: string | null;
            /**
             * @description Erreichbarkeit: a postal address c/o, e.g. a Beratungsstelle, Tagesaufenthalt or Postfach.
             * @example c/o Tagesaufenthalt Lichtblick, Bahnhofstraße 3, 64625 Bensheim
             */
            careOf?: string | null;
            /**
             * @description Erreichbarkeit: where the person is usually met, in words.
             * @example Vormittags am Tagesaufenthalt, nachmittags oft am Bahnhofsvorplatz
             */
            usualWhereabouts?: string | null;
            /**
             * @description The municipality (Gemeinde) whose providers serve the person: required without an address
             *     of residence, where it takes the postcode's place in provider search and availability.
             * @example Bensheim
             */
            municipality?: string | null;
            /**
             * @description Digits, spaces, `+`, `-`, `/`, `(` and `)`.
             * @example +49 30 1234567
             */
            phone?: string | null;
            /**
             * Format: email
             * @example erika.musterfrau@example.org
             */
            email?: string | null;
            /**
             * @description When the client is best reached.
             * @example Nachmittags
             */
            preferredContactTimes?: string | null;
            /**
             * @description The case manager's note to the provider; the provider reads it with the referral.
             * @example Bevorzugt Nachmittage; spricht Arabisch.
             */
            noteToProvider?: string | null;
        };
        /** @enum {string} */
        RestrictionGround: "accuracy_contested" | "unlawful_processing" | "legal_claims" | "objection_pending";
        RestrictClient: {
            ground: components["schemas"]["RestrictionGround"];
        };
        ClientRestriction: {
            /** Format: uuid */
            clientId: string;
            ground: components["schemas"]["RestrictionGround"];
            /** Format: date-time */
            restrictedAt: string;
        };
        CreateConsentTemplate: {
            /** @description The data categories a consent on this text may release. */
            categories: components["schemas"]["DataCategory"][];
            /**
             * @description The template family: lower-case letters and digits in words joined by hyphens.
             * @example schweigepflichtentbindung-jobcenter
             */
            key: string;
            title: string;
            /** @description The text the client reads and signs. */
            body: string;
        };
        ConsentTemplate: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The organisation whose consents may use it (once approved).
             */
            organisationId: string;
            /** @example schweigepflichtentbindung-jobcenter */
            key: string;
            title: string;
            body: string;
            categories: components["schemas"]["DataCategory"][];
            /**
             * Format: uuid
             * @description The data protection officer who wrote it.
             */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            approvedBy: string | null;
            /** Format: date-time */
            approvedAt: string | null;
            /**
             * Format: int32
             * @description 1 for the first version of a key, then one more for each new version.
             */
            version: number;
            /** @description Whether consents may be recorded on it. */
            approved: boolean;
        };
        ConsentTemplateSummary: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The organisation whose consents may use it (once approved).
             */
            organisationId: string;
            /** @example schweigepflichtentbindung-jobcenter */
            key: string;
            title: string;
            categories: components["schemas"]["DataCategory"][];
            /**
             * Format: uuid
             * @description The data protection officer who wrote it.
             */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            approvedBy: string | null;
            /** Format: date-time */
            approvedAt: string | null;
            /**
             * Format: int32
             * @description 1 for the first version of a key, then one more for each new version.
             */
            version: number;
            /** @description Whether consents may be recorded on it. */
            approved: boolean;
        };
        ConsentTemplateSummaryPage: {
            items: components["schemas"]["ConsentTemplateSummary"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        ConsentGrantInput: {
            category: components["schemas"]["DataCategory"];
            /**
             * Format: uuid
             * @description The organisation that may read it: normally the client's jobcenter. Not your own.
             */
            recipientOrganisationId: string;
        };
        /** @enum {string} */
        ConsentEvidenceForm: "written" | "verbal_witnessed" | "digital";
        ConsentEvidenceInput: {
            form: components["schemas"]["ConsentEvidenceForm"];
            /**
             * Format: date
             * @description The day the client signed, said it before a witness or confirmed it digitally; not in the
             *     future.
             * @example 2026-11-20
             */
            givenOn: string;
            /**
             * @description Where the signed form is kept, e.g. a document number in your file.
             * @example Akte 2026/117, Blatt 3
             */
            documentReference?: string | null;
        };
        RecordConsent: {
            /**
             * Format: uuid
             * @description The purpose: the referral this consent serves (of this client; one you work on).
             */
            referralId: string;
            /**
             * Format: uuid
             * @description An approved consent template of your organisation covering every granted category.
             */
            templateId: string;
            /** @description 1–50 releases, each pair of category and recipient once. */
            grants: components["schemas"]["ConsentGrantInput"][];
            /**
             * Format: date-time
             * @description From when it applies (ISO 8601 with offset); default now. Not before the day it was given.
             * @example 2026-11-21T09:00:00+01:00
             */
            validFrom?: string;
            /**
             * Format: date-time
             * @description Until when it applies (exclusive, ISO 8601 with offset), after `validFrom` and now; omit or
             *     null for "until revoked".
             * @example 2027-11-21T00:00:00+01:00
             */
            validUntil?: string | null;
            evidence: components["schemas"]["ConsentEvidenceInput"];
        };
        /**
         * @description Now: `withdrawn` (every grant revoked), else `superseded`, else `expired` (validUntil
         *     passed), else `given`. For an organisation other than the releasing one, computed from
         *     the grants to it only.
         * @enum {string}
         */
        ConsentStatus: "given" | "withdrawn" | "superseded" | "expired";
        ConsentActor: {
            /** Format: uuid */
            organisationId: string;
            /**
             * Format: uuid
             * @description The user; absent when they belong to another organisation than yours.
             */
            id?: string;
            /** @description Absent when they belong to another organisation than yours. */
            displayName?: string;
        };
        ConsentParty: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        ConsentGrant: {
            /** Format: uuid */
            id: string;
            category: components["schemas"]["DataCategory"];
            /**
             * Format: date-time
             * @description When it was revoked; null while it stands.
             */
            revokedAt: string | null;
            revokedBy: components["schemas"]["ConsentActor"] | null;
            recipient: components["schemas"]["ConsentParty"];
        };
        ConsentTemplateRef: {
            /** Format: uuid */
            id: string;
            /**
             * @description Absent unless your organisation released the consent.
             * @example schweigepflichtentbindung-jobcenter
             */
            key?: string;
            /** @description Absent unless your organisation released the consent. */
            title?: string;
            /** Format: int32 */
            version: number;
        };
        ConsentEvidence: {
            form: components["schemas"]["ConsentEvidenceForm"];
            /**
             * Format: date
             * @example 2026-11-20
             */
            givenOn: string;
            /** @description Where the signed form is kept; null when none, or for organisations other than the releasing one. */
            documentReference: string | null;
        };
        Consent: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /**
             * Format: uuid
             * @description The purpose: the referral it serves.
             */
            referralId: string;
            /** Format: date-time */
            validFrom: string;
            /**
             * Format: date-time
             * @description Exclusive; null: until revoked.
             */
            validUntil: string | null;
            /** Format: date-time */
            recordedAt: string;
            /**
             * Format: uuid
             * @description The record this one replaced; null when none, or when that one released nothing to you.
             */
            supersedesId: string | null;
            /**
             * Format: uuid
             * @description The record that replaced this one; null when none, or when it releases nothing to you.
             */
            supersededById: string | null;
            /**
             * @description Now: `withdrawn` (every grant revoked), else `superseded`, else `expired` (validUntil
             *     passed), else `given`. For an organisation other than the releasing one, computed from
             *     the grants to it only.
             */
            status: components["schemas"]["ConsentStatus"];
            grants: components["schemas"]["ConsentGrant"][];
            /** @description Whose content it releases. */
            releasingOrganisation: components["schemas"]["ConsentParty"];
            template: components["schemas"]["ConsentTemplateRef"];
            evidence: components["schemas"]["ConsentEvidence"];
            recordedBy: components["schemas"]["ConsentActor"];
        };
        ConsentPage: {
            items: components["schemas"]["Consent"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        EffectiveGrant: {
            category: components["schemas"]["DataCategory"];
            /** Format: uuid */
            recipientOrganisationId: string;
            recipientName: string;
            /** Format: uuid */
            releasingOrganisationId: string;
            releasingName: string;
            /**
             * Format: uuid
             * @description The consent record it comes from.
             */
            consentId: string;
            /**
             * Format: uuid
             * @description The purpose: the referral (Zuweisung) whose content it releases. It releases nothing of
             *     any other referral of the client.
             */
            referralId: string;
            /** Format: date-time */
            validUntil: string | null;
        };
        EffectiveConsent: {
            grants: components["schemas"]["EffectiveGrant"][];
            nothingReleased: boolean;
        };
        RevokeClientConsents: {
            /** @description The categories to revoke, for every recipient; omit to revoke everything the client released. */
            categories?: components["schemas"]["DataCategory"][];
        };
        ExpiringConsent: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** Format: uuid */
            referralId: string;
            /** Format: date-time */
            validFrom: string;
            /** Format: date-time */
            validUntil: string;
            /** @description The categories still released by it. */
            categories: components["schemas"]["DataCategory"][];
        };
        ExpiringConsentPage: {
            items: components["schemas"]["ExpiringConsent"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        RevokeConsent: {
            /**
             * @description The grants to revoke (among those you see); omit to revoke the whole consent: every grant
             *     still in force, also those to other organisations.
             */
            grantIds?: string[];
        };
        /** @enum {string} */
        ErasureReason: "no_longer_necessary" | "consent_withdrawn" | "objection" | "unlawful_processing" | "legal_obligation";
        EraseClient: {
            reason: components["schemas"]["ErasureReason"];
        };
        Erasure: {
            /** Format: uuid */
            clientId: string;
            reason: components["schemas"]["ErasureReason"];
            /** Format: date-time */
            erasedAt: string;
        };
        DataCopy: {
            /** Format: uuid */
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            /** @description The client record (master data, Erreichbarkeit, restriction). */
            client: {
                [key: string]: unknown;
            };
            referrals: {
                [key: string]: unknown;
            }[];
            /** @description Every step of the referrals, with its reason. */
            history: {
                [key: string]: unknown;
            }[];
            reports: {
                [key: string]: unknown;
            }[];
            reportSections: {
                [key: string]: unknown;
            }[];
            /** @description The client's appointments with the jobcenter, with their outcome (ADR 0021). */
            appointments: {
                [key: string]: unknown;
            }[];
            /**
             * @description The providers' records of accompaniments to those appointments, only where the client
             *     released participation to the jobcenter, without the providers' internal notes.
             */
            appointmentAttendances: {
                [key: string]: unknown;
            }[];
            /** @description The consent history: every record, superseded ones too, with its evidence. */
            consents: {
                [key: string]: unknown;
            }[];
            /** @description The grants of the consents, with their revocations. */
            consentGrants: {
                [key: string]: unknown;
            }[];
            /** @description The disclosure record: who received what about the client, when. */
            disclosures: {
                [key: string]: unknown;
            }[];
        };
        ProviderDataCopy: {
            /** Format: uuid */
            clientId: string;
            /**
             * Format: uuid
             * @description The provider whose part this is.
             */
            providerId: string;
            /** Format: date-time */
            createdAt: string;
            /** @description The referrals sent to the provider: state, assigned worker, dates, outcome. */
            referrals: {
                [key: string]: unknown;
            }[];
            /** @description The provider's own steps in those referrals, with their reasons. */
            history: {
                [key: string]: unknown;
            }[];
            /** @description Contacts and appointments the provider recorded. */
            activities: {
                [key: string]: unknown;
            }[];
            /** @description The provider's records of its accompaniments to the client's jobcenter appointments. */
            appointmentAttendances: {
                [key: string]: unknown;
            }[];
            /** @description The provider's reports, drafts too. */
            reports: {
                [key: string]: unknown;
            }[];
            /** @description Every section of those reports, released or not. */
            reportSections: {
                [key: string]: unknown;
            }[];
            /** @description The consent records the provider recorded, with their evidence. */
            consents: {
                [key: string]: unknown;
            }[];
            consentGrants: {
                [key: string]: unknown;
            }[];
            /** @description The disclosure record entries the provider was a party to. */
            disclosures: {
                [key: string]: unknown;
            }[];
        };
        RetentionPolicy: {
            /** Format: uuid */
            jobcenterId: string;
            /**
             * Format: int32
             * @description Months after the client's last referral closed until everything of the client is erased.
             * @example 36
             */
            caseContentMonths: number;
            /**
             * Format: int32
             * @description Months after its last change until a client who was never referred is erased.
             * @example 12
             */
            unreferredClientMonths: number;
            /**
             * Format: int32
             * @description Months the audit trail is kept (stated; its deletion is the operator's archive task).
             * @example 72
             */
            auditTrailMonths: number;
            /** Format: date-time */
            updatedAt: string | null;
            /** @description True while the jobcenter never changed the defaults. */
            isDefault: boolean;
        };
        UpdateRetentionPolicy: {
            /**
             * Format: int32
             * @example 36
             */
            caseContentMonths?: number;
            /**
             * Format: int32
             * @example 12
             */
            unreferredClientMonths?: number;
            /**
             * Format: int32
             * @example 72
             */
            auditTrailMonths?: number;
        };
        /**
         * @description `hash-mismatch`: the event's content was changed after sealing. `link-mismatch`: a seal
         *     does not continue the one before it, or the chain head does not match the last seal
         *     (then `eventId` is null). `missing-event`: the event a seal (or the sealing
         *     queue) names is gone. `position-gap`: seals are missing. `unsealed-event`: an event was
         *     taken off the sealing queue without being sealed.
         * @enum {string}
         */
        BrokenAuditLinkReason: "hash-mismatch" | "link-mismatch" | "missing-event" | "position-gap" | "unsealed-event";
        BrokenAuditLink: {
            /**
             * Format: int32
             * @description The chain position that fails; null for an event outside the chain.
             * @example 4711
             */
            position: number | null;
            /** @description The event concerned (its trail position, as in `AuditEvent.id`); null when a chain position has no seal at all. */
            eventId: string | null;
            /**
             * @description `hash-mismatch`: the event's content was changed after sealing. `link-mismatch`: a seal
             *     does not continue the one before it, or the chain head does not match the last seal
             *     (then `eventId` is null). `missing-event`: the event a seal (or the sealing
             *     queue) names is gone. `position-gap`: seals are missing. `unsealed-event`: an event was
             *     taken off the sealing queue without being sealed.
             */
            reason: components["schemas"]["BrokenAuditLinkReason"];
        };
        AuditChainVerification: {
            /**
             * Format: int32
             * @description The position of the chain's last link; only when `ok`.
             */
            headPosition?: number;
            /**
             * @description SHA-256 of the chain's last link (hex); only when `ok`. Keep it outside the database (e.g.
             *     in the operations log): a later chain whose link at `headPosition` has another hash was
             *     rewritten as a whole.
             * @example a3f1…
             */
            headHash?: string;
            /** @description The first link that does not hold; only when not `ok`. */
            firstBroken?: components["schemas"]["BrokenAuditLink"];
            /** @description True when every event is sealed (or queued for sealing) and every link holds. */
            ok: boolean;
            /**
             * Format: int32
             * @description How many links were checked and found intact.
             */
            checked: number;
        };
        /**
         * @description Whether a person of that organisation or its software (an API key) received it.
         * @enum {string}
         */
        DisclosureRecipientKind: "user" | "api_key";
        /**
         * @description `case_content`: a provider's case content, of the categories named. `client_record`: the
         *     jobcenter's record of the client (name, address, contact), shown to a provider working
         *     the case. `referral_summary`: the referral's summary of the client (postcode, the case
         *     manager's note to the provider), shown to the provider asked to take the case.
         * @enum {string}
         */
        DisclosedData: "case_content" | "client_record" | "referral_summary";
        ClientDisclosure: {
            /**
             * Format: date-time
             * @description When the data was shown.
             */
            occurredAt: string;
            /**
             * Format: uuid
             * @description The organisation that received the data.
             */
            recipientOrganisationId: string;
            /** @description Its name; null only if the organisation is unknown. */
            recipientOrganisationName: string | null;
            /** @description Whether a person of that organisation or its software (an API key) received it. */
            recipientKind: components["schemas"]["DisclosureRecipientKind"];
            /**
             * @description `case_content`: a provider's case content, of the categories named. `client_record`: the
             *     jobcenter's record of the client (name, address, contact), shown to a provider working
             *     the case. `referral_summary`: the referral's summary of the client (postcode, the case
             *     manager's note to the provider), shown to the provider asked to take the case.
             */
            what: components["schemas"]["DisclosedData"];
            /**
             * @description The data categories shown (Datenkategorien); empty for the jobcenter's data, and for
             *     readers who are party to no case (the operator's auditors).
             * @example [
             *       "participation"
             *     ]
             */
            categories: components["schemas"]["DataCategory"][];
            /**
             * Format: uuid
             * @description The provider whose case content it was; null for the client record.
             */
            authorOrganisationId: string | null;
        };
        ClientDisclosurePage: {
            items: components["schemas"]["ClientDisclosure"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        /** @enum {string} */
        EventType: "referral.sent" | "referral.accepted" | "referral.rejected" | "referral.started" | "referral.paused" | "referral.resumed" | "referral.completed" | "referral.ended" | "referral.cancelled" | "appointment.proposed" | "appointment.changed" | "report.submitted" | "report.corrected" | "consent.recorded" | "consent.revoked" | "consent.expiring_soon" | "consent.expired" | "contract.capacity_exhausted" | "client.restricted" | "client.restriction_lifted" | "client.erased" | "onward_referral.requested" | "onward_referral.accepted" | "onward_referral.declined" | "onward_referral.uptake_recorded";
        /** @enum {string} */
        EventSubject: "referral" | "report" | "appointment" | "consent" | "contract" | "client" | "onward_referral";
        EventObject: {
            type: components["schemas"]["EventSubject"];
            /** Format: uuid */
            id: string;
        };
        /**
         * @description `fetch`: read the object again; `purge`: drop cached copies, what was released is gone.
         * @enum {string}
         */
        EventInstruction: "fetch" | "purge";
        Event: {
            /**
             * Format: uuid
             * @description Also the `webhook-id` of its delivery; de-duplicate on it.
             */
            id: string;
            /**
             * @description Position in the organisation's feed; pass as `after` to read on from here.
             * @example 42
             */
            cursor: string;
            type: components["schemas"]["EventType"];
            /**
             * Format: uuid
             * @description The organisation the event is for.
             */
            organisationId: string;
            subject: components["schemas"]["EventObject"];
            /** Format: uuid */
            referralId: string | null;
            /** @description `fetch`: read the object again; `purge`: drop cached copies, what was released is gone. */
            instruction: components["schemas"]["EventInstruction"];
            /** Format: date-time */
            occurredAt: string;
        };
        EventFeed: {
            items: components["schemas"]["Event"][];
            /** @description Pass as `after` next time: the last item's cursor, or the `after` given when none. */
            cursor: string;
        };
        WebhookSubscription: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            /** @example https://fachverfahren.aufwind.example/lotse-events */
            url: string;
            eventTypes: components["schemas"]["EventType"][];
            /**
             * Format: date-time
             * @description When deliveries began to fail for good (see the delivery log); null while they succeed.
             */
            failingSince: string | null;
            /**
             * Format: int32
             * @description How many signing secrets are in force (2 during a rotation's overlap).
             */
            secretsInForce: number;
            /** Format: date-time */
            createdAt: string;
            /** @description Paused: deliveries wait until it is resumed; nothing is dropped. */
            paused: boolean;
        };
        WebhookSubscriptionPage: {
            items: components["schemas"]["WebhookSubscription"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        CreateWebhookSubscription: {
            eventTypes: components["schemas"]["EventType"][];
            /**
             * Format: uri
             * @description Where to POST events: `https` only, and not to an internal address unless the operator
             *     allowlisted it.
             * @example https://fachverfahren.aufwind.example/lotse-events
             */
            url: string;
        };
        WebhookSubscriptionWithSecret: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            /** @example https://fachverfahren.aufwind.example/lotse-events */
            url: string;
            eventTypes: components["schemas"]["EventType"][];
            /**
             * Format: date-time
             * @description When deliveries began to fail for good (see the delivery log); null while they succeed.
             */
            failingSince: string | null;
            /**
             * Format: int32
             * @description How many signing secrets are in force (2 during a rotation's overlap).
             */
            secretsInForce: number;
            /** Format: date-time */
            createdAt: string;
            /** @description Verify `webhook-signature` with it (Standard Webhooks). Store it now. */
            secret: string;
            /** @description Paused: deliveries wait until it is resumed; nothing is dropped. */
            paused: boolean;
        };
        /** @enum {string} */
        WebhookDeliveryStatus: "pending" | "delivered" | "failed";
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            subscriptionId: string;
            /**
             * Format: uuid
             * @description The event's id (`webhook-id`).
             */
            eventId: string;
            eventType: components["schemas"]["EventType"];
            status: components["schemas"]["WebhookDeliveryStatus"];
            /** Format: int32 */
            attempts: number;
            /** Format: date-time */
            nextAttemptAt: string | null;
            /** Format: date-time */
            lastAttemptAt: string | null;
            /** Format: int32 */
            lastStatusCode: number | null;
            /** @description Why the last attempt failed, e.g. `HTTP 503`, `redirect not followed`. */
            lastError: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        WebhookDeliveryPage: {
            items: components["schemas"]["WebhookDelivery"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        TokenPair: {
            /** @description Send as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /** @description Exchange at POST /auth/refresh for a new pair before the access token expires. Works once. */
            refreshToken: string;
            /**
             * @description Only after a sign-in: keep it on this device (90 days) and send it with the next login, so
             *     that this device still gets in while the account is throttled for others.
             */
            deviceToken?: string;
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
            /**
             * Format: int32
             * @description Seconds until the access token expires.
             * @example 900
             */
            expiresIn: number;
        };
        MfaChallenge: {
            /**
             * @description Send to `POST /auth/mfa/verify` with the code of your authenticator app (or, the first time,
             *     to `POST /auth/mfa/enrolment`). It opens nothing else and works for `expiresIn` seconds.
             */
            mfaToken: string;
            /**
             * Format: int32
             * @description Seconds the challenge stays valid.
             * @example 300
             */
            expiresIn: number;
            /** @description True when you have no second factor yet but must have one: set it up first. */
            enrolmentRequired: boolean;
        };
        Login: {
            /** @description Your email address, as your administrator registered it. */
            email: string;
            /** @description Your password. */
            password: string;
            /**
             * @description The `deviceToken` of an earlier sign-in on this device, if you kept it. Failed attempts
             *     are then counted for this device, not for the account: someone trying wrong passwords
             *     elsewhere cannot lock you out.
             */
            deviceToken?: string;
        };
        Refresh: {
            /** @description The refresh token of the last login or refresh; each one works once. */
            refreshToken: string;
        };
        ActivateAccount: {
            /**
             * @description The password you choose: 12 to 256 characters, no composition rules; common passwords and
             *     your own email address are refused.
             */
            newPassword: string;
            /**
             * @description The one-time code your organisation's lead (or the operator, for a new organisation's
             *     first lead) handed you; dashes, spaces and case do not matter.
             * @example K7QH-2MZR-W4TD-XB3N-J6PA-5VYE-LC2S-R9FG
             */
            code: string;
        };
        VerifyMfa: {
            /** @description The 6-digit code your authenticator app shows now. Give this or `recoveryCode`. */
            code?: string;
            /** @description One of your recovery codes (`XXXXX-XXXXX`); each works once. */
            recoveryCode?: string;
            /** @description The `mfaToken` of the login answer. */
            mfaToken: string;
        };
        MfaChallengeToken: {
            /** @description The `mfaToken` of the login answer. */
            mfaToken: string;
        };
        MfaEnrolment: {
            /** @description The secret in base32, for typing into the app. */
            secret: string;
            /** @description The same as an `otpauth://` URI, for a QR code. */
            otpauthUri: string;
        };
        ConfirmMfaEnrolment: {
            /** @description The `mfaToken` of the login answer. */
            mfaToken: string;
            /** @description The 6-digit code your authenticator app shows for the new secret. */
            code: string;
        };
        MfaEnrolled: {
            /** @description Send as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /** @description Exchange at POST /auth/refresh for a new pair before the access token expires. Works once. */
            refreshToken: string;
            /**
             * @description Only after a sign-in: keep it on this device (90 days) and send it with the next login, so
             *     that this device still gets in while the account is throttled for others.
             */
            deviceToken?: string;
            /** @description Ten recovery codes, shown this once: keep them safe; each one replaces a code once. */
            recoveryCodes: string[];
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
            /**
             * Format: int32
             * @description Seconds until the access token expires.
             * @example 900
             */
            expiresIn: number;
        };
        /** @enum {string} */
        Permission: "profile.read" | "profile.change_password" | "session.end" | "organisation.read" | "organisation.create" | "organisation.update" | "organisation.require_mfa" | "organisation.set_federal_state" | "user.read" | "user.create" | "user.update" | "user.reset_password" | "approval_request.read" | "approval_request.decide" | "approval_request.withdraw" | "operator_action.read" | "api_key.read" | "api_key.create" | "api_key.revoke" | "api_key.introspect" | "identity_provider.read" | "identity_provider.manage" | "identity_link.read" | "identity_link.manage" | "audit.read" | "audit.verify" | "client.create" | "client.read" | "client.update" | "client.restrict" | "client.erase" | "client.data_copy" | "retention_policy.read" | "retention_policy.manage" | "provider.read" | "provider.update" | "contract.read" | "contract.manage" | "billing_statement.create" | "billing_statement.read" | "worklist.read" | "availability.read" | "partner_agreement.read" | "partner_agreement.manage" | "onward_referral.create" | "onward_referral.read" | "onward_referral.decide" | "onward_referral.record_uptake" | "referral.create" | "referral.read" | "referral.update" | "referral.send" | "referral.cancel" | "referral.accept" | "referral.reject" | "referral.assign" | "referral.start" | "referral.pause" | "referral.resume" | "referral.complete" | "referral.end" | "activity.create" | "activity.read" | "appointment.propose" | "appointment.read" | "appointment.record_wish" | "appointment.confirm_accompaniment" | "appointment.record_outcome" | "appointment.record_attendance" | "consent_template.read" | "consent_template.manage" | "consent_template.approve" | "consent.record" | "consent.read" | "consent.revoke" | "report.create" | "report.read" | "report.update" | "report.submit" | "report.preview" | "disclosure_record.read" | "statistics.read" | "event.read" | "webhook.manage";
        Me: {
            /** Format: uuid */
            id: string;
            /**
             * Format: email
             * @example erika.musterfrau@jobcenter-musterstadt.de
             */
            email: string;
            /** @example Erika Musterfrau */
            displayName: string;
            roles: components["schemas"]["Role"][];
            /**
             * Format: date-time
             * @description When the password was last chosen or, by a reset, taken away.
             */
            passwordChangedAt: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            permissions: components["schemas"]["Permission"][];
            organisation: components["schemas"]["UserOrganisation"];
            /** @description A disabled user cannot sign in; their sessions ended when they were disabled. */
            active: boolean;
            /**
             * @description false for a new user, and after a password reset, until the user chooses a password with
             *     their activation code (`POST /auth/activate`); they cannot sign in until then.
             */
            passwordSet: boolean;
        };
        ChangePassword: {
            /** @description 12 to 256 characters; your other sessions end. */
            newPassword: string;
            currentPassword: string;
        };
        BackchannelLogout: {
            /** @description The logout token: a JWT signed by the identity provider. */
            logout_token: string;
        };
        /** @description A display name for people, e.g. `Zugesagt`. */
        DisplayName: string;
        /** @enum {string} */
        OrganisationKind: "jobcenter" | "provider" | "operator" | "partner";
        /** @enum {string} */
        RejectReason: "no_capacity" | "outside_service_area" | "not_suitable" | "other";
        /** @enum {string} */
        PauseReason: "hospital_stay" | "client_request" | "other";
        /** @enum {string} */
        CompletionOutcome: "goals_reached" | "handed_over" | "other";
        /** @enum {string} */
        EndReason: "client_unreachable" | "client_declined" | "client_withdrew" | "other";
        /** @enum {string} */
        CancelReason: "client_moved_away" | "no_longer_needed" | "other";
    };
    responses: {
        /** @description A parameter, query or body field is invalid (`validation-error`, with `errors`), or the body is not JSON (`invalid-json`). */
        BadRequest: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description No valid access token or API key, or its session has ended. */
        Unauthorized: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The caller lacks the permission this operation needs (see its description). */
        Forbidden: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Somebody changed the resource since you read it (`precondition-failed`): read it again and reapply your change with the new `ETag`. */
        PreconditionFailed: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The request body is larger than the server accepts. */
        PayloadTooLarge: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The request body is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description `If-Match` is missing (`precondition-required`): send the `ETag` of the version you are changing. */
        PreconditionRequired: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Too many requests from this caller in the current minute; see Retry-After. */
        TooManyRequests: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description An unexpected error; quote the requestId when reporting it. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The database is not reachable right now (`database-unavailable`); retry. */
        DatabaseUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The health status. */
        HealthStatus: {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HealthStatus"];
            };
        };
        /** @description One page of audit event items; pass `nextCursor` as `cursor` for the next. */
        AuditEventPage: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AuditEventPage"];
            };
        };
        /** @description No such organisation, or not yours. */
        OrganisationNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The organisation. `ETag` is its version. */
        Organisation: {
            headers: {
                ETag: components["headers"]["ETag"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Organisation"];
            };
        };
        /** @description No such organisation. */
        OrganisationNotFound2: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The user. `ETag` is its version. */
        User: {
            headers: {
                ETag: components["headers"]["ETag"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["User"];
            };
        };
        /** @description No such user, or not of your organisation. */
        UserNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The api key. */
        ApiKey: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiKey"];
            };
        };
        /** @description No such key, or not yours. */
        KeyNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The approval request. */
        ApprovalRequest: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApprovalRequest"];
            };
        };
        /** @description No such request, or not of your organisation. */
        RequestNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The request is no longer pending (`approval-request-closed`). */
        Conflict: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The identity provider. `ETag` is its version. */
        IdentityProvider: {
            headers: {
                ETag: components["headers"]["ETag"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["IdentityProvider"];
            };
        };
        /** @description No such organisation, not yours, or no identity provider. */
        OrganisationNotFound3: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description A mapped role does not fit the kind of organisation. */
        Unprocessable: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The provider. `ETag` is its version. */
        Provider: {
            headers: {
                ETag: components["headers"]["ETag"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Provider"];
            };
        };
        /** @description No such provider, or not yours. */
        ProviderNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The contract. `ETag` is its version. */
        Contract: {
            headers: {
                ETag: components["headers"]["ETag"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Contract"];
            };
        };
        /** @description No such contract, or not yours. */
        ContractNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description One page of onward referral items; pass `nextCursor` as `cursor` for the next. */
        OnwardReferralPage: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OnwardReferralPage"];
            };
        };
        /** @description The onward referral. */
        OnwardReferral: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OnwardReferral"];
            };
        };
        /** @description No such onward referral to your organisation. */
        OnwardNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The onward referral was already answered. */
        Conflict2: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The referral. `ETag` is its version. */
        Referral: {
            headers: {
                ETag: components["headers"]["ETag"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Referral"];
            };
        };
        /** @description No such referral, or not visible to you. */
        ReferralNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description No such referral, or not yours. */
        ReferralNotFound2: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The action is not allowed in the referral’s state. */
        Conflict3: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The worker is not an active worker or lead of your organisation. */
        Unprocessable2: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The Idempotency-Key was used for another request. */
        Unprocessable3: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The report. `ETag` is its version. */
        Report: {
            headers: {
                ETag: components["headers"]["ETag"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Report"];
            };
        };
        /** @description No such report, or not yours. */
        ReportNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The appointment. `ETag` is its version. */
        Appointment: {
            headers: {
                ETag: components["headers"]["ETag"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Appointment"];
            };
        };
        /** @description No such appointment, or not visible to you. */
        AppointmentNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Another client of your jobcenter has this customer number. */
        Conflict4: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The client. `ETag` is its version. */
        Client: {
            headers: {
                ETag: components["headers"]["ETag"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Client"];
            };
        };
        /** @description No such client in your jobcenter. */
        ClientNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description No such client of your jobcenter. */
        ClientNotFound2: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The consent template. */
        ConsentTemplate: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ConsentTemplate"];
            };
        };
        /** @description No such template of your organisation. */
        TemplateNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description No such client visible to you. */
        ClientNotFound3: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description No client of whom a referral was sent to your organisation. */
        NotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The retention policy. `ETag` is its version. */
        RetentionPolicy: {
            headers: {
                ETag: components["headers"]["ETag"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RetentionPolicy"];
            };
        };
        /** @description Your organisation is not a jobcenter: it has no schedule. */
        NotFound2: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The webhook subscription. */
        WebhookSubscription: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookSubscription"];
            };
        };
        /** @description No such webhook subscription, or not your organisation’s. */
        WebhookNotFound: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The token pair. */
        TokenPair: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TokenPair"];
            };
        };
    };
    parameters: {
        /** @description How many items to return (1–100). */
        LimitQuery: number;
        /** @description The `nextCursor` of the previous page; omit for the first page. */
        CursorQuery: string;
        IdPath: string;
        /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
        IfMatchHeader: string;
    };
    requestBodies: never;
    headers: {
        /** @description Requests the caller (user, API key, or address when anonymous) may make per minute. */
        "RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "RateLimit-Remaining": number;
        /** @description Seconds until the current window ends. */
        "RateLimit-Reset": number;
        /** @description Only for a browser Origin listed in CORS_ORIGINS (CORS is off when it is empty); never `*`. */
        "Access-Control-Allow-Origin": string;
        /** @description Seconds to wait before trying again. */
        "Retry-After": number;
        /** @description The version of the resource, e.g. `"3"`. Send it back in `If-Match` to change the resource; it changes with every change. */
        ETag: string;
        /** @description The path of the created resource, e.g. `/api/v1/referrals/{id}`. */
        Location: string;
    };
    pathItems: never;
}
export type SchemaHealthStatus = components['schemas']['HealthStatus'];
export type SchemaProblemType = components['schemas']['ProblemType'];
export type SchemaFieldError = components['schemas']['FieldError'];
export type SchemaReferralAction = components['schemas']['ReferralAction'];
export type SchemaReferralState = components['schemas']['ReferralState'];
export type SchemaRole = components['schemas']['Role'];
export type SchemaDataCategory = components['schemas']['DataCategory'];
export type SchemaProblemDetails = components['schemas']['ProblemDetails'];
export type SchemaLanguage = components['schemas']['Language'];
export type SchemaLabels = components['schemas']['Labels'];
export type SchemaFederalState = components['schemas']['FederalState'];
export type SchemaOrganisation = components['schemas']['Organisation'];
export type SchemaOrganisationPage = components['schemas']['OrganisationPage'];
export type SchemaNewPerson = components['schemas']['NewPerson'];
export type SchemaCreateOrganisation = components['schemas']['CreateOrganisation'];
export type SchemaActivationPurpose = components['schemas']['ActivationPurpose'];
export type SchemaActivationCode = components['schemas']['ActivationCode'];
export type SchemaUserOrganisation = components['schemas']['UserOrganisation'];
export type SchemaCreatedUser = components['schemas']['CreatedUser'];
export type SchemaCreatedOrganisation = components['schemas']['CreatedOrganisation'];
export type SchemaAuditActorKind = components['schemas']['AuditActorKind'];
export type SchemaAuditOutcome = components['schemas']['AuditOutcome'];
export type SchemaAuditEvent = components['schemas']['AuditEvent'];
export type SchemaAuditEventPage = components['schemas']['AuditEventPage'];
export type SchemaUpdateOrganisation = components['schemas']['UpdateOrganisation'];
export type SchemaMfaRequirement = components['schemas']['MfaRequirement'];
export type SchemaFederalStateSetting = components['schemas']['FederalStateSetting'];
export type SchemaUser = components['schemas']['User'];
export type SchemaUserPage = components['schemas']['UserPage'];
export type SchemaCreateUser = components['schemas']['CreateUser'];
export type SchemaApprovalKind = components['schemas']['ApprovalKind'];
export type SchemaApprovalState = components['schemas']['ApprovalState'];
export type SchemaProposedUser = components['schemas']['ProposedUser'];
export type SchemaProposedUserChange = components['schemas']['ProposedUserChange'];
export type SchemaApiKeyScope = components['schemas']['ApiKeyScope'];
export type SchemaProposedApiKey = components['schemas']['ProposedApiKey'];
export type SchemaApprovalRequest = components['schemas']['ApprovalRequest'];
export type SchemaUpdateUser = components['schemas']['UpdateUser'];
export type SchemaApiKey = components['schemas']['ApiKey'];
export type SchemaApiKeyPage = components['schemas']['ApiKeyPage'];
export type SchemaCreateApiKey = components['schemas']['CreateApiKey'];
export type SchemaCreatedApiKey = components['schemas']['CreatedApiKey'];
export type SchemaApprovalRequestPage = components['schemas']['ApprovalRequestPage'];
export type SchemaApprovalOutcome = components['schemas']['ApprovalOutcome'];
export type SchemaRoleMappingEntry = components['schemas']['RoleMappingEntry'];
export type SchemaIdentityProvider = components['schemas']['IdentityProvider'];
export type SchemaCreateIdentityProvider = components['schemas']['CreateIdentityProvider'];
export type SchemaUpdateIdentityProvider = components['schemas']['UpdateIdentityProvider'];
export type SchemaIdentityLink = components['schemas']['IdentityLink'];
export type SchemaIdentityLinkPage = components['schemas']['IdentityLinkPage'];
export type SchemaCreateIdentityLink = components['schemas']['CreateIdentityLink'];
export type SchemaServiceKind = components['schemas']['ServiceKind'];
export type SchemaProvider = components['schemas']['Provider'];
export type SchemaProviderPage = components['schemas']['ProviderPage'];
export type SchemaUpdateProvider = components['schemas']['UpdateProvider'];
export type SchemaBillingUnit = components['schemas']['BillingUnit'];
export type SchemaBillingTerm = components['schemas']['BillingTerm'];
export type SchemaContract = components['schemas']['Contract'];
export type SchemaContractPage = components['schemas']['ContractPage'];
export type SchemaCreateContract = components['schemas']['CreateContract'];
export type SchemaUpdateContract = components['schemas']['UpdateContract'];
export type SchemaPartnerAgreement = components['schemas']['PartnerAgreement'];
export type SchemaPartnerAgreementPage = components['schemas']['PartnerAgreementPage'];
export type SchemaCreatePartnerAgreement = components['schemas']['CreatePartnerAgreement'];
export type SchemaCreateOnwardReferral = components['schemas']['CreateOnwardReferral'];
export type SchemaOnwardReferralState = components['schemas']['OnwardReferralState'];
export type SchemaOnwardClientIdentity = components['schemas']['OnwardClientIdentity'];
export type SchemaOnwardReferral = components['schemas']['OnwardReferral'];
export type SchemaOnwardReferralPage = components['schemas']['OnwardReferralPage'];
export type SchemaReleasedOnwardReferral = components['schemas']['ReleasedOnwardReferral'];
export type SchemaReleasedOnwardReferralPage = components['schemas']['ReleasedOnwardReferralPage'];
export type SchemaUptakeOutcome = components['schemas']['UptakeOutcome'];
export type SchemaRecordUptake = components['schemas']['RecordUptake'];
export type SchemaAvailability = components['schemas']['Availability'];
export type SchemaAvailabilityPage = components['schemas']['AvailabilityPage'];
export type SchemaCreateReferral = components['schemas']['CreateReferral'];
export type SchemaReferralReason = components['schemas']['ReferralReason'];
export type SchemaReferralPriority = components['schemas']['ReferralPriority'];
export type SchemaPersonRef = components['schemas']['PersonRef'];
export type SchemaReferralParty = components['schemas']['ReferralParty'];
export type SchemaClientSummary = components['schemas']['ClientSummary'];
export type SchemaReferral = components['schemas']['Referral'];
export type SchemaReferralPage = components['schemas']['ReferralPage'];
export type SchemaUpdateReferral = components['schemas']['UpdateReferral'];
export type SchemaTransitionActor = components['schemas']['TransitionActor'];
export type SchemaReferralTransition = components['schemas']['ReferralTransition'];
export type SchemaReferralTransitionPage = components['schemas']['ReferralTransitionPage'];
export type SchemaClientContactWay = components['schemas']['ClientContactWay'];
export type SchemaClient = components['schemas']['Client'];
export type SchemaAcceptReferral = components['schemas']['AcceptReferral'];
export type SchemaRejectReferral = components['schemas']['RejectReferral'];
export type SchemaPauseReferral = components['schemas']['PauseReferral'];
export type SchemaCompleteReferral = components['schemas']['CompleteReferral'];
export type SchemaEndReferral = components['schemas']['EndReferral'];
export type SchemaCancelReferral = components['schemas']['CancelReferral'];
export type SchemaAssignReferral = components['schemas']['AssignReferral'];
export type SchemaCreateActivity = components['schemas']['CreateActivity'];
export type SchemaActivityKind = components['schemas']['ActivityKind'];
export type SchemaActivity = components['schemas']['Activity'];
export type SchemaActivityPage = components['schemas']['ActivityPage'];
export type SchemaWorklistItemKind = components['schemas']['WorklistItemKind'];
export type SchemaWorklistItem = components['schemas']['WorklistItem'];
export type SchemaWorklistItemPage = components['schemas']['WorklistItemPage'];
export type SchemaDisclosureCheck = components['schemas']['DisclosureCheck'];
export type SchemaOutcomeCount = components['schemas']['OutcomeCount'];
export type SchemaCountCell = components['schemas']['CountCell'];
export type SchemaOutcomeGroup = components['schemas']['OutcomeGroup'];
export type SchemaOrganisationMonthRow = components['schemas']['OrganisationMonthRow'];
export type SchemaOrganisationMonthTable = components['schemas']['OrganisationMonthTable'];
export type SchemaCapacityUse = components['schemas']['CapacityUse'];
export type SchemaStateCount = components['schemas']['StateCount'];
export type SchemaStateCounts = components['schemas']['StateCounts'];
export type SchemaServiceMonthRow = components['schemas']['ServiceMonthRow'];
export type SchemaServiceMonthTable = components['schemas']['ServiceMonthTable'];
export type SchemaRate = components['schemas']['Rate'];
export type SchemaMedian = components['schemas']['Median'];
export type SchemaReferralStatistics = components['schemas']['ReferralStatistics'];
export type SchemaStatisticsTable = components['schemas']['StatisticsTable'];
export type SchemaCsvSeparator = components['schemas']['CsvSeparator'];
export type SchemaCorrectionReason = components['schemas']['CorrectionReason'];
export type SchemaExcludedLine = components['schemas']['ExcludedLine'];
export type SchemaCreateStatement = components['schemas']['CreateStatement'];
export type SchemaStatementSubtotal = components['schemas']['StatementSubtotal'];
export type SchemaStatementLine = components['schemas']['StatementLine'];
export type SchemaStatement = components['schemas']['Statement'];
export type SchemaStatementSummary = components['schemas']['StatementSummary'];
export type SchemaStatementList = components['schemas']['StatementList'];
export type SchemaReportSectionInput = components['schemas']['ReportSectionInput'];
export type SchemaCreateReport = components['schemas']['CreateReport'];
export type SchemaReportKind = components['schemas']['ReportKind'];
export type SchemaReportStatus = components['schemas']['ReportStatus'];
export type SchemaReportSection = components['schemas']['ReportSection'];
export type SchemaReport = components['schemas']['Report'];
export type SchemaReportPage = components['schemas']['ReportPage'];
export type SchemaUpdateReport = components['schemas']['UpdateReport'];
export type SchemaCreateAppointment = components['schemas']['CreateAppointment'];
export type SchemaAppointmentMode = components['schemas']['AppointmentMode'];
export type SchemaAppointmentPurpose = components['schemas']['AppointmentPurpose'];
export type SchemaAppointmentParty = components['schemas']['AppointmentParty'];
export type SchemaAppointmentOutcome = components['schemas']['AppointmentOutcome'];
export type SchemaAccompanimentMeeting = components['schemas']['AccompanimentMeeting'];
export type SchemaAttendance = components['schemas']['Attendance'];
export type SchemaAppointment = components['schemas']['Appointment'];
export type SchemaAppointmentPage = components['schemas']['AppointmentPage'];
export type SchemaAccompanimentWish = components['schemas']['AccompanimentWish'];
export type SchemaAppointmentSlot = components['schemas']['AppointmentSlot'];
export type SchemaAppointmentOutcomeInput = components['schemas']['AppointmentOutcomeInput'];
export type SchemaAttendanceInput = components['schemas']['AttendanceInput'];
export type SchemaCreateClient = components['schemas']['CreateClient'];
export type SchemaClientPage = components['schemas']['ClientPage'];
export type SchemaUpdateClient = components['schemas']['UpdateClient'];
export type SchemaRestrictionGround = components['schemas']['RestrictionGround'];
export type SchemaRestrictClient = components['schemas']['RestrictClient'];
export type SchemaClientRestriction = components['schemas']['ClientRestriction'];
export type SchemaCreateConsentTemplate = components['schemas']['CreateConsentTemplate'];
export type SchemaConsentTemplate = components['schemas']['ConsentTemplate'];
export type SchemaConsentTemplateSummary = components['schemas']['ConsentTemplateSummary'];
export type SchemaConsentTemplateSummaryPage = components['schemas']['ConsentTemplateSummaryPage'];
export type SchemaConsentGrantInput = components['schemas']['ConsentGrantInput'];
export type SchemaConsentEvidenceForm = components['schemas']['ConsentEvidenceForm'];
export type SchemaConsentEvidenceInput = components['schemas']['ConsentEvidenceInput'];
export type SchemaRecordConsent = components['schemas']['RecordConsent'];
export type SchemaConsentStatus = components['schemas']['ConsentStatus'];
export type SchemaConsentActor = components['schemas']['ConsentActor'];
export type SchemaConsentParty = components['schemas']['ConsentParty'];
export type SchemaConsentGrant = components['schemas']['ConsentGrant'];
export type SchemaConsentTemplateRef = components['schemas']['ConsentTemplateRef'];
export type SchemaConsentEvidence = components['schemas']['ConsentEvidence'];
export type SchemaConsent = components['schemas']['Consent'];
export type SchemaConsentPage = components['schemas']['ConsentPage'];
export type SchemaEffectiveGrant = components['schemas']['EffectiveGrant'];
export type SchemaEffectiveConsent = components['schemas']['EffectiveConsent'];
export type SchemaRevokeClientConsents = components['schemas']['RevokeClientConsents'];
export type SchemaExpiringConsent = components['schemas']['ExpiringConsent'];
export type SchemaExpiringConsentPage = components['schemas']['ExpiringConsentPage'];
export type SchemaRevokeConsent = components['schemas']['RevokeConsent'];
export type SchemaErasureReason = components['schemas']['ErasureReason'];
export type SchemaEraseClient = components['schemas']['EraseClient'];
export type SchemaErasure = components['schemas']['Erasure'];
export type SchemaDataCopy = components['schemas']['DataCopy'];
export type SchemaProviderDataCopy = components['schemas']['ProviderDataCopy'];
export type SchemaRetentionPolicy = components['schemas']['RetentionPolicy'];
export type SchemaUpdateRetentionPolicy = components['schemas']['UpdateRetentionPolicy'];
export type SchemaBrokenAuditLinkReason = components['schemas']['BrokenAuditLinkReason'];
export type SchemaBrokenAuditLink = components['schemas']['BrokenAuditLink'];
export type SchemaAuditChainVerification = components['schemas']['AuditChainVerification'];
export type SchemaDisclosureRecipientKind = components['schemas']['DisclosureRecipientKind'];
export type SchemaDisclosedData = components['schemas']['DisclosedData'];
export type SchemaClientDisclosure = components['schemas']['ClientDisclosure'];
export type SchemaClientDisclosurePage = components['schemas']['ClientDisclosurePage'];
export type SchemaEventType = components['schemas']['EventType'];
export type SchemaEventSubject = components['schemas']['EventSubject'];
export type SchemaEventObject = components['schemas']['EventObject'];
export type SchemaEventInstruction = components['schemas']['EventInstruction'];
export type SchemaEvent = components['schemas']['Event'];
export type SchemaEventFeed = components['schemas']['EventFeed'];
export type SchemaWebhookSubscription = components['schemas']['WebhookSubscription'];
export type SchemaWebhookSubscriptionPage = components['schemas']['WebhookSubscriptionPage'];
export type SchemaCreateWebhookSubscription = components['schemas']['CreateWebhookSubscription'];
export type SchemaWebhookSubscriptionWithSecret = components['schemas']['WebhookSubscriptionWithSecret'];
export type SchemaWebhookDeliveryStatus = components['schemas']['WebhookDeliveryStatus'];
export type SchemaWebhookDelivery = components['schemas']['WebhookDelivery'];
export type SchemaWebhookDeliveryPage = components['schemas']['WebhookDeliveryPage'];
export type SchemaTokenPair = components['schemas']['TokenPair'];
export type SchemaMfaChallenge = components['schemas']['MfaChallenge'];
export type SchemaLogin = components['schemas']['Login'];
export type SchemaRefresh = components['schemas']['Refresh'];
export type SchemaActivateAccount = components['schemas']['ActivateAccount'];
export type SchemaVerifyMfa = components['schemas']['VerifyMfa'];
export type SchemaMfaChallengeToken = components['schemas']['MfaChallengeToken'];
export type SchemaMfaEnrolment = components['schemas']['MfaEnrolment'];
export type SchemaConfirmMfaEnrolment = components['schemas']['ConfirmMfaEnrolment'];
export type SchemaMfaEnrolled = components['schemas']['MfaEnrolled'];
export type SchemaPermission = components['schemas']['Permission'];
export type SchemaMe = components['schemas']['Me'];
export type SchemaChangePassword = components['schemas']['ChangePassword'];
export type SchemaBackchannelLogout = components['schemas']['BackchannelLogout'];
export type SchemaDisplayName = components['schemas']['DisplayName'];
export type SchemaOrganisationKind = components['schemas']['OrganisationKind'];
export type SchemaRejectReason = components['schemas']['RejectReason'];
export type SchemaPauseReason = components['schemas']['PauseReason'];
export type SchemaCompletionOutcome = components['schemas']['CompletionOutcome'];
export type SchemaEndReason = components['schemas']['EndReason'];
export type SchemaCancelReason = components['schemas']['CancelReason'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponsePreconditionFailed = components['responses']['PreconditionFailed'];
export type ResponsePayloadTooLarge = components['responses']['PayloadTooLarge'];
export type ResponseUnsupportedMediaType = components['responses']['UnsupportedMediaType'];
export type ResponsePreconditionRequired = components['responses']['PreconditionRequired'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseInternalError = components['responses']['InternalError'];
export type ResponseDatabaseUnavailable = components['responses']['DatabaseUnavailable'];
export type ResponseHealthStatus = components['responses']['HealthStatus'];
export type ResponseAuditEventPage = components['responses']['AuditEventPage'];
export type ResponseOrganisationNotFound = components['responses']['OrganisationNotFound'];
export type ResponseOrganisation = components['responses']['Organisation'];
export type ResponseOrganisationNotFound2 = components['responses']['OrganisationNotFound2'];
export type ResponseUser = components['responses']['User'];
export type ResponseUserNotFound = components['responses']['UserNotFound'];
export type ResponseApiKey = components['responses']['ApiKey'];
export type ResponseKeyNotFound = components['responses']['KeyNotFound'];
export type ResponseApprovalRequest = components['responses']['ApprovalRequest'];
export type ResponseRequestNotFound = components['responses']['RequestNotFound'];
export type ResponseConflict = components['responses']['Conflict'];
export type ResponseIdentityProvider = components['responses']['IdentityProvider'];
export type ResponseOrganisationNotFound3 = components['responses']['OrganisationNotFound3'];
export type ResponseUnprocessable = components['responses']['Unprocessable'];
export type ResponseProvider = components['responses']['Provider'];
export type ResponseProviderNotFound = components['responses']['ProviderNotFound'];
export type ResponseContract = components['responses']['Contract'];
export type ResponseContractNotFound = components['responses']['ContractNotFound'];
export type ResponseOnwardReferralPage = components['responses']['OnwardReferralPage'];
export type ResponseOnwardReferral = components['responses']['OnwardReferral'];
export type ResponseOnwardNotFound = components['responses']['OnwardNotFound'];
export type ResponseConflict2 = components['responses']['Conflict2'];
export type ResponseReferral = components['responses']['Referral'];
export type ResponseReferralNotFound = components['responses']['ReferralNotFound'];
export type ResponseReferralNotFound2 = components['responses']['ReferralNotFound2'];
export type ResponseConflict3 = components['responses']['Conflict3'];
export type ResponseUnprocessable2 = components['responses']['Unprocessable2'];
export type ResponseUnprocessable3 = components['responses']['Unprocessable3'];
export type ResponseReport = components['responses']['Report'];
export type ResponseReportNotFound = components['responses']['ReportNotFound'];
export type ResponseAppointment = components['responses']['Appointment'];
export type ResponseAppointmentNotFound = components['responses']['AppointmentNotFound'];
export type ResponseConflict4 = components['responses']['Conflict4'];
export type ResponseClient = components['responses']['Client'];
export type ResponseClientNotFound = components['responses']['ClientNotFound'];
export type ResponseClientNotFound2 = components['responses']['ClientNotFound2'];
export type ResponseConsentTemplate = components['responses']['ConsentTemplate'];
export type ResponseTemplateNotFound = components['responses']['TemplateNotFound'];
export type ResponseClientNotFound3 = components['responses']['ClientNotFound3'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseRetentionPolicy = components['responses']['RetentionPolicy'];
export type ResponseNotFound2 = components['responses']['NotFound2'];
export type ResponseWebhookSubscription = components['responses']['WebhookSubscription'];
export type ResponseWebhookNotFound = components['responses']['WebhookNotFound'];
export type ResponseTokenPair = components['responses']['TokenPair'];
export type ParameterLimitQuery = components['parameters']['LimitQuery'];
export type ParameterCursorQuery = components['parameters']['CursorQuery'];
export type ParameterIdPath = components['parameters']['IdPath'];
export type ParameterIfMatchHeader = components['parameters']['IfMatchHeader'];
export type HeaderRateLimitLimit = components['headers']['RateLimit-Limit'];
export type HeaderRateLimitRemaining = components['headers']['RateLimit-Remaining'];
export type HeaderRateLimitReset = components['headers']['RateLimit-Reset'];
export type HeaderAccessControlAllowOrigin = components['headers']['Access-Control-Allow-Origin'];
export type HeaderRetryAfter = components['headers']['Retry-After'];
export type HeaderETag = components['headers']['ETag'];
export type HeaderLocation = components['headers']['Location'];
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "vorname.nachname@jobcenter.example",
                 *       "password": "Ihr Passwort"
                 *     }
                 */
                "application/json": components["schemas"]["Login"];
            };
        };
        responses: {
            /** @description Signed in (a token pair), or, for a user with a second factor or one who must have one (admins, auditors, organisations that require it), an MFA challenge. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"] | components["schemas"]["MfaChallenge"];
                };
            };
            /** @description email or password missing or malformed. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Wrong email or password (the same answer for an unknown or disabled account). */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The right password, but the organisation signs in through its identity provider only (`password-login-disabled`). */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Too many attempts for this account or from this address; see Retry-After. */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refreshToken": "Z3Vlc3QtcmVmcmVzaC10b2tlbi1mcm9tLWxvZ2lu"
                 *     }
                 */
                "application/json": components["schemas"]["Refresh"];
            };
        };
        responses: {
            200: components["responses"]["TokenPair"];
            400: components["responses"]["BadRequest"];
            /** @description Unknown, used, expired or ended refresh token: sign in again. */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    activateAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "K7QH-2MZR-W4TD-XB3N-J6PA-5VYE-LC2S-R7FG",
                 *       "newPassword": "Laterne-Regen-Brücke-17"
                 *     }
                 */
                "application/json": components["schemas"]["ActivateAccount"];
            };
        };
        responses: {
            /** @description Password set; sign in with it. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The code or the password is missing or malformed, or the password is not acceptable. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The code is not valid (any more): ask for a new one (`invalid-activation-code`). */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Too many attempts from this address; see Retry-After. */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    verifyMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mfaToken": "bWZhLWNoYWxsZW5nZS1vZi10aGUtbG9naW4tYW5zd2Vy",
                 *       "code": "492039"
                 *     }
                 */
                "application/json": components["schemas"]["VerifyMfa"];
            };
        };
        responses: {
            200: components["responses"]["TokenPair"];
            /** @description mfaToken missing or malformed, or neither or both of code and recoveryCode. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The challenge is unknown, expired or used (`invalid-mfa-challenge`: sign in again), or the code is wrong or used (`invalid-mfa-code`). */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Too many attempts for this account or from this address; see Retry-After. */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    startMfaEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mfaToken": "bWZhLWNoYWxsZW5nZS1vZi10aGUtbG9naW4tYW5zd2Vy"
                 *     }
                 */
                "application/json": components["schemas"]["MfaChallengeToken"];
            };
        };
        responses: {
            /** @description The mfa enrolment. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaEnrolment"];
                };
            };
            /** @description mfaToken missing or malformed. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The challenge is unknown, expired or used: sign in again (`invalid-mfa-challenge`). */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description You have a second factor already: use POST /auth/mfa/verify (`mfa-already-enrolled`). */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Too many attempts for this account or from this address; see Retry-After. */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    confirmMfaEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mfaToken": "bWZhLWNoYWxsZW5nZS1vZi10aGUtbG9naW4tYW5zd2Vy",
                 *       "code": "492039"
                 *     }
                 */
                "application/json": components["schemas"]["ConfirmMfaEnrolment"];
            };
        };
        responses: {
            /** @description The mfa enrolled. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaEnrolled"];
                };
            };
            /** @description mfaToken or code missing or malformed. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The challenge is unknown, expired or used (`invalid-mfa-challenge`), or the code does not fit the new secret (`invalid-mfa-code`). */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description You have a second factor already (`mfa-already-enrolled`). */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Too many attempts for this account or from this address; see Retry-After. */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The me. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    changeMyPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "currentPassword": "Ihr bisheriges Passwort",
                 *       "newPassword": "Herbstlaub-am-Kanal-2026"
                 *     }
                 */
                "application/json": components["schemas"]["ChangePassword"];
            };
        };
        responses: {
            /** @description Password changed. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The current password is wrong. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many attempts; see Retry-After. */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    startOidcLogin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the identity provider; sets the short-lived cookie `lotse_oidc`. */
            302: {
                headers: {
                    /** @description The identity provider’s authorization endpoint with state, nonce and PKCE. */
                    Location?: string;
                    /** @description Binds the sign-in to this browser (HttpOnly, SameSite=Lax, 10 minutes). */
                    "Set-Cookie"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            /** @description No such organisation, or it does not sign in through an identity provider. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description The identity provider did not answer. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    finishOidcLogin: {
        parameters: {
            query?: {
                /** @description The authorization code. */
                code?: string;
                /** @description The state Lotse sent at the start. */
                state?: string;
                /** @description The issuer that answers (RFC 9207). */
                iss?: string;
                /** @description Keycloak's session state; not used. */
                session_state?: string;
                /** @description The provider refused or the person cancelled, e.g. `access_denied`. */
                error?: string;
                error_description?: string;
                error_uri?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TokenPair"];
            /** @description An unexpected query parameter. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The sign-in could not be verified (`sso-login-failed`): start again. */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not linked (`sso-account-not-linked`), or no usable role (`sso-roles-refused`). */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description The identity provider did not answer. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    receiveBackchannelLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "logout_token": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImxvZ291dCtqd3QifQ.e30.c2ln"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["BackchannelLogout"];
            };
        };
        responses: {
            /** @description The sessions the token names have ended. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid logout token of a configured identity provider (`invalid-logout-token`). */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description The identity provider’s keys could not be read. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listClients: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description Only clients living in this postcode area (PLZ). */
                postcode?: string;
                /** @description Only clients created or changed at or after this time (ISO 8601 with offset). */
                updatedSince?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of client items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "customerNumber": "123D456789",
                 *       "givenName": "Erika",
                 *       "familyName": "Musterfrau",
                 *       "dateOfBirth": "1984-03-07",
                 *       "street": "Lindenstraße 12",
                 *       "postcode": "12043",
                 *       "city": "Musterstadt",
                 *       "phone": "+49 30 1234567",
                 *       "email": "erika.musterfrau@example.org",
                 *       "preferredContact": "home_visit",
                 *       "preferredContactTimes": "Nachmittags ab 14 Uhr",
                 *       "noteToProvider": "Öffnet Briefe seit Monaten nicht; ein Hausbesuch wird eher angenommen."
                 *     }
                 */
                "application/json": components["schemas"]["CreateClient"];
            };
        };
        responses: {
            /** @description Created: the new client. `Location` names it. `ETag` is its version. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Client"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict4"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Client"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClientNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateClient: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "phone": "+49 30 7654321",
                 *       "preferredContactTimes": "Vormittags"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateClient"];
            };
        };
        responses: {
            200: components["responses"]["Client"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClientNotFound"];
            409: components["responses"]["Conflict4"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    restrictClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ground": "accuracy_contested"
                 *     }
                 */
                "application/json": components["schemas"]["RestrictClient"];
            };
        };
        responses: {
            /** @description The client restriction. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientRestriction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClientNotFound2"];
            /** @description The processing is already restricted (`already-restricted`). */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    liftClientRestriction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lifted. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClientNotFound2"];
            /** @description The processing is not restricted (`not-restricted`). */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    eraseClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "no_longer_necessary"
                 *     }
                 */
                "application/json": components["schemas"]["EraseClient"];
            };
        };
        responses: {
            /** @description The erasure. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erasure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClientNotFound2"];
            /** @description An open referral or a legal hold still requires the data (`erasure-blocked`). */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getClientDataCopy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The data copy. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataCopy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClientNotFound2"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getClientDataCopyText: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The copy as plain text (German). */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClientNotFound2"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getProviderDataCopy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The provider data copy. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderDataCopy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /**
             * @description The client’s processing is restricted.
             *
             *     The caller lacks the permission this operation needs (see its description).
             */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getProviderDataCopyText: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The provider’s part as plain text (German). */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /**
             * @description The client’s processing is restricted.
             *
             *     The caller lacks the permission this operation needs (see its description).
             */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getRetentionPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["RetentionPolicy"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound2"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateRetentionPolicy: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "caseContentMonths": 24
                 *     }
                 */
                "application/json": components["schemas"]["UpdateRetentionPolicy"];
            };
        };
        responses: {
            200: components["responses"]["RetentionPolicy"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound2"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listReferrals: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                providerId?: string;
                caseManagerId?: string;
                clientId?: string;
                /** @description Only referrals changed at or after this time (ISO 8601). */
                updatedSince?: string;
                state?: components["schemas"]["ReferralState"];
                /**
                 * @description Providers only: referrals whose first contact is overdue (`true`). Whether contact was made
                 *     is participation content, so jobcenters cannot filter by it.
                 */
                overdue?: boolean;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of referral items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createReferral: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "clientId": "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                 *       "providerId": "2b7e4c1d-9a8f-4e3d-b2c1-7f6e5d4c3b2a",
                 *       "reasonCategory": "lost_contact",
                 *       "reasonText": "Seit einem Jahr keine Termine wahrgenommen; Mietrückstände drohen.",
                 *       "goals": "Kontakt wiederherstellen, Wohnung sichern.",
                 *       "requestedServices": [
                 *         "outreach_home_visits",
                 *         "housing_security"
                 *       ],
                 *       "priority": "high"
                 *     }
                 */
                "application/json": components["schemas"]["CreateReferral"];
            };
        };
        responses: {
            /** @description Created: the new referral. `Location` names it. `ETag` is its version. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Referral"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such client of your jobcenter, or no such provider. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getReferral: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Referral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateReferral: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "priority": "urgent",
                 *       "goals": "Wohnung sichern, Schulden ordnen."
                 *     }
                 */
                "application/json": components["schemas"]["UpdateReferral"];
            };
        };
        responses: {
            200: components["responses"]["Referral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound2"];
            /** @description The referral is no longer a draft. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getReferralHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of referral transition items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralTransitionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getReferralClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The client. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Client"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such referral, or the client is not (or no longer) visible to you. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    sendReferral: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Referral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            /** @description Not a draft, or no free place left under the contracts with this provider. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description No contract with this provider is valid today and covers the requested services. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    acceptReferral: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "assignedWorkerId": "4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d"
                 *     }
                 */
                "application/json": components["schemas"]["AcceptReferral"];
            };
        };
        responses: {
            200: components["responses"]["Referral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            409: components["responses"]["Conflict3"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable2"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    rejectReferral: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "outside_service_area"
                 *     }
                 */
                "application/json": components["schemas"]["RejectReferral"];
            };
        };
        responses: {
            200: components["responses"]["Referral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            409: components["responses"]["Conflict3"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    startReferral: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Referral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            409: components["responses"]["Conflict3"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    pauseReferral: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "hospital_stay"
                 *     }
                 */
                "application/json": components["schemas"]["PauseReferral"];
            };
        };
        responses: {
            200: components["responses"]["Referral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            409: components["responses"]["Conflict3"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    resumeReferral: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Referral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            409: components["responses"]["Conflict3"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    completeReferral: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "outcome": "goals_reached"
                 *     }
                 */
                "application/json": components["schemas"]["CompleteReferral"];
            };
        };
        responses: {
            200: components["responses"]["Referral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            409: components["responses"]["Conflict3"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    endReferral: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "client_withdrew"
                 *     }
                 */
                "application/json": components["schemas"]["EndReferral"];
            };
        };
        responses: {
            200: components["responses"]["Referral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            409: components["responses"]["Conflict3"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    cancelReferral: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "client_moved_away"
                 *     }
                 */
                "application/json": components["schemas"]["CancelReferral"];
            };
        };
        responses: {
            200: components["responses"]["Referral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            409: components["responses"]["Conflict3"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    assignReferral: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "assignedWorkerId": "4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d"
                 *     }
                 */
                "application/json": components["schemas"]["AssignReferral"];
            };
        };
        responses: {
            200: components["responses"]["Referral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            409: components["responses"]["Conflict3"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable2"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listActivities: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of activity items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "home_visit",
                 *       "occurredAt": "2026-02-03T10:30:00+01:00",
                 *       "durationMinutes": 45,
                 *       "reached": true,
                 *       "note": "Erstes Gespräch an der Wohnungstür; Folgetermin vereinbart."
                 *     }
                 */
                "application/json": components["schemas"]["CreateActivity"];
            };
        };
        responses: {
            /** @description Created: the new activity. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Activity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound2"];
            /** @description The referral is not accepted, running or paused. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listWorklist: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of worklist item items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorklistItemPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listAppointments: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of appointment items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    proposeAppointment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and body gets the first answer again (with another body `422`, while the first still runs `409`). Required for provider systems (API keys): 1–255 visible ASCII characters, a fresh one per new request, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "startsAt": "2027-03-02T09:30:00+01:00",
                 *       "durationMinutes": 30,
                 *       "mode": "in_person",
                 *       "location": "Jobcenter Bensheim, Raum 2.14",
                 *       "purpose": "cooperation_plan",
                 *       "accompanimentWished": true
                 *     }
                 */
                "application/json": components["schemas"]["CreateAppointment"];
            };
        };
        responses: {
            /** @description Created: the new appointment. `Location` names it. `ETag` is its version. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Invalid body: a time not in the future, a location missing in person or given by phone. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound2"];
            /** @description The referral is not open, or the same Idempotency-Key is still in flight. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable3"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Appointment"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AppointmentNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    recordAccompanimentWish: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "wished": true
                 *     }
                 */
                "application/json": components["schemas"]["AccompanimentWish"];
            };
        };
        responses: {
            200: components["responses"]["Appointment"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AppointmentNotFound"];
            /** @description The appointment has its outcome, or the referral is not open. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    confirmAccompaniment: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Appointment"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AppointmentNotFound"];
            /** @description No wish to be accompanied, the appointment has its outcome, or the referral is not open. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    recordAppointmentOutcome: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "outcome": "rescheduled",
                 *       "next": {
                 *         "startsAt": "2027-03-09T10:00:00+01:00",
                 *         "mode": "by_phone",
                 *         "purpose": "cooperation_plan"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["AppointmentOutcomeInput"];
            };
        };
        responses: {
            200: components["responses"]["Appointment"];
            /** @description Invalid body: rescheduled without (or another outcome with) the new appointment. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AppointmentNotFound"];
            /** @description The outcome is recorded already, the appointment has not begun, or the referral is not open for a new one. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    recordAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "meeting": "met_client",
                 *       "note": "Am Bahnhof getroffen, gemeinsam hingefahren."
                 *     }
                 */
                "application/json": components["schemas"]["AttendanceInput"];
            };
        };
        responses: {
            /** @description The appointment. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such appointment, or not yours. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No confirmed accompaniment, not yet begun, or already recorded. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listConsentTemplates: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
                /** @description Only versions of this template family. */
                key?: string;
                /** @description Only approved (true) or unapproved (false) versions. */
                approved?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of consent template summary items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentTemplateSummaryPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createConsentTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "key": "schweigepflichtentbindung-jobcenter",
                 *       "title": "Entbindung von der Schweigepflicht gegenüber dem Jobcenter",
                 *       "body": "Ich entbinde die Mitarbeitenden des Trägers gegenüber meinem Jobcenter von der Schweigepflicht für die unten angekreuzten Bereiche. Ich kann diese Erklärung jederzeit ganz oder teilweise widerrufen.",
                 *       "categories": [
                 *         "participation",
                 *         "goals",
                 *         "housing"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateConsentTemplate"];
            };
        };
        responses: {
            /** @description Created: the new consent template. `Location` names it. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentTemplate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getConsentTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ConsentTemplate"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TemplateNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    approveConsentTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ConsentTemplate"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TemplateNotFound"];
            /** @description The template is already approved. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listClientConsents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of consent items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClientNotFound3"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    recordConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "referralId": "1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a0b",
                 *       "templateId": "7c6b5a49-3827-4165-8f4e-3d2c1b0a9f8e",
                 *       "grants": [
                 *         {
                 *           "category": "participation",
                 *           "recipientOrganisationId": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
                 *         },
                 *         {
                 *           "category": "housing",
                 *           "recipientOrganisationId": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
                 *         }
                 *       ],
                 *       "validFrom": "2026-02-03T00:00:00+01:00",
                 *       "validUntil": "2027-02-03T00:00:00+01:00",
                 *       "evidence": {
                 *         "form": "written",
                 *         "givenOn": "2026-02-03",
                 *         "documentReference": "Akte 2026/117, Blatt 3"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RecordConsent"];
            };
        };
        responses: {
            /** @description Created: the new consent. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such client, referral or consent template visible to you. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Another consent for this client and referral was recorded at the same time. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The template is not approved or does not cover a category, or a recipient is not allowed. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getEffectiveConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The effective consent. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EffectiveConsent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClientNotFound3"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    revokeClientConsents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "categories": [
                 *         "health",
                 *         "mental_health"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["RevokeClientConsents"];
            };
        };
        responses: {
            /** @description Recorded: nothing of it is released from now on. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClientNotFound3"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listExpiringConsents: {
        parameters: {
            query: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
                /** @description How far ahead to look, in days (1–365). */
                withinDays: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of expiring consent items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpiringConsentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    revokeConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "grantIds": [
                 *         "5b4a3928-1706-4f5e-9d4c-3b2a19087f6e"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["RevokeConsent"];
            };
        };
        responses: {
            /** @description The consent. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such consent, or none you may revoke. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Already revoked, or superseded by a newer consent. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description A grantId is not a grant of this consent that you may revoke. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getConsentReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipt as plain text (German). */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such consent visible to you. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listReports: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of report items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and body gets the first answer again (with another body `422`, while the first still runs `409`). Required for provider systems (API keys): 1–255 visible ASCII characters, a fresh one per new request, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "interim",
                 *       "periodFrom": "2026-01-01",
                 *       "periodUntil": "2026-03-31",
                 *       "sections": [
                 *         {
                 *           "category": "participation",
                 *           "text": "Sechs Kontakte, davon vier Hausbesuche; Frau Musterfrau nimmt regelmäßig teil.",
                 *           "fields": {
                 *             "contactsMade": 6,
                 *             "appointmentsKept": 4,
                 *             "appointmentsMissed": 1
                 *           }
                 *         },
                 *         {
                 *           "category": "housing",
                 *           "text": "Die Räumungsklage ist abgewendet, die Mietschulden werden in Raten getilgt.",
                 *           "fields": {
                 *             "threatenedLoss": true,
                 *             "evictionNoticeReceived": true,
                 *             "secured": true
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateReport"];
            };
        };
        responses: {
            /** @description Created: the new report. `Location` names it. `ETag` is its version. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description Invalid body, or an API key without Idempotency-Key. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralNotFound2"];
            /** @description Not reportable now, already corrected, or the same Idempotency-Key still in flight. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable3"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Report"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such report, or not visible to you. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateReport: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "periodUntil": "2026-03-31",
                 *       "sections": [
                 *         {
                 *           "category": "participation",
                 *           "text": "Sechs Kontakte, davon vier Hausbesuche; Frau Musterfrau nimmt regelmäßig teil.",
                 *           "fields": {
                 *             "contactsMade": 6,
                 *             "appointmentsKept": 4,
                 *             "appointmentsMissed": 1
                 *           }
                 *         },
                 *         {
                 *           "category": "housing",
                 *           "text": "Die Räumungsklage ist abgewendet, die Mietschulden werden in Raten getilgt.",
                 *           "fields": {
                 *             "threatenedLoss": true,
                 *             "evictionNoticeReceived": true,
                 *             "secured": true
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["UpdateReport"];
            };
        };
        responses: {
            200: components["responses"]["Report"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReportNotFound"];
            /** @description The report is submitted. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    submitReport: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Report"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReportNotFound"];
            /** @description Already submitted, or no report of this kind is possible now. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    previewReport: {
        parameters: {
            query: {
                /** @description The organisation whose view to show, normally the referring jobcenter. */
                recipient: string;
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReportNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getReferralStatistics: {
        parameters: {
            query?: {
                /**
                 * @description The reporting year (Europe/Berlin): the referrals sent in it. Default: the current year.
                 *     Statistics are published per calendar year only, never for other periods, so that no two
                 *     answers differ by a few referrals (docs/architecture/0012).
                 */
                year?: string;
                /**
                 * @description With `Accept: text/csv` only: which table the CSV holds. Default: `byProviderAndMonth` for
                 *     a jobcenter, `byJobcenterAndMonth` for a provider. Ignored for JSON, which holds them all.
                 */
                table?: components["schemas"]["StatisticsTable"];
                /**
                 * @description With `Accept: text/csv` only: `comma` (RFC 4180, the default) or `semicolon` (German
                 *     spreadsheets; with a UTF-8 byte order mark).
                 */
                separator?: components["schemas"]["CsvSeparator"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statistics (JSON), or one table of them (CSV). */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralStatistics"];
                    /**
                     * @example "providerId","provider","2026-01","2026-02","total"
                     *     "6f1c2a9e-0b7d-4e43-9c1a-3d2b5e8f7a10","Träger Nord",12,,17
                     *     "0d3e5b7c-8a21-4f6e-b9d4-1c2e3f4a5b6c","'=Träger ""Süd"", Essen",9,,14
                     *     ,"total",21,10,31
                     */
                    "text/csv": string;
                };
            };
            /** @description The year is malformed, a parameter is given twice or unknown, or the table is not one of the caller’s. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listStatements: {
        parameters: {
            query: {
                /** @description The calendar month. */
                month: string;
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statement list. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementList"];
                };
            };
            /** @description The month is malformed, or a parameter is given twice or unknown. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ContractNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    generateStatement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "month": "2026-10",
                 *       "correctionReason": "disputed_by_jobcenter",
                 *       "exclude": [
                 *         {
                 *           "referralId": "6f1c2a9e-0b7d-4e43-9c1a-3d2b5e8f7a10",
                 *           "unit": "active_case_month"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateStatement"];
            };
        };
        responses: {
            /** @description Created: the new statement. `Location` names it. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Statement"];
                };
            };
            /** @description The month is malformed, a correction lacks its reason (or a first edition has one), or an excluded line is not billable in the month. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such contract, or not your provider’s. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The contract has no billing terms, or another edition was generated at the same time. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The month has not ended, or the contract is not valid in it. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getStatement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The edition (JSON), or its lines (CSV). */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Statement"];
                    /**
                     * @example "contract","month","edition","correctionReason","referralId","unit","amountEur"
                     *     "AH-2026-014","2026-10","2","disputed_by_jobcenter","6f1c2a9e-0b7d-4e43-9c1a-3d2b5e8f7a10","active_case_month","450.00"
                     *     "AH-2026-014","2026-10","2","disputed_by_jobcenter","","total","450.00"
                     */
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such statement, or not yours. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listProviders: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description Only providers whose service area includes this postcode (PLZ). */
                postcode?: string;
                /** @description Only providers offering this service. */
                service?: components["schemas"]["ServiceKind"];
                /**
                 * @description Only providers whose service area includes this municipality (Gemeinde), without regard to
                 *     case: the search for a client without a fixed address.
                 */
                municipality?: string;
                /** @description Only providers whose workers speak this language (ISO 639-1). */
                language?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of provider items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Provider"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such provider. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateProvider: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "services": [
                 *         "outreach_home_visits",
                 *         "debt_regulation",
                 *         "housing_security"
                 *       ],
                 *       "postcodes": [
                 *         "12043",
                 *         "12045",
                 *         "12047"
                 *       ],
                 *       "languages": [
                 *         "de",
                 *         "ar",
                 *         "tr"
                 *       ],
                 *       "contactEmail": "kontakt@aufwind.example",
                 *       "contactPhone": "+49 30 1234567",
                 *       "website": "https://aufwind.example",
                 *       "description": "Aufsuchende Sozialarbeit in Neukölln: Hausbesuche, Schulden, Wohnungssicherung."
                 *     }
                 */
                "application/json": components["schemas"]["UpdateProvider"];
            };
        };
        responses: {
            200: components["responses"]["Provider"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ProviderNotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listProviderContracts: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of contract items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ProviderNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "number": "AH-2026-014",
                 *       "validFrom": "2026-01-01",
                 *       "validUntil": "2027-12-31",
                 *       "services": [
                 *         "outreach_home_visits",
                 *         "housing_security"
                 *       ],
                 *       "capacity": 25,
                 *       "firstContactWorkingDays": 5,
                 *       "billingTerms": [
                 *         {
                 *           "unit": "active_case_month",
                 *           "priceCents": 45000
                 *         },
                 *         {
                 *           "unit": "initial_assessment",
                 *           "priceCents": 12000
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateContract"];
            };
        };
        responses: {
            /** @description Created: the new contract. `Location` names it. `ETag` is its version. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such active provider. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your jobcenter already has a contract with this number. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Contract"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ContractNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateContract: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "capacity": 30,
                 *       "validUntil": "2028-06-30"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateContract"];
            };
        };
        responses: {
            200: components["responses"]["Contract"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such contract, or not your jobcenter's. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The capacity would be below the referrals open under the contract; confirm with confirmOverCommitment. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getProviderAvailability: {
        parameters: {
            query?: {
                /** @description Only providers whose service area includes this postcode. */
                postcode?: string;
                service?: components["schemas"]["ServiceKind"];
                /**
                 * @description Only providers whose service area includes this municipality (Gemeinde), without regard to
                 *     case: for a client without a fixed address.
                 */
                municipality?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of availability items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvailabilityPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listPartnerAgreements: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of partner agreement items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerAgreementPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createPartnerAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "partnerId": "6f1c2a4e-3b7d-4e2a-9c1f-2d8e5b7a9c30",
                 *       "category": "mental_health",
                 *       "reservedPlaces": 5,
                 *       "validFrom": "2026-01-01"
                 *     }
                 */
                "application/json": components["schemas"]["CreatePartnerAgreement"];
            };
        };
        responses: {
            /** @description Created: the new partner agreement. `Location` names it. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerAgreement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such active partner organisation. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your jobcenter already has an agreement with this partner. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listOnwardReferrals: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OnwardReferralPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such referral of your provider. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createOnwardReferral: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "partnerId": "6f1c2a4e-3b7d-4e2a-9c1f-2d8e5b7a9c30"
                 *     }
                 */
                "application/json": components["schemas"]["CreateOnwardReferral"];
            };
        };
        responses: {
            /** @description Created: the new onward referral. `Location` names it. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnwardReferral"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such open referral of yours, or no valid agreement of the partner with its jobcenter. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Every reserved place is taken, or an onward referral to the partner is already open. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The client's consent does not grant the partner the agreement's category. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listReleasedOnwardReferrals: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of released onward referral items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleasedOnwardReferralPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such referral of your jobcenter's. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listAllOnwardReferrals: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OnwardReferralPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getOnwardReferral: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OnwardReferral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such onward referral, or not yours. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    acceptOnwardReferral: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OnwardReferral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OnwardNotFound"];
            409: components["responses"]["Conflict2"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    declineOnwardReferral: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OnwardReferral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OnwardNotFound"];
            409: components["responses"]["Conflict2"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    recordOnwardReferralUptake: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "outcome": "took_up"
                 *     }
                 */
                "application/json": components["schemas"]["RecordUptake"];
            };
        };
        responses: {
            200: components["responses"]["OnwardReferral"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OnwardNotFound"];
            /** @description The onward referral is not accepted, or its uptake was already recorded. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    readEventFeed: {
        parameters: {
            query?: {
                /** @description The `cursor` of the last event read; omit (or 0) to start at the oldest kept. */
                after?: string;
                /** @description How many events at most (1–100). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event feed. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventFeed"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listWebhookSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of webhook subscription items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createWebhookSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://fachverfahren.aufwind.example/lotse-events",
                 *       "eventTypes": [
                 *         "referral.sent",
                 *         "referral.cancelled",
                 *         "consent.revoked",
                 *         "report.corrected"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateWebhookSubscription"];
            };
        };
        responses: {
            /** @description Created: the new webhook subscription with secret. `Location` names it. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getWebhookSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookSubscription"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["WebhookNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    deleteWebhookSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; the response has no body. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["WebhookNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook subscription with secret. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["WebhookNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    pauseWebhookSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookSubscription"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["WebhookNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    resumeWebhookSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookSubscription"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["WebhookNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of webhook delivery items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["WebhookNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook delivery. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such delivery, or not of your organisation’s subscriptions. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listOrganisations: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                kind?: components["schemas"]["OrganisationKind"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of organisation items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "provider",
                 *       "name": "Aufwind Aufsuchende Hilfe e.V."
                 *     }
                 */
                "application/json": components["schemas"]["CreateOrganisation"];
            };
        };
        responses: {
            /** @description Created: the new created organisation. `Location` names it. `ETag` is its version. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedOrganisation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Another organisation has this name, or another user the first lead’s address. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listOperatorActions: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AuditEventPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganisationNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Organisation"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganisationNotFound2"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateOrganisation: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "active": false
                 *     }
                 */
                "application/json": components["schemas"]["UpdateOrganisation"];
            };
        };
        responses: {
            200: components["responses"]["Organisation"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganisationNotFound2"];
            /** @description Another organisation has this name. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    setMfaRequirement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "required": true
                 *     }
                 */
                "application/json": components["schemas"]["MfaRequirement"];
            };
        };
        responses: {
            /** @description The mfa requirement. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaRequirement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganisationNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    setFederalState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "federalState": "HE"
                 *     }
                 */
                "application/json": components["schemas"]["FederalStateSetting"];
            };
        };
        responses: {
            /** @description The organisation. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganisationNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                organisationId?: string;
                active?: boolean;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of user items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "organisationId": "2b7e4c1d-9a8f-4e3d-b2c1-7f6e5d4c3b2a",
                 *       "email": "samir.helfer@aufwind.example",
                 *       "displayName": "Samir Helfer",
                 *       "roles": [
                 *         "provider_worker"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateUser"];
            };
        };
        responses: {
            /** @description A lead's: the member and their activation code, shown this once. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedUser"];
                };
            };
            /** @description An operator admin's new member takes effect only when the organisation's lead (or, where it has none, another admin) approves it: this is the approval request. Nothing that grants access is made or shown to the admin. */
            202: {
                headers: {
                    /** @description The approval request (`GET /approval-requests/{id}`). */
                    Location?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganisationNotFound"];
            /** @description Another user has this email address. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description A role does not fit the kind of organisation, or the organisation is deactivated. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["User"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "active": false
                 *     }
                 */
                "application/json": components["schemas"]["UpdateUser"];
            };
        };
        responses: {
            200: components["responses"]["User"];
            /** @description An operator admin's added roles or re-enabling takes effect only when the organisation's lead (or, where it has none, another admin) approves it: this is the approval request. Nothing that grants access is made or shown to the admin. */
            202: {
                headers: {
                    /** @description The approval request (`GET /approval-requests/{id}`). */
                    Location?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description A role does not fit the kind of organisation, or you would lock yourself out. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    resetUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A lead's: the reset code, shown this once. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivationCode"];
                };
            };
            /** @description An operator admin's password reset takes effect only when the organisation's lead (or, where it has none, another admin) approves it: this is the approval request. Nothing that grants access is made or shown to the admin. */
            202: {
                headers: {
                    /** @description The approval request (`GET /approval-requests/{id}`). */
                    Location?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of api key items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganisationNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Fachverfahren Aufwind",
                 *       "scopes": [
                 *         "reports:write",
                 *         "activities:write"
                 *       ],
                 *       "expiresAt": "2027-06-30T22:00:00Z"
                 *     }
                 */
                "application/json": components["schemas"]["CreateApiKey"];
            };
        };
        responses: {
            /** @description A lead's: the key, shown once. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description An operator admin's API key takes effect only when the organisation's lead (or, where it has none, another admin) approves it: this is the approval request. Nothing that grants access is made or shown to the admin. */
            202: {
                headers: {
                    /** @description The approval request (`GET /approval-requests/{id}`). */
                    Location?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganisationNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The organisation is not a provider, or is deactivated. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getCurrentApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApiKey"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApiKey"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["KeyNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApiKey"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["KeyNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listApprovalRequests: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                organisationId?: string;
                status?: components["schemas"]["ApprovalState"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of approval request items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalRequestPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getApprovalRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApprovalRequest"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RequestNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    approveApprovalRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The approval outcome. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalOutcome"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /**
             * @description The permission is missing, or this is not yours to decide: you asked for it yourself (`cannot-decide-own-request`), or the organisation has an active lead who decides (`not-an-approver`).
             *
             *     The caller lacks the permission this operation needs (see its description).
             */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            404: components["responses"]["RequestNotFound"];
            /** @description The request is no longer pending (`approval-request-closed`). Or the new member's address has been taken meanwhile. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The organisation was deactivated, or a role no longer fits. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    rejectApprovalRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApprovalRequest"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /**
             * @description The permission is missing, or this is not yours to decide: you asked for it yourself (`cannot-decide-own-request`), or the organisation has an active lead who decides (`not-an-approver`).
             *
             *     The caller lacks the permission this operation needs (see its description).
             */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            404: components["responses"]["RequestNotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    withdrawApprovalRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApprovalRequest"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /**
             * @description The permission is missing, or another admin made this request (`not-your-request`).
             *
             *     The caller lacks the permission this operation needs (see its description).
             */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such request. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getIdentityProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["IdentityProvider"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganisationNotFound3"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createIdentityProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "issuer": "https://login.jobcenter-musterstadt.example/realms/jobcenter",
                 *       "clientId": "lotse",
                 *       "clientSecret": "aus Keycloak, Reiter Credentials",
                 *       "rolesClaim": "groups",
                 *       "roleMapping": [
                 *         {
                 *           "value": "/lotse/fallmanagement",
                 *           "role": "caseworker"
                 *         },
                 *         {
                 *           "value": "/lotse/leitung",
                 *           "role": "jobcenter_lead"
                 *         }
                 *       ],
                 *       "passwordLogin": true
                 *     }
                 */
                "application/json": components["schemas"]["CreateIdentityProvider"];
            };
        };
        responses: {
            /** @description Created: the new identity provider. `Location` names it. `ETag` is its version. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityProvider"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganisationNotFound2"];
            /** @description The organisation has an identity provider already. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateIdentityProvider: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you are changing, as the last read of the resource returned it (e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody changed the resource since you read it: `412 precondition-failed`; read it again and reapply your change. */
                "If-Match": components["parameters"]["IfMatchHeader"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "passwordLogin": false
                 *     }
                 */
                "application/json": components["schemas"]["UpdateIdentityProvider"];
            };
        };
        responses: {
            200: components["responses"]["IdentityProvider"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such organisation, or no identity provider. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listIdentityLinks: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of identity link items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityLinkPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganisationNotFound3"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createIdentityLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "userId": "4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d",
                 *       "subject": "5b1c6a8e-1f0d-4a44-9d1b-6f3c1a2b9e77"
                 *     }
                 */
                "application/json": components["schemas"]["CreateIdentityLink"];
            };
        };
        responses: {
            /** @description A lead's: the link. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityLink"];
                };
            };
            /** @description An operator admin's link takes effect only when the organisation's lead (or, where it has none, another admin) approves it: this is the approval request. Nothing that grants access is made or shown to the admin. */
            202: {
                headers: {
                    /** @description The approval request (`GET /approval-requests/{id}`). */
                    Location?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such organisation or user, not yours, or no identity provider. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The subject, or the user, is linked already. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The organisation is deactivated. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    deleteIdentityLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unlinked. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such link, or not yours. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description Only events of this actor (a user's or an API key's id). */
                actorId?: string;
                /** @description Only events of this organisation (outside your own, operator auditors only). */
                organisationId?: string;
                /** @description Only events involving this client. */
                clientId?: string;
                /** @description Only events at or after this time (ISO 8601 with offset). */
                from?: string;
                /** @description Only events before this time (ISO 8601 with offset). */
                to?: string;
                /** @description Only events of this action (`area.verb`). */
                action?: string;
                /** @description Only events with this outcome. */
                outcome?: components["schemas"]["AuditOutcome"];
                /** @description Only events about resources of this type; required with `resourceId`. */
                resourceType?: string;
                /** @description Only events about this resource (with `resourceType`). */
                resourceId?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AuditEventPage"];
            /** @description A filter or the cursor is invalid. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    verifyAuditTrail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The audit chain verification. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditChainVerification"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listClientDisclosures: {
        parameters: {
            query?: {
                /** @description How many items to return (1–100). */
                limit?: components["parameters"]["LimitQuery"];
                /** @description Only events at or after this time (ISO 8601 with offset). */
                from?: string;
                /** @description Only events before this time (ISO 8601 with offset). */
                to?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of client disclosure items; pass `nextCursor` as `cursor` for the next. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientDisclosurePage"];
                };
            };
            /** @description The client id, a time or the cursor is invalid. */
            400: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClientNotFound3"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    checkLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["HealthStatus"];
            500: components["responses"]["InternalError"];
        };
    };
    checkReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["HealthStatus"];
            500: components["responses"]["InternalError"];
            /** @description The database is down or migrations are pending (`not-ready`); `checks` says which. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getLabels: {
        parameters: {
            query?: {
                /** @description `de` or `en`; without it, `Accept-Language` decides (German when preferred, else English). */
                lang?: components["schemas"]["Language"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The labels. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Labels"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
}
