internal import CArgon2

/// Argon2id password hashing (RFC 9106) over libargon2, producing and checking PHC strings.
public enum Argon2id {
    /// Hashes `password` with a fresh random salt and returns the PHC string.
    public static func hash(
        password: [UInt8], parameters: Argon2Parameters = Argon2Parameters(),
        limits: Argon2Limits = .standard
    ) throws(CryptoError) -> String {
        try limits.check(parameters)
        let salt = try SecureRandom.bytes(parameters.saltLength)
        let tag = try derive(
            password: password, salt: salt, parameters: parameters, length: parameters.hashLength)
        return PHCString(
            memoryKiB: parameters.memoryKiB, iterations: parameters.iterations,
            parallelism: parameters.parallelism, salt: salt, hash: tag
        ).description
    }

    /// Whether `password` matches the PHC string, compared in constant time.
    ///
    /// Throws `.invalidPHC` for a malformed string and `.unsafeParameters` when its
    /// parameters are outside `limits` (checked before any memory is allocated).
    public static func verify(password: [UInt8], phc: String, limits: Argon2Limits = .standard)
        throws(CryptoError) -> Bool
    {
        let parsed = try PHCString(parsing: phc)
        try limits.check(parsed.parameters)
        let tag = try derive(
            password: password, salt: parsed.salt, parameters: parsed.parameters,
            length: parsed.hash.count)
        return ConstantTime.equals(tag, parsed.hash)
    }

    /// The raw Argon2id tag (RFC 9106 §3), with optional secret `K` and associated data `X`.
    /// Parameters are passed to libargon2 as given (no `limits` check); `saltLength` and
    /// `hashLength` in `parameters` are ignored in favour of `salt.count` and `length`.
    public static func derive(
        password: [UInt8], salt: [UInt8], parameters: Argon2Parameters, length: Int,
        secret: [UInt8] = [], associatedData: [UInt8] = []
    ) throws(CryptoError) -> [UInt8] {
        guard let outLength = UInt32(exactly: length),
            let passwordLength = UInt32(exactly: password.count),
            let saltLength = UInt32(exactly: salt.count),
            let secretLength = UInt32(exactly: secret.count),
            let adLength = UInt32(exactly: associatedData.count)
        else { throw .argon2("input too long") }
        // libargon2 takes non-const pointers but only writes `out` (no CLEAR flags are set);
        // reading the inputs in place avoids making extra copies of the password.
        var output = [UInt8](repeating: 0, count: length)
        let status = output.withUnsafeMutableBufferPointer { out in
            password.withUnsafeBufferPointer { pwd in
                salt.withUnsafeBufferPointer { saltBytes in
                    secret.withUnsafeBufferPointer { key in
                        associatedData.withUnsafeBufferPointer { ad in
                            var context = argon2_context(
                                out: out.baseAddress, outlen: outLength,
                                pwd: UnsafeMutablePointer(mutating: pwd.baseAddress),
                                pwdlen: passwordLength,
                                salt: UnsafeMutablePointer(mutating: saltBytes.baseAddress),
                                saltlen: saltLength,
                                secret: UnsafeMutablePointer(mutating: key.baseAddress),
                                secretlen: secretLength,
                                ad: UnsafeMutablePointer(mutating: ad.baseAddress), adlen: adLength,
                                t_cost: parameters.iterations, m_cost: parameters.memoryKiB,
                                lanes: parameters.parallelism, threads: 1, version: 0x13,
                                allocate_cbk: nil, free_cbk: nil, flags: 0)
                            return argon2id_ctx(&context)
                        }
                    }
                }
            }
        }
        guard status == 0 else {  // ARGON2_OK
            let message = argon2_error_message(status).map { String(cString: $0) }
            throw .argon2(message ?? "error \(status)")
        }
        return output
    }
}
