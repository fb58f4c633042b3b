// Replays inputs through the fuzz callback when libFuzzer is not linked (see the header).
#include "CBeianFuzzDriver.h"

#include <stdio.h>
#include <stdlib.h>

__attribute__((weak)) int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size)) {
    int failures = 0;
    for (int i = 1; i < *argc; i++) {
        const char *path = (*argv)[i];
        if (path[0] == '-') continue;  // libFuzzer flags mean nothing here
        FILE *file = fopen(path, "rb");
        if (file == NULL) {
            fprintf(stderr, "beian-fuzz: cannot read %s\n", path);
            failures++;
            continue;
        }
        uint8_t *data = NULL;
        size_t size = 0, capacity = 0, count;
        uint8_t chunk[65536];
        while ((count = fread(chunk, 1, sizeof chunk, file)) > 0) {
            if (size + count > capacity) {
                capacity = (size + count) * 2;
                data = realloc(data, capacity);
                if (data == NULL) { fclose(file); return 1; }
            }
            for (size_t k = 0; k < count; k++) data[size + k] = chunk[k];
            size += count;
        }
        fclose(file);
        callback(data != NULL ? data : (const uint8_t *)"", size);
        free(data);
        fprintf(stderr, "beian-fuzz: replayed %s (%zu bytes)\n", path, size);
    }
    return failures != 0;
}
