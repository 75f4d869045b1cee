#include "cicu.h"
#include <unicode/ubrk.h>
#include <unicode/ubidi.h>
#include <unicode/uscript.h>

void *cicu_line_iterator_open(void) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_LINE, "", NULL, 0, &status);
    if (U_FAILURE(status)) {
        if (iterator) ubrk_close(iterator);
        return NULL;
    }
    return iterator;
}

void cicu_line_iterator_close(void *iterator) { ubrk_close((UBreakIterator *)iterator); }

int32_t cicu_line_iterator_set_text(void *iterator, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)iterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_first((UBreakIterator *)iterator);
    return 0;
}

int32_t cicu_line_iterator_next(void *iterator, int32_t *hard) {
    int32_t offset = ubrk_next((UBreakIterator *)iterator);
    if (offset == UBRK_DONE) return -1;
    int32_t status = ubrk_getRuleStatus((UBreakIterator *)iterator);
    *hard = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT;
    return offset;
}

void *cicu_bidi_open(void) { return ubidi_open(); }

void cicu_bidi_close(void *bidi) { ubidi_close((UBiDi *)bidi); }

int32_t cicu_bidi_levels(void *bidi, const uint16_t *text, int32_t length, uint8_t level, uint8_t *levels) {
    UErrorCode status = U_ZERO_ERROR;
    UBiDiLevel paragraph = level > 1 ? UBIDI_DEFAULT_LTR : level;
    ubidi_setPara((UBiDi *)bidi, (const UChar *)text, length, paragraph, NULL, &status);
    if (U_FAILURE(status)) return -1;
    const UBiDiLevel *result = ubidi_getLevels((UBiDi *)bidi, &status);
    if (U_FAILURE(status) || result == NULL) return -1;
    for (int32_t index = 0; index < length; index++) levels[index] = result[index];
    return ubidi_getParaLevel((UBiDi *)bidi);
}

void cicu_bidi_reorder_visual(const uint8_t *levels, int32_t length, int32_t *index_map) {
    ubidi_reorderVisual(levels, length, index_map);
}

uint32_t cicu_script_tag(int32_t codepoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(codepoint, &status);
    if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED || script == USCRIPT_UNKNOWN) return 0;
    const char *name = uscript_getShortName(script);
    if (name == NULL) return 0;
    uint32_t tag = 0;
    for (int index = 0; index < 4; index++) {
        char letter = name[index];
        if (letter == 0) return 0;
        tag = (tag << 8) | (uint8_t)letter;
    }
    return tag;
}
