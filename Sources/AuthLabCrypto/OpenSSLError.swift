internal import COpenSSL

/// The one funnel for OpenSSL failures: drains the thread's error queue into a `CryptoError`.
///
/// Only OpenSSL's library reason string is kept (e.g. "bad decrypt"), never data
/// strings attached to the error, so no key material or input can leak into text.
func opensslError(_ function: String) -> CryptoError {
    var first: UInt = 0
    while true {
        let code = ERR_get_error()
        if code == 0 { break }
        if first == 0 { first = code }
    }
    guard first != 0 else {
        return .openssl(function: function, reason: "unknown error")
    }
    guard let reason = ERR_reason_error_string(first) else {
        return .openssl(function: function, reason: "error \(ERR_GET_REASON(first))")
    }
    return .openssl(function: function, reason: String(cString: reason))
}

/// Forgets any queued OpenSSL errors (after an expected failure such as a bad signature),
/// so they do not surface in a later, unrelated call on this thread.
func clearOpenSSLErrors() {
    ERR_clear_error()
}

/// Checks an OpenSSL status return (1 is success) through the funnel.
func check(_ status: Int32, _ function: String) throws(CryptoError) {
    guard status == 1 else { throw opensslError(function) }
}
