import AuthLabCrypto
import AuthLabJOSE
import Testing

// Inputs found by the fuzz targets in Fuzz/ (scripts/fuzz), kept as regression tests.

/// FuzzPEM: Tests/AuthLabCryptoTests/Fixtures/test-rsa2048-traditional.pem with two base64
/// characters changed, so that the CRT exponent dP no longer matches d (`openssl rsa -check`:
/// "dmp1 not congruent to d"). PEM import took it, while the same key as a JWK is refused.
private let rsaInconsistentCRT = """
    -----BEGIN RSA PRIVATE KEY-----
    MIIEogIBAAKCAQEAn3SUJI+xXwfGeB+a5uoOp9b5HU026slv0yJUZYQ2riW3pFv4
    WL3EW6rsHN49FgAKIBAJl9FwNqfgI7QRUCp/E7vmRZZgmEZ1kNCk+Vm0wftJb/Lq
    gShEurWmnfTM+aXiaxrwXBZogdN6rYSowgtfgzwf/Ia03fBTjNxzT6lpsb2II6Dq
    vMTlnAjL73VYXWGiLqDgyw5CGoWA3hX+v8SIkTRmbSBr/9JpVHZFXXXZ+KYYrpLE
    LI76ZOQGSMaF/MvLyPYzW8h5N0rPA04Se9pbH6rfYRmmRhSoLQQkoK3pCwAHN1YR
    j3kZz1dTmogTajgXsVcxaFpMbeCCTRkE1jvzxQIDAQABAoIBAA51rOVv3l7Gvrmv
    7AUann+b3/VHRj6eS7SyvUKDbc32/6M479lkRAUoB8dKY/G1yTVFHwmUZX+fU5UJ
    RDSn1eQ9OtF+pH3Kjei28u7lsp2QowUy2w8hTrI7vMNAKsJMx658v+Up5wo22j4X
    9JG8JEorTp9Au/AQVhNE/nPv4fTLHYFcO1UIQ5q0kUQN/4sNWls/ADqQushAlVrZ
    XxKNAcCo2EDr7VqzSrowfzCZEqO1gxOqo8DDYV/E92rICTHGhVZzDd9XwzFFTza5
    NEaYchqVTIveD04qtGUfN/t6pZ8q6CMG8OC6XetoJrtUE/jKh8qG8mwR6Y7FIV+d
    dZKeEkECgYEAzol/mra0+NgVfc9D02e9VT1FOYDySMv0UDnHxUb2I/MY2gIapazq
    OoflxDfcovto7hnAO6wGV9/O05bXyFA0J9PFRzDjXF/bmpvYso1nsFaz1fJlDyVp
    p2xq/MNdT2JDZc5gZ2TJ1+iCjV/L7vaySBRjsPQb3ah3o5L1IMNKijECgYEAxaSQ
    2Wykrnqgut2WNH3aK7+iD+V8XNsmriV1eFKuPs+0jswbmi/myTSVRQJD1AKd7Itb
    oC0tF7kPjAuY2UA5xfIormEvsnFSqueMVY8L/LbQDC6gHzHPzwHU8MiRd9pAV+zl
    0R8hNVVRWAVJM/bW5dZ4AWElmA0wAPC5fEH/SdUCgYBOizWuxYq/E5XguWCm1c3H
    y7w2qRX6ny1zEPYqzNiwRTOPPLubg64zopi7bS8IACogWkSjrMDgzCkgiD3ZXL7o
    4n0knK/qIj4mZtwa0vG6us47L6pE/0pVtEJfi4BBvzG4VqqMx2SHKlHzp5mrb7/O
    74oV8k9ilT2iRDHaWspPEQKBgDHE0fDeSc3h9U149RT8yA6SMAYevKVJTkE2D5Gg
    CF6qwQXgYeb+vvfVtOzuuBPQIOJq6US5e4xovoB+fxvd725oH1RiBrfBj5aXvh/h
    aJxXkKYwq4OPcIvpIy0K5I6wt9ksP2bclukuNdCbbCaYtt6jlg6K3wOd9oOWGq8u
    k1GNAoGANU/RWeTEYbcD5De9l37MgTSr+UDKAjVviySYsinHt95X+APf/SgjyZ3W
    GtgZrqFlr616HcEbMp+zUZb20Xq09g0WPdgASlR0bknPj3qOIT12OGeLfcJtAtjR
    d1EQ5F15bffJwqG4yWTU9llpWb7iT7QrIpLu/lOubmjfr186Eeo=
    -----END RSA PRIVATE KEY-----
    """

/// A P-256 `EC PRIVATE KEY` whose embedded public point belongs to another key (d·G ≠ Q).
private let ecMismatchedPublicPoint = """
    -----BEGIN EC PRIVATE KEY-----
    MHcCAQEEICMnb9NYPFlb0U1BZL9ZR8bCOZ3vxg6RXrJ22xGXEf0coAoGCCqGSM49
    AwEHoUQDQgAEajuYJXrRBqeb4eaEIrcW9m2KKc6/gLmN3V08hqOEzVFVn5UqhJT8
    KAoNrqI29CWVe7R1ZWm/x5XRDjyEDJwL+g==
    -----END EC PRIVATE KEY-----
    """

@Test(
    "a PEM private key whose parts disagree is refused, as the same key is as a JWK",
    arguments: [(rsaInconsistentCRT, JWSAlgorithm.rs256), (ecMismatchedPublicPoint, .es256)])
func inconsistentPEMPrivateKey(pem: String, algorithm: JWSAlgorithm) {
    #expect { try PrivateKey(pem: pem) } throws: { ($0 as? CryptoError)?.code == "invalid_key" }
    #expect(throws: JOSEError(.invalidKey, "the PEM private key could not be read")) {
        try SigningKey(pem: pem, algorithm: algorithm)
    }
}
