// Huffman coding of a baseline JPEG scan (ITU-T T.81 §F.1.2) with the typical tables of Annex K.3,
// making the bytes libjpeg's jchuff.c makes. Bits collect in a 64-bit word that is written out
// 32 bits at a time, byte-stuffed only when one of those four bytes is 0xFF. The AC coefficients
// are not scanned one by one: a mask of the nonzero ones, in zigzag order, is built from the block
// (with AVX2 compares where the CPU has them) and only its set bits are visited, so a block costs
// its nonzero coefficients rather than 63 tests; most blocks of a card have none at all.
#include "jpeg_entropy.h"
#include "jpeg_tables.h"

#include <immintrin.h>
#include <pthread.h>
#include <string.h>

/// The codes of one Huffman table, each entry `code << 8 | length` (0 for a symbol not in it).
typedef struct {
    /// By DC size category 0...11.
    uint32_t dc[12];
    /// By AC symbol: zeros before the coefficient << 4 | its size.
    uint32_t ac[256];
} code_table;

enum { END_OF_BLOCK = 0x00, SIXTEEN_ZEROS = 0xF0 };

// Set up once per process: the standard tables never change.
static code_table tables[2];
/// For row r of a block and the byte of its nonzero columns, those coefficients' zigzag positions.
static uint64_t zigzag_bits[8][256];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/// Assigns the codes of a DHT-form table (T.81 Annex C): codes of one length are consecutive, and
/// the first code of each length is twice the one after the last code of the length before.
static void derive_codes(const cimage_jpeg_huffman_spec *spec, uint32_t *entries) {
    uint32_t code = 0;
    int index = 0;
    for (uint32_t length = 1; length <= 16; length++) {
        for (int n = 0; n < spec->counts[length - 1]; n++) entries[spec->symbols[index++]] = code++ << 8 | length;
        code <<= 1;
    }
}

static void set_up_tables(void) {
    cimage_jpeg_huffman_spec spec;
    for (int chroma = 0; chroma < 2; chroma++) {
        cimage_jpeg_standard_huffman(chroma, 0, &spec);
        derive_codes(&spec, tables[chroma].dc);
        cimage_jpeg_standard_huffman(chroma, 1, &spec);
        derive_codes(&spec, tables[chroma].ac);
    }
    uint8_t position[64];
    for (int k = 0; k < 64; k++) position[cimage_jpeg_zigzag[k]] = (uint8_t)k;
    for (int row = 0; row < 8; row++) {
        for (int columns = 0; columns < 256; columns++) {
            uint64_t bits = 0;
            for (int column = 0; column < 8; column++) {
                if (columns >> column & 1) bits |= 1ull << position[row * 8 + column];
            }
            zigzag_bits[row][columns] = bits;
        }
    }
}

void cimage_jpeg_scan_start(cimage_jpeg_scan *scan) {
    pthread_once(&tables_once, set_up_tables);
    memset(scan, 0, sizeof *scan);
}

/// The scan's pending bits and where its bytes go, kept in locals while an MCU is coded.
typedef struct {
    uint64_t bits;
    uint32_t count;
    uint8_t *cursor;
} bit_writer;

/// Appends the low `length` bits of `value` (at most 27, the rest zero). Once 32 bits are pending
/// they are written, each 0xFF byte followed by a 0 so it cannot be read as a marker (§F.1.2.3).
__attribute__((always_inline))
static inline void put_bits(bit_writer *writer, uint32_t value, uint32_t length) {
    writer->bits = writer->bits << length | value;
    writer->count += length;
    if (writer->count < 32) return;
    writer->count -= 32;
    uint32_t word = (uint32_t)(writer->bits >> writer->count);
    // `word` has a 0xFF byte exactly when its complement has a zero byte.
    uint32_t inverse = ~word;
    if (((inverse - 0x01010101u) & ~inverse & 0x80808080u) == 0) {
        uint32_t big_endian = __builtin_bswap32(word);
        memcpy(writer->cursor, &big_endian, 4);
        writer->cursor += 4;
        return;
    }
    for (int shift = 24; shift >= 0; shift -= 8) {
        uint8_t byte = (uint8_t)(word >> shift);
        writer->cursor[0] = byte;
        writer->cursor[1] = 0;
        writer->cursor += 1 + (byte == 0xFF);
    }
}

/// The code of entry `code` followed by `value` in `size` bits: positive values as they are,
/// negative ones as value − 1 in two's complement, i.e. with the bits inverted (§F.1.2.1.1).
__attribute__((always_inline))
static inline void put_coded(bit_writer *writer, uint32_t code, int32_t value, uint32_t size) {
    uint32_t bits = (uint32_t)(value + (value >> 31)) & ((1u << size) - 1);
    put_bits(writer, (code >> 8) << size | bits, (code & 0xFF) + size);
}

/// The size category of a value: the bits of its magnitude, 0 for 0.
__attribute__((always_inline))
static inline uint32_t size_of(int32_t value) {
    uint32_t magnitude = (uint32_t)(value < 0 ? -value : value);
    return 31 - (uint32_t)__builtin_clz(magnitude * 2 + 1);
}

/// Which of a block's 64 coefficients are nonzero, bit n for natural index n.
static inline uint64_t nonzero_natural(const int16_t block[64]) {
    uint64_t bits = 0;
    for (int index = 0; index < 64; index++) bits |= (uint64_t)(block[index] != 0) << index;
    return bits;
}

/// `nonzero_natural` with AVX2: the coefficients narrowed to bytes with saturation (which keeps
/// nonzero values nonzero), compared with zero, and the byte signs gathered.
__attribute__((target("avx2")))
static inline uint64_t nonzero_natural_avx2(const int16_t block[64]) {
    const __m256i zero = _mm256_setzero_si256();
    uint64_t zeros = 0;
    for (int half = 0; half < 2; half++) {
        __m256i low = _mm256_loadu_si256((const __m256i *)(block + half * 32));
        __m256i high = _mm256_loadu_si256((const __m256i *)(block + half * 32 + 16));
        // Packing works within 128-bit halves; the permute puts the four rows back in order.
        __m256i bytes = _mm256_permute4x64_epi64(_mm256_packs_epi16(low, high), 0xD8);
        zeros |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(bytes, zero)) << (half * 32);
    }
    return ~zeros;
}

/// A natural-order mask of coefficients moved to their zigzag positions, eight at a time.
__attribute__((always_inline))
static inline uint64_t zigzag_mask(uint64_t natural) {
    uint64_t mask = 0;
    for (int row = 0; row < 8; row++) mask |= zigzag_bits[row][(natural >> (row * 8)) & 0xFF];
    return mask;
}

/// The DC of a block as the difference from the previous block's (§F.1.2.1), followed by `tail`
/// (`tail_length` bits, at most 4) in the same write.
__attribute__((always_inline))
static inline void put_dc(bit_writer *writer, int32_t dc, int32_t *last_dc, const code_table *table, uint32_t tail,
                          uint32_t tail_length) {
    int32_t difference = dc - *last_dc;
    *last_dc = dc;
    uint32_t size = size_of(difference);
    uint32_t code = table->dc[size];
    uint32_t bits = (uint32_t)(difference + (difference >> 31)) & ((1u << size) - 1);
    put_bits(writer, ((code >> 8) << size | bits) << tail_length | tail, (code & 0xFF) + size + tail_length);
}

/// Codes one block (§F.1.2.1 and §F.1.2.2): its DC, then each nonzero AC coefficient in zigzag
/// order with the zeros before it, a run of more than 15 zeros first as sixteen-zero codes, and an
/// end-of-block code unless the last coefficient is nonzero — as libjpeg's encode_one_block does.
/// A block known to have no AC (`dc_only`) is its DC and the end-of-block code in one write.
__attribute__((always_inline))
static inline void code_block(bit_writer *writer, const int16_t block[64], int dc_only, int32_t *last_dc,
                              const code_table *table, int avx2) {
    const uint32_t end_of_block = table->ac[END_OF_BLOCK];
    uint64_t nonzero = 0;
    if (!dc_only) {
        uint64_t natural = avx2 ? nonzero_natural_avx2(block) : nonzero_natural(block);
        nonzero = zigzag_mask(natural & ~1ull);
    }
    if (!nonzero) {
        put_dc(writer, block[0], last_dc, table, end_of_block >> 8, end_of_block & 0xFF);
        return;
    }
    put_dc(writer, block[0], last_dc, table, 0, 0);
    uint32_t last = 0;
    do {
        uint32_t position = (uint32_t)__builtin_ctzll(nonzero);
        nonzero &= nonzero - 1;
        uint32_t zeros = position - last - 1;
        last = position;
        for (; zeros >= 16; zeros -= 16) put_bits(writer, table->ac[SIXTEEN_ZEROS] >> 8, table->ac[SIXTEEN_ZEROS] & 0xFF);
        int32_t value = block[cimage_jpeg_zigzag[position]];
        uint32_t size = size_of(value);
        put_coded(writer, table->ac[zeros << 4 | size], value, size);
    } while (nonzero);
    if (last != 63) put_bits(writer, end_of_block >> 8, end_of_block & 0xFF);
}

/// The six blocks of an MCU, written out so each knows its table.
__attribute__((always_inline))
static inline uint8_t *code_mcu(cimage_jpeg_scan *scan, const cimage_jpeg_block blocks[6], unsigned dc_only,
                                uint32_t luma_block_rows, int avx2, uint8_t *cursor) {
    bit_writer writer = { scan->bits, scan->count, cursor };
    const code_table *luma = &tables[0], *chroma = &tables[1];
    code_block(&writer, blocks[0], dc_only & 1, &scan->last_dc[0], luma, avx2);
    code_block(&writer, blocks[1], dc_only & 2, &scan->last_dc[0], luma, avx2);
    if (luma_block_rows == 2) {
        code_block(&writer, blocks[2], dc_only & 4, &scan->last_dc[0], luma, avx2);
        code_block(&writer, blocks[3], dc_only & 8, &scan->last_dc[0], luma, avx2);
    } else {
        // libjpeg's padding blocks below the image (jccoefct.c) have the DC of the block before
        // them, so a difference of 0, and no AC: twice the code of size 0 and end of block.
        uint32_t zero = luma->dc[0], end_of_block = luma->ac[END_OF_BLOCK];
        uint32_t pair = (zero >> 8) << (end_of_block & 0xFF) | end_of_block >> 8;
        uint32_t pair_length = (zero & 0xFF) + (end_of_block & 0xFF);
        put_bits(&writer, pair << pair_length | pair, 2 * pair_length);
    }
    code_block(&writer, blocks[4], dc_only & 16, &scan->last_dc[1], chroma, avx2);
    code_block(&writer, blocks[5], dc_only & 32, &scan->last_dc[2], chroma, avx2);
    scan->bits = writer.bits;
    scan->count = writer.count;
    return writer.cursor;
}

// With BMI2 and LZCNT the variable shifts, masks and size categories take one instruction each.
__attribute__((target("avx2,bmi,bmi2,lzcnt")))
static uint8_t *code_mcu_avx2(cimage_jpeg_scan *scan, const cimage_jpeg_block blocks[6], unsigned dc_only,
                              uint32_t luma_block_rows, uint8_t *cursor) {
    return code_mcu(scan, blocks, dc_only, luma_block_rows, 1, cursor);
}

static uint8_t *code_mcu_portable(cimage_jpeg_scan *scan, const cimage_jpeg_block blocks[6], unsigned dc_only,
                                  uint32_t luma_block_rows, uint8_t *cursor) {
    return code_mcu(scan, blocks, dc_only, luma_block_rows, 0, cursor);
}

uint8_t *cimage_jpeg_code_mcu(cimage_jpeg_scan *scan, const cimage_jpeg_block blocks[6], unsigned dc_only,
                              uint32_t luma_block_rows, int avx2, uint8_t *cursor) {
    return avx2 ? code_mcu_avx2(scan, blocks, dc_only, luma_block_rows, cursor)
                : code_mcu_portable(scan, blocks, dc_only, luma_block_rows, cursor);
}

uint8_t *cimage_jpeg_scan_finish(cimage_jpeg_scan *scan, uint8_t *cursor) {
    bit_writer writer = { scan->bits, scan->count, cursor };
    uint32_t padding = (8 - writer.count % 8) % 8;
    if (padding) put_bits(&writer, (1u << padding) - 1, padding);
    while (writer.count >= 8) {
        writer.count -= 8;
        uint8_t byte = (uint8_t)(writer.bits >> writer.count);
        *writer.cursor++ = byte;
        if (byte == 0xFF) *writer.cursor++ = 0;
    }
    scan->bits = 0;
    scan->count = 0;
    return writer.cursor;
}
