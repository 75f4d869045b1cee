#pragma once
// Unversioned wrappers for the few ICU C functions the text engine uses.
//
// ICU renames every function with its version (ubrk_open -> ubrk_open_72) through macros Swift cannot
// see, and Foundation on Linux ships its own copy of the ICU headers whose types clash with the system
// ones inside one Swift module. So this header uses only plain C types, and the ICU headers are
// included by cicu.c alone. Return values < 0 mean ICU reported an error.
#include <stdint.h>

/// Opens a UAX #14 line break iterator for the root locale; NULL on failure.
void *cicu_line_iterator_open(void);
void cicu_line_iterator_close(void *iterator);
/// Points the iterator at `text`; 0 on success.
int32_t cicu_line_iterator_set_text(void *iterator, const uint16_t *text, int32_t length);
/// The next boundary after the current one, or -1 when done; `hard` gets 1 for a mandatory break.
int32_t cicu_line_iterator_next(void *iterator, int32_t *hard);

/// Opens a UBiDi object; NULL on failure.
void *cicu_bidi_open(void);
void cicu_bidi_close(void *bidi);
/// Runs UAX #9 over `text` with paragraph level 0, 1 or (`level` = 255) the first strong character's,
/// and copies one embedding level per UTF-16 unit to `levels`. Returns the paragraph level, or -1.
int32_t cicu_bidi_levels(void *bidi, const uint16_t *text, int32_t length, uint8_t level, uint8_t *levels);
/// Logical indices in visual order for `levels` (UAX #9 L2).
void cicu_bidi_reorder_visual(const uint8_t *levels, int32_t length, int32_t *index_map);

/// The ISO 15924 tag of `codepoint`'s script packed big-endian ('Arab' = 0x41726162), or 0 for
/// Common, Inherited and Unknown, which take the script of their neighbours.
uint32_t cicu_script_tag(int32_t codepoint);
