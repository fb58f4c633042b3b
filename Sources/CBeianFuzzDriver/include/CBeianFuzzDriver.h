// A stand-in for libFuzzer's driver, so that `beian-fuzz` builds and runs without
// -sanitize=fuzzer: it replays the files named on the command line once each. When libFuzzer
// is linked in, its own LLVMFuzzerRunDriver replaces this weak one.
#ifndef CBEIAN_FUZZ_DRIVER_H
#define CBEIAN_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
