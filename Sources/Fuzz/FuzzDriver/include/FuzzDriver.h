#ifndef DOSSIER_FUZZ_DRIVER_H
#define DOSSIER_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer on `callback` with the program's arguments, as libFuzzer's own `main` would.
/// Returns -1 without doing anything when the program was not linked with libFuzzer
/// (a build without `-sanitize=fuzzer`).
int dossier_fuzz_driver_run(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));

#endif
