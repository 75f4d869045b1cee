#pragma once
// Length-limited canonical Huffman codes for the deflate writer; private to this target.
#include <stdint.h>

/// Sets `lengths[i]` to a code length of at most `max_length` bits for each of the `count` symbols
/// (0 for a symbol whose frequency is 0), minimizing Σ frequency × length under that limit up to
/// the usual heuristic repair. When fewer than two symbols occur, a second one (symbol 0 or 1) gets
/// a 1-bit code too, so the code stays complete, which every inflater accepts. `count` is at most 288.
void cimage_huffman_lengths(const uint32_t *frequencies, int count, int max_length, uint8_t *lengths);

/// Fills `codes` with the canonical codes (RFC 1951 §3.2.2) for `lengths`, bit-reversed so they can
/// be written least significant bit first.
void cimage_huffman_codes(const uint8_t *lengths, int count, uint16_t *codes);
