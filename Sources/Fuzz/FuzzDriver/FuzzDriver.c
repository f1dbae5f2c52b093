// SwiftPM links every executable with `--defsym main=<Target>_main`, so libFuzzer's own `main`
// can never be the entry point of a fuzz target built by `swift build`: the target's main.swift
// starts as any program does and hands over to libFuzzer through LLVMFuzzerRunDriver.
//
// The reference is weak: `-sanitize=fuzzer` links all of libFuzzer (whole archive), which
// defines it; a normal build links no libFuzzer and the address is null.
#include "FuzzDriver.h"

extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size))
    __attribute__((weak));

int dossier_fuzz_driver_run(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size)) {
    if (!LLVMFuzzerRunDriver) return -1;
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
