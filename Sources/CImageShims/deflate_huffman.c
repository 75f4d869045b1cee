// Code lengths with Moffat and Katajainen's in-place algorithm ("In-Place Calculation of
// Minimum-Redundancy Codes", 1995): it needs only the frequencies sorted, no tree nodes, and runs
// in linear time after the sort. Lengths beyond deflate's limits are then repaired by moving
// codes between lengths until the Kraft sum is exact again.
#include "deflate_huffman.h"

#include <stdlib.h>
#include <string.h>

static int compare_keys(const void *left, const void *right) {
    uint64_t a = *(const uint64_t *)left, b = *(const uint64_t *)right;
    return (a > b) - (a < b);
}

/// Turns ascending frequencies into code lengths in place (non-increasing along the array).
static void minimum_redundancy(uint32_t *weights, int count) {
    if (count == 1) {
        weights[0] = 1;
        return;
    }
    // First pass: build the tree bottom-up, leaving parent indices where weights were.
    weights[0] += weights[1];
    int root = 0, leaf = 2;
    for (int next = 1; next < count - 1; next++) {
        if (leaf >= count || weights[root] < weights[leaf]) {
            weights[next] = weights[root];
            weights[root++] = (uint32_t)next;
        } else {
            weights[next] = weights[leaf++];
        }
        if (leaf >= count || (root < next && weights[root] < weights[leaf])) {
            weights[next] += weights[root];
            weights[root++] = (uint32_t)next;
        } else {
            weights[next] += weights[leaf++];
        }
    }
    // Second pass: parent indices become internal node depths.
    weights[count - 2] = 0;
    for (int next = count - 3; next >= 0; next--) weights[next] = weights[weights[next]] + 1;
    // Third pass: internal node depths become leaf depths.
    int available = 1, used = 0, depth = 0;
    root = count - 2;
    int next = count - 1;
    while (available > 0) {
        while (root >= 0 && (int)weights[root] == depth) {
            used++;
            root--;
        }
        while (available > used) {
            weights[next--] = (uint32_t)depth;
            available--;
        }
        available = 2 * used;
        depth++;
        used = 0;
    }
}

void cimage_huffman_lengths(const uint32_t *frequencies, int count, int max_length, uint8_t *lengths) {
    uint64_t keys[288];
    uint32_t weights[288];
    int used = 0;
    memset(lengths, 0, (size_t)count);
    for (int symbol = 0; symbol < count; symbol++) {
        if (frequencies[symbol]) keys[used++] = (uint64_t)frequencies[symbol] << 16 | (uint64_t)symbol;
    }
    if (used < 2) {
        // A one-code tree is incomplete; a second 1-bit code costs nothing, as the one symbol
        // takes a bit either way.
        int symbol = used ? (int)(keys[0] & 0xFFFF) : 0;
        lengths[symbol] = 1;
        lengths[symbol == 0 ? 1 : 0] = 1;
        return;
    }
    // Ties broken by symbol keep the result independent of the sort's stability.
    qsort(keys, (size_t)used, sizeof keys[0], compare_keys);
    for (int index = 0; index < used; index++) weights[index] = (uint32_t)(keys[index] >> 16);
    minimum_redundancy(weights, used);

    int per_length[33] = { 0 };
    for (int index = 0; index < used; index++) {
        uint32_t length = weights[index];
        per_length[length > (uint32_t)max_length ? max_length : length]++;
    }
    // Clamping over-long codes oversubscribes the code space; each step lengthens one shorter code
    // by a bit, which frees exactly one slot at the limit for a code that was clamped.
    uint32_t kraft = 0;
    for (int length = 1; length <= max_length; length++) {
        kraft += (uint32_t)per_length[length] << (max_length - length);
    }
    while (kraft > (1u << max_length)) {
        per_length[max_length]--;
        for (int length = max_length - 1; length > 0; length--) {
            if (per_length[length]) {
                per_length[length]--;
                per_length[length + 1] += 2;
                break;
            }
        }
        kraft--;
    }
    // The rarest symbols take the longest codes.
    int index = 0;
    for (int length = max_length; length > 0; length--) {
        for (int left = per_length[length]; left > 0; left--) {
            lengths[keys[index++] & 0xFFFF] = (uint8_t)length;
        }
    }
}

void cimage_huffman_codes(const uint8_t *lengths, int count, uint16_t *codes) {
    uint16_t per_length[16] = { 0 }, next[16] = { 0 };
    for (int symbol = 0; symbol < count; symbol++) per_length[lengths[symbol]]++;
    per_length[0] = 0;
    uint16_t code = 0;
    for (int length = 1; length < 16; length++) {
        code = (uint16_t)((code + per_length[length - 1]) << 1);
        next[length] = code;
    }
    for (int symbol = 0; symbol < count; symbol++) {
        int length = lengths[symbol];
        if (length == 0) {
            codes[symbol] = 0;
            continue;
        }
        uint16_t value = next[length]++, reversed = 0;
        for (int bit = 0; bit < length; bit++) reversed = (uint16_t)(reversed << 1 | ((value >> bit) & 1));
        codes[symbol] = reversed;
    }
}
