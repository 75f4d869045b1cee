// A greedy deflate compressor for unfiltered card images. Cards are mostly flat color, gradients
// whose rows repeat the row above (exactly or shifted by a few pixels) and anti-aliased text, so
// most bytes are covered by matches at a handful of distances: one pixel back (a run of one color),
// one row back, and whichever distance the previous match used. Those are tried first at every
// position; a single-slot hash table finds the rest. zlib's level 3, in contrast, walks hash chains
// at every position, which cost most of the encode even on flat images.
#include "card_deflate.h"
#include "buffer_reserve.h"
#include "deflate_huffman.h"

#include <emmintrin.h>
#include <stdlib.h>
#include <string.h>

enum {
    WINDOW = 32768,
    MIN_MATCH = 3,
    MAX_MATCH = 258,
    HASH_BITS = 15,
    /// Tokens per block: enough to amortize a dynamic header (~60–90 bytes), few enough that a block's
    /// codes follow the image from flat regions to text.
    BLOCK_TOKENS = 1 << 14,
    /// Literal-row bytes per block: a photo's rows are all literals, and one Huffman table per
    /// 64 KB of them compresses within a percent of smaller blocks while building far fewer tables.
    BLOCK_RUN_BYTES = 1 << 16,
    LITLEN_CODES = 286,
    DIST_CODES = 30,
    CODE_LENGTH_CODES = 19,
    END_OF_BLOCK = 256,
};

// RFC 1951 §3.2.5.
static const uint16_t length_base[29] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
    35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
static const uint8_t length_extra[29] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
    3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const uint16_t dist_base[30] = { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
    257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };
static const uint8_t dist_extra[30] = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
    7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };
// RFC 1951 §3.2.7: the order code-length code lengths are sent in.
static const uint8_t code_length_order[CODE_LENGTH_CODES] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11,
    4, 12, 3, 13, 2, 14, 1, 15 };

struct cimage_deflate {
    cimage_buffer *out;
    uint64_t bits;
    int bit_count;

    size_t row_length, pixel_bytes;
    /// The next byte to match and the first byte of the pending block.
    size_t position, block_start;
    uint32_t last_distance;

    uint32_t hash[1 << HASH_BITS];
    /// Per row, whether it goes out as literals only (`cimage_deflate_set_literal_rows`); may be NULL.
    const uint8_t *literal_rows;

    /// A literal byte below 256, a match as length << 16 | distance, or a run of literal bytes as
    /// two tokens: RUN_TOKEN | count, then the run's offset from the block's start (the bytes are
    /// read back from the input, and other tokens need not track where they are).
    uint32_t tokens[BLOCK_TOKENS];
    int token_count;
    /// Bytes the block's runs cover.
    size_t run_bytes;
    uint32_t litlen_frequencies[LITLEN_CODES];
    uint32_t dist_frequencies[DIST_CODES];
    /// Three more byte counts for runs, added into `litlen_frequencies` when the block is written:
    /// four independent counters per byte keep repeated bytes from waiting on each other's increments.
    uint32_t run_frequencies[3][256];
};

/// Marks a token as a run of literals; matches stay below 2^25 and literals below 256.
#define RUN_TOKEN 0x80000000u
/// Longest run one token holds (longer ones take several tokens).
#define MAX_RUN 0x00FFFFFFu

typedef struct cimage_deflate deflate_state;

static uint64_t load64(const uint8_t *at) {
    uint64_t value;
    memcpy(&value, at, 8);
    return value;
}

/// Hash of the six bytes at `at` (two RGB pixels): fewer than that collide across a gradient's
/// neighbouring colors, more would miss the start of short text matches.
static uint32_t hash6(const uint8_t *at) {
    return (uint32_t)(((load64(at) << 16) * 0x9E3779B97F4A7C15ull) >> (64 - HASH_BITS));
}

/// How many bytes at `at` equal those at `earlier`, up to `limit`: 32 at a time while both halves
/// agree (long runs over flat color are most of a card), then sixteen.
static inline size_t match_length(const uint8_t *at, const uint8_t *earlier, size_t limit) {
    size_t length = 0;
    while (length + 32 <= limit) {
        __m128i low = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(at + length)),
                                     _mm_loadu_si128((const __m128i *)(earlier + length)));
        __m128i high = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(at + length + 16)),
                                      _mm_loadu_si128((const __m128i *)(earlier + length + 16)));
        if (_mm_movemask_epi8(_mm_and_si128(low, high)) != 0xFFFF) break;
        length += 32;
    }
    while (length + 16 <= limit) {
        __m128i equal = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(at + length)),
                                       _mm_loadu_si128((const __m128i *)(earlier + length)));
        uint32_t differ = (uint32_t)_mm_movemask_epi8(equal) ^ 0xFFFF;
        if (differ) return length + (size_t)__builtin_ctz(differ);
        length += 16;
    }
    if (length + 8 <= limit) {
        uint64_t difference = load64(at + length) ^ load64(earlier + length);
        if (difference) return length + (size_t)(__builtin_ctzll(difference) >> 3);
        length += 8;
    }
    while (length < limit && at[length] == earlier[length]) length++;
    return length;
}

/// Replaces the best match so far with one at `distance` when that is longer. The byte that would
/// make it longer is compared first, which rejects most candidates without a match_length call.
static inline void try_distance(const uint8_t *at, size_t distance, size_t reach, size_t limit,
                                size_t *best, uint32_t *best_distance) {
    size_t length = *best;
    if (length >= limit || distance == 0 || distance > reach || at[length] != at[length - distance]) return;
    size_t found = match_length(at, at - distance, limit);
    if (found > length) {
        *best = found;
        *best_distance = (uint32_t)distance;
    }
}

/// Length symbol minus 257 for a match length (RFC 1951 §3.2.5): past the first eight, four
/// symbols per power of two.
static inline uint32_t length_code(uint32_t length) {
    uint32_t value = length - 3;
    if (value < 8) return value;
    if (length == MAX_MATCH) return 28;
    uint32_t top = 31 - (uint32_t)__builtin_clz(value);
    return 4 * (top - 1) + ((value >> (top - 2)) & 3);
}

/// Distance symbol for a distance (RFC 1951 §3.2.5): past the first four, two per power of two.
static inline uint32_t dist_code(uint32_t distance) {
    uint32_t value = distance - 1;
    if (value < 4) return value;
    uint32_t top = 31 - (uint32_t)__builtin_clz(value);
    return 2 * top + ((value >> (top - 1)) & 1);
}

// MARK: Bit output

/// Appends bits, least significant first (RFC 1951 §3.1.1); the caller keeps the pending count
/// within 64 by calling `flush_bits`.
static inline void add_bits(deflate_state *state, uint64_t value, int count) {
    state->bits |= value << state->bit_count;
    state->bit_count += count;
}

/// Writes the pending whole bytes, leaving at most seven bits pending. Stores eight bytes at once
/// (x86 is little-endian), so the caller must have reserved eight bytes past the output's end.
static inline void flush_bits(deflate_state *state) {
    memcpy(state->out->data + state->out->length, &state->bits, 8);
    int bytes = state->bit_count >> 3;
    state->out->length += (size_t)bytes;
    state->bits = bytes == 8 ? 0 : state->bits >> (bytes * 8);
    state->bit_count &= 7;
}

/// Appends up to 32 bits and writes out what is whole. The caller has reserved room.
static void put_bits(deflate_state *state, uint32_t value, int count) {
    add_bits(state, value, count);
    flush_bits(state);
}

/// Writes out whole pending bytes and pads the last partial one with zero bits.
static void align_to_byte(deflate_state *state) {
    while (state->bit_count > 0) {
        state->out->data[state->out->length++] = (uint8_t)state->bits;
        state->bits >>= 8;
        state->bit_count = state->bit_count > 8 ? state->bit_count - 8 : 0;
    }
    state->bits = 0;
}

// MARK: Blocks

typedef struct {
    uint8_t litlen_lengths[LITLEN_CODES + 2];
    uint8_t dist_lengths[DIST_CODES];
    uint16_t litlen_codes[LITLEN_CODES + 2];
    uint16_t dist_codes[DIST_CODES];
} block_codes;

/// Code-length symbols (RFC 1951 §3.2.7) for the concatenated literal/length and distance lengths,
/// each stored as symbol | extra-bits value << 8. Returns their count.
static int run_length_encode(const uint8_t *lengths, int count, uint16_t *items) {
    int items_count = 0, index = 0;
    while (index < count) {
        uint8_t length = lengths[index];
        int run = 1;
        while (index + run < count && lengths[index + run] == length) run++;
        index += run;
        if (length == 0) {
            while (run >= 11) {
                int part = run < 138 ? run : 138;
                items[items_count++] = (uint16_t)(18 | (part - 11) << 8);
                run -= part;
            }
            if (run >= 3) {
                items[items_count++] = (uint16_t)(17 | (run - 3) << 8);
                run = 0;
            }
        } else {
            // Symbol 16 repeats the previous length, so the first of a run goes out as itself.
            items[items_count++] = length;
            run--;
            while (run >= 3) {
                int part = run < 6 ? run : 6;
                items[items_count++] = (uint16_t)(16 | (part - 3) << 8);
                run -= part;
            }
        }
        while (run-- > 0) items[items_count++] = length;
    }
    return items_count;
}

static const uint8_t code_length_extra[CODE_LENGTH_CODES] = { [16] = 2, [17] = 3, [18] = 7 };

/// Bits the block's tokens take with the given lengths, extra bits included.
static uint64_t token_bits(const deflate_state *state, const uint8_t *litlen_lengths, const uint8_t *dist_lengths) {
    uint64_t bits = 0;
    for (int symbol = 0; symbol < LITLEN_CODES; symbol++) {
        uint32_t extra = symbol > END_OF_BLOCK ? length_extra[symbol - 257] : 0;
        bits += (uint64_t)state->litlen_frequencies[symbol] * (litlen_lengths[symbol] + extra);
    }
    for (int symbol = 0; symbol < DIST_CODES; symbol++) {
        bits += (uint64_t)state->dist_frequencies[symbol] * (dist_lengths[symbol] + dist_extra[symbol]);
    }
    return bits;
}

/// Appends the codes of `count` literal bytes, each looked up in `table` as code | length << 16.
/// Three codes (at most 45 bits) fit the accumulator above the seven bits a flush leaves, so
/// the loop writes once per three; the accumulator lives in locals here, since the output stores
/// would otherwise make the compiler reload it from the state for every code.
static void put_literals(deflate_state *state, const uint32_t *table, const uint8_t *bytes, size_t count) {
    uint64_t bits = state->bits;
    int bit_count = state->bit_count;
    uint8_t *out = state->out->data + state->out->length;
    size_t index = 0;
    while (index < count) {
        // Three codes a step, the last step taking what is left (a code of length 0 adds nothing).
        size_t left = count - index;
        uint32_t first = table[bytes[index]];
        uint32_t second = 0, third = 0;
        if (left >= 3) {
            second = table[bytes[index + 1]];
            third = table[bytes[index + 2]];
        } else if (left == 2) {
            second = table[bytes[index + 1]];
        }
        bits |= (uint64_t)(first & 0xFFFF) << bit_count;
        bit_count += (int)(first >> 16);
        bits |= (uint64_t)(second & 0xFFFF) << bit_count;
        bit_count += (int)(second >> 16);
        bits |= (uint64_t)(third & 0xFFFF) << bit_count;
        bit_count += (int)(third >> 16);
        // At most 52 bits are pending, so the shift stays below 64.
        memcpy(out, &bits, 8);
        int whole = bit_count >> 3;
        out += whole;
        bits >>= whole * 8;
        bit_count &= 7;
        index += 3;
    }
    state->bits = bits;
    state->bit_count = bit_count;
    state->out->length = (size_t)(out - state->out->data);
}

/// Writes the block's tokens; `raw` is the input the block covers, where runs read their bytes.
/// The bit accumulator lives in locals, as in `put_literals`, and every token ends with a
/// branch-free flush; kept in the state, it was reloaded and stored back around every token.
/// callgrind on the rounded-clipping paint fixture: put_tokens 3.98 M → 3.47 M instructions, the
/// whole encode 20.5 M → 20.0 M (gradient cards −2.5%, flat cards within ±0.4%), same bytes.
static void put_tokens(deflate_state *state, const block_codes *codes, const uint8_t *raw) {
    // Each length's code and extra bits as one value (at most 15 + 5 bits), built once per block
    // instead of looked up and shifted for every match.
    uint32_t length_values[MAX_MATCH + 1];
    uint8_t length_bits[MAX_MATCH + 1];
    for (uint32_t length = MIN_MATCH; length <= MAX_MATCH; length++) {
        uint32_t symbol = length_code(length);
        uint8_t code_bits = codes->litlen_lengths[257 + symbol];
        length_values[length] = codes->litlen_codes[257 + symbol] | (length - length_base[symbol]) << code_bits;
        length_bits[length] = (uint8_t)(code_bits + length_extra[symbol]);
    }
    // Literal codes as code | length << 16, built when the block's first run needs them.
    uint32_t literal_table[256];
    int has_literal_table = 0;
    uint64_t bits = state->bits;
    int bit_count = state->bit_count;
    uint8_t *out = state->out->data + state->out->length;
    for (int index = 0; index < state->token_count; index++) {
        uint32_t token = state->tokens[index];
        if (token < 256) {
            bits |= (uint64_t)codes->litlen_codes[token] << bit_count;
            bit_count += codes->litlen_lengths[token];
        } else if (token & RUN_TOKEN) {
            if (!has_literal_table) {
                for (int byte = 0; byte < 256; byte++) {
                    literal_table[byte] = codes->litlen_codes[byte] | (uint32_t)codes->litlen_lengths[byte] << 16;
                }
                has_literal_table = 1;
            }
            state->bits = bits;
            state->bit_count = bit_count;
            state->out->length = (size_t)(out - state->out->data);
            put_literals(state, literal_table, raw + state->tokens[index + 1], token & MAX_RUN);
            bits = state->bits;
            bit_count = state->bit_count;
            out = state->out->data + state->out->length;
            index++;
            continue;
        } else {
            uint32_t length = token >> 16, distance = token & 0xFFFF;
            if (distance == 0) distance = WINDOW; // 32768 does not fit in 16 bits; see `emit_match`.
            uint32_t dist_symbol = dist_code(distance);
            uint32_t dist_value = codes->dist_codes[dist_symbol]
                | (distance - dist_base[dist_symbol]) << codes->dist_lengths[dist_symbol];
            bits |= (uint64_t)length_values[length] << bit_count;
            bit_count += length_bits[length];
            bits |= (uint64_t)dist_value << bit_count;
            bit_count += codes->dist_lengths[dist_symbol] + dist_extra[dist_symbol];
        }
        // At most seven bits stay pending, and a token adds at most 15 (literal) or 20 + 28
        // (match) bits, so the accumulator never overflows. x86 is little-endian; the caller
        // reserved eight bytes past the end.
        memcpy(out, &bits, 8);
        int whole = bit_count >> 3;
        out += whole;
        bits = whole == 8 ? 0 : bits >> (whole * 8);
        bit_count &= 7;
    }
    state->bits = bits;
    state->bit_count = bit_count;
    state->out->length = (size_t)(out - state->out->data);
    put_bits(state, codes->litlen_codes[END_OF_BLOCK], codes->litlen_lengths[END_OF_BLOCK]);
}

/// Writes the pending tokens, covering `raw[0..<raw_length]`, as whichever of a dynamic, fixed or
/// stored block is smallest, then clears them.
static int flush_block(deflate_state *state, const uint8_t *raw, size_t raw_length, int final) {
    state->litlen_frequencies[END_OF_BLOCK]++;
    if (state->run_bytes > 0) {
        for (int byte = 0; byte < 256; byte++) {
            state->litlen_frequencies[byte] += state->run_frequencies[0][byte] + state->run_frequencies[1][byte]
                + state->run_frequencies[2][byte];
        }
    }

    block_codes dynamic;
    cimage_huffman_lengths(state->litlen_frequencies, LITLEN_CODES, 15, dynamic.litlen_lengths);
    cimage_huffman_lengths(state->dist_frequencies, DIST_CODES, 15, dynamic.dist_lengths);
    int litlen_count = LITLEN_CODES, dist_count = DIST_CODES;
    while (litlen_count > 257 && dynamic.litlen_lengths[litlen_count - 1] == 0) litlen_count--;
    while (dist_count > 1 && dynamic.dist_lengths[dist_count - 1] == 0) dist_count--;
    uint8_t all_lengths[LITLEN_CODES + DIST_CODES];
    memcpy(all_lengths, dynamic.litlen_lengths, (size_t)litlen_count);
    memcpy(all_lengths + litlen_count, dynamic.dist_lengths, (size_t)dist_count);
    uint16_t items[LITLEN_CODES + DIST_CODES];
    int item_count = run_length_encode(all_lengths, litlen_count + dist_count, items);
    uint32_t item_frequencies[CODE_LENGTH_CODES] = { 0 };
    for (int index = 0; index < item_count; index++) item_frequencies[items[index] & 0xFF]++;
    uint8_t item_lengths[CODE_LENGTH_CODES];
    uint16_t item_codes[CODE_LENGTH_CODES];
    cimage_huffman_lengths(item_frequencies, CODE_LENGTH_CODES, 7, item_lengths);
    int order_count = CODE_LENGTH_CODES;
    while (order_count > 4 && item_lengths[code_length_order[order_count - 1]] == 0) order_count--;

    uint64_t dynamic_bits = 3 + 5 + 5 + 4 + 3 * (uint64_t)order_count;
    for (int index = 0; index < item_count; index++) {
        int symbol = items[index] & 0xFF;
        dynamic_bits += item_lengths[symbol] + code_length_extra[symbol];
    }
    dynamic_bits += token_bits(state, dynamic.litlen_lengths, dynamic.dist_lengths);

    // RFC 1951 §3.2.6.
    block_codes fixed;
    memset(fixed.litlen_lengths, 8, 144);
    memset(fixed.litlen_lengths + 144, 9, 112);
    memset(fixed.litlen_lengths + 256, 7, 24);
    memset(fixed.litlen_lengths + 280, 8, 8);
    memset(fixed.dist_lengths, 5, DIST_CODES);
    uint64_t fixed_bits = 3 + token_bits(state, fixed.litlen_lengths, fixed.dist_lengths);

    // Each stored block holds at most 65,535 bytes behind a 3-bit header, padding and LEN/NLEN.
    size_t stored_blocks = raw_length / 65535 + (raw_length % 65535 != 0 || raw_length == 0);
    uint64_t stored_bits = (uint64_t)raw_length * 8 + stored_blocks * (3 + 7 + 32);

    uint64_t best = dynamic_bits < fixed_bits ? dynamic_bits : fixed_bits;
    if (stored_bits < best) best = stored_bits;
    if (!cimage_buffer_reserve(state->out, (size_t)(best / 8) + 64)) return 0;

    if (stored_bits == best) {
        size_t offset = 0;
        do {
            size_t part = raw_length - offset < 65535 ? raw_length - offset : 65535;
            int last = offset + part == raw_length;
            put_bits(state, (uint32_t)(final && last), 3);
            align_to_byte(state);
            uint8_t *at = state->out->data + state->out->length;
            at[0] = (uint8_t)part;
            at[1] = (uint8_t)(part >> 8);
            at[2] = (uint8_t)~part;
            at[3] = (uint8_t)(~part >> 8);
            memcpy(at + 4, raw + offset, part);
            state->out->length += 4 + part;
            offset += part;
        } while (offset < raw_length);
    } else if (fixed_bits == best) {
        put_bits(state, (uint32_t)final | 1u << 1, 3);
        cimage_huffman_codes(fixed.litlen_lengths, 288, fixed.litlen_codes);
        cimage_huffman_codes(fixed.dist_lengths, DIST_CODES, fixed.dist_codes);
        put_tokens(state, &fixed, raw);
    } else {
        put_bits(state, (uint32_t)final | 2u << 1, 3);
        put_bits(state, (uint32_t)(litlen_count - 257), 5);
        put_bits(state, (uint32_t)(dist_count - 1), 5);
        put_bits(state, (uint32_t)(order_count - 4), 4);
        for (int index = 0; index < order_count; index++) put_bits(state, item_lengths[code_length_order[index]], 3);
        cimage_huffman_codes(item_lengths, CODE_LENGTH_CODES, item_codes);
        for (int index = 0; index < item_count; index++) {
            int symbol = items[index] & 0xFF;
            put_bits(state, item_codes[symbol], item_lengths[symbol]);
            if (code_length_extra[symbol]) put_bits(state, items[index] >> 8, code_length_extra[symbol]);
        }
        cimage_huffman_codes(dynamic.litlen_lengths, LITLEN_CODES, dynamic.litlen_codes);
        cimage_huffman_codes(dynamic.dist_lengths, DIST_CODES, dynamic.dist_codes);
        put_tokens(state, &dynamic, raw);
    }
    state->token_count = 0;
    memset(state->litlen_frequencies, 0, sizeof state->litlen_frequencies);
    memset(state->dist_frequencies, 0, sizeof state->dist_frequencies);
    if (state->run_bytes > 0) memset(state->run_frequencies, 0, sizeof state->run_frequencies);
    state->run_bytes = 0;
    return 1;
}

// MARK: Matching

static void emit_literal(deflate_state *state, uint8_t byte) {
    state->tokens[state->token_count++] = byte;
    state->litlen_frequencies[byte]++;
}

static void emit_match(deflate_state *state, uint32_t length, uint32_t distance) {
    // A distance of 32,768 is kept as 0 in the token's low 16 bits.
    state->tokens[state->token_count++] = length << 16 | (distance & 0xFFFF);
    state->litlen_frequencies[257 + length_code(length)]++;
    state->dist_frequencies[dist_code(distance)]++;
}

/// Queues up to `count` bytes (at most MAX_RUN) at `offset` from the block's start as one run of
/// literals, counting them into four histograms in turn; returns how many it took. The caller
/// leaves room for the run's two tokens.
static size_t emit_run(deflate_state *state, const uint8_t *bytes, size_t count, size_t offset) {
    size_t part = count < MAX_RUN ? count : MAX_RUN;
    state->tokens[state->token_count++] = RUN_TOKEN | (uint32_t)part;
    state->tokens[state->token_count++] = (uint32_t)offset;
    state->run_bytes += part;
    uint32_t *zero = state->litlen_frequencies, *one = state->run_frequencies[0];
    uint32_t *two = state->run_frequencies[1], *three = state->run_frequencies[2];
    size_t index = 0;
    for (; index + 4 <= part; index += 4) {
        zero[bytes[index]]++;
        one[bytes[index + 1]]++;
        two[bytes[index + 2]]++;
        three[bytes[index + 3]]++;
    }
    for (; index < part; index++) zero[bytes[index]]++;
    return part;
}

void cimage_deflate_set_literal_rows(cimage_deflate *state, const uint8_t *rows) { state->literal_rows = rows; }

cimage_deflate *cimage_deflate_begin(size_t row_length, size_t pixel_bytes, cimage_buffer *out) {
    deflate_state *state = calloc(1, sizeof *state);
    if (state == NULL) return NULL;
    state->out = out;
    state->row_length = row_length;
    state->pixel_bytes = pixel_bytes;
    return state;
}

void cimage_deflate_end(cimage_deflate *state) { free(state); }

int cimage_deflate_write(cimage_deflate *state, const uint8_t *data, size_t available, int final) {
    // Unless this is the end, stop a full match plus a hash read short of `available`, so no match
    // is cut short: the output is the same however the input arrives.
    size_t stop = final ? available : available > MAX_MATCH + 8 ? available - (MAX_MATCH + 8) : 0;
    size_t position = state->position, block_start = state->block_start;
    const size_t pixel_bytes = state->pixel_bytes, row_length = state->row_length;
    uint32_t last_distance = state->last_distance;
    const uint8_t *literal_rows = state->literal_rows;
    // Where the row `position` is in ends: literal rows are looked up only when it is passed.
    size_t row_end = literal_rows != NULL ? 0 : SIZE_MAX;
    int ok = 1;
    while (ok && position < stop) {
        if (position >= row_end) {
            size_t row = position / row_length;
            size_t next_end = (row + 1) * row_length;
            if (literal_rows[row]) {
                // Whole rows only, so the tokens do not depend on how the input arrives.
                if (next_end > available) break;
                position += emit_run(state, data + position, next_end - position, position - block_start);
                // A run takes two tokens, so a block with one slot left is full.
                if (state->token_count >= BLOCK_TOKENS - 1 || state->run_bytes >= BLOCK_RUN_BYTES) {
                    ok = flush_block(state, data + block_start, position - block_start, final && position == available);
                    block_start = position;
                }
                // A run longer than MAX_RUN leaves the rest of its row for the next pass.
                if (position < next_end) continue;
            }
            row_end = next_end;
            if (position >= row_end) continue;
        }
        // Matching runs to the end of the row (or the stop) without looking at rows again.
        size_t segment_end = row_end < stop ? row_end : stop;
        while (ok && position < segment_end) {
            size_t limit = available - position < MAX_MATCH ? available - position : MAX_MATCH;
            const uint8_t *at = data + position;
            size_t best = 0;
            uint32_t best_distance = 0;
            // The hash reads eight bytes, so the last seven of the image go out as literals.
            if (available - position >= 8) {
                size_t reach = position < WINDOW ? position : WINDOW;
                try_distance(at, pixel_bytes, reach, limit, &best, &best_distance);
                try_distance(at, last_distance, reach, limit, &best, &best_distance);
                try_distance(at, row_length, reach, limit, &best, &best_distance);
                uint32_t slot = hash6(at);
                if (best < 32) {
                    // Positions are stored modulo 2^32; any candidate is verified by comparing bytes.
                    uint32_t distance = (uint32_t)position - state->hash[slot];
                    if (distance > 0 && distance <= reach && distance != best_distance && at[best] == at[best - distance]) {
                        size_t found = match_length(at, at - distance, limit);
                        if (found >= 4 && found > best) {
                            best = found;
                            best_distance = distance;
                        }
                    }
                }
                state->hash[slot] = (uint32_t)position;
            }
            if (best >= MIN_MATCH) {
                emit_match(state, (uint32_t)best, best_distance);
                last_distance = best_distance;
                // Short matches are where text and shifted gradients continue, so their positions are
                // worth finding again; inside long runs a few entries are enough (and measured smaller
                // over the fidelity cards than denser ones, which overwrite more useful entries).
                size_t step = best < 16 ? 4 : 64;
                size_t end = position + best;
                for (size_t inner = position + step; inner < end && available - inner >= 8; inner += step) {
                    state->hash[hash6(data + inner)] = (uint32_t)inner;
                }
                position = end;
            } else {
                emit_literal(state, *at);
                position++;
            }
            if (state->token_count == BLOCK_TOKENS) {
                ok = flush_block(state, data + block_start, position - block_start, final && position == available);
                block_start = position;
            }
        }
    }
    if (ok && final && (state->token_count > 0 || block_start < available || available == 0)) {
        ok = flush_block(state, data + block_start, position - block_start, 1);
        block_start = position;
    }
    if (ok && final) ok = cimage_buffer_reserve(state->out, 8);
    if (ok && final) align_to_byte(state);
    state->position = position;
    state->block_start = block_start;
    state->last_distance = last_distance;
    return ok ? CIMAGE_OK : CIMAGE_ERROR_NO_MEMORY;
}
