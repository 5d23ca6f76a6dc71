// libFuzzer's driver entry point (compiler-rt, linked by `-sanitize=fuzzer`).
//
// SwiftPM links every executable with `main` aliased to `<Target>_main`, the symbol of
// the module's `@main` type, so libFuzzer's own `main` is never used: each fuzz target's
// `@main` calls this instead, with its test function.
#ifndef CLIBFUZZER_SHIM_H
#define CLIBFUZZER_SHIM_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
