/* symfont.h -- fonts whose characters are pictures, not letters.
 *
 * Text typed in Wingdings, Symbol and the like stores ASCII or private-use
 * codes (Word writes U+F0xx for glyph xx) that no language model can read:
 * principle 2 flags them (AIR_SPAN_SYMFONT, AIR_SPAN_SYM), and the
 * Markdown emitter and the DOCX bullet markers map the obvious glyphs back
 * to Unicode. Shared by every reader; libc only. */
#ifndef AIR_READ_SYMFONT_H
#define AIR_READ_SYMFONT_H

#include <stddef.h>
#include <stdint.h>

/* The canonical spelling of symbol font 'name' (its first 'n' bytes,
 * matched without regard to ASCII case or surrounding blanks), a static
 * string; NULL when 'name' is not a symbol font. */
const char *air_symfont_match(const char *name, size_t n);

/* The Unicode character that glyph 'code' of symbol font 'font' shows
 * ('code' either 0x20..0xFF or Word's private-use form 0xF020..0xF0FF),
 * or 0 when there is no obvious one. 'font' is a canonical name from
 * air_symfont_match() (any spelling is accepted). */
uint32_t air_symfont_unicode(const char *font, uint32_t code);

#endif
